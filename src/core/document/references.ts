import { parseTree, type Node } from 'jsonc-parser';
import type { FieldTable, RecordField } from '../fields';

/** A value in a record document that names another resource by its id. */
export interface ReferenceValue {
  kind: 'dataSet' | 'asset' | 'label';
  /** The id (data sets, assets) or external id (labels) as written. */
  value: number | string;
  /** Where the value's text ends: a name is shown there. */
  end: number;
}

const REFERENCED = { dataSets: 'dataSet', assets: 'asset', labels: 'label' } as const;

/**
 * The ids and label external ids a record document (an object) or a selection document (an array
 * of them) names in the kind's referring fields (classic: data set, assets, labels), in text order.
 * Works on text that does not parse as a whole: the user is typing.
 */
export function referenceValues(table: FieldTable, text: string): ReferenceValue[] {
  const root = parseTree(text);
  if (!root) return [];
  const referring = new Map(table.fields.filter((f) => f.references).map((f) => [f.name, f]));
  const records = root.type === 'array' ? (root.children ?? []) : [root];
  return records.flatMap((record) => (record.type === 'object' ? referencesOf(referring, record) : []));
}

function referencesOf(referring: ReadonlyMap<string, RecordField>, record: Node): ReferenceValue[] {
  const out: ReferenceValue[] = [];
  for (const prop of record.children ?? []) {
    const [key, value] = prop.children ?? [];
    const field = key && referring.get(String(key.value));
    if (!field || !value) continue;
    const kind = REFERENCED[field.references!];
    // A field's value is one reference (an id), or a list of them (ids, labels as {externalId}).
    const items = value.type === 'array' ? (value.children ?? []) : [value];
    for (const item of items) {
      const named = item.type === 'object' ? propertyValue(item, 'externalId') : item;
      if (named?.type === 'number' || named?.type === 'string')
        out.push({ kind, value: named.value as number | string, end: endOf(named) });
    }
  }
  return out;
}

const endOf = (node: Node): number => node.offset + node.length;

function propertyValue(object: Node, name: string): Node | undefined {
  const prop = object.children?.find((p) => p.children?.[0]?.value === name);
  return prop?.children?.[1];
}
