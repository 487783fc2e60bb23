import { parseTree, type Node } from 'jsonc-parser';

/** A value in a record document that names another resource by its id. */
export interface ReferenceValue {
  kind: 'dataSet' | 'asset' | 'label';
  /** The id (data sets, assets) or external id (labels) as written. */
  value: number | string;
  /** Where the value's text ends: a name is shown there. */
  end: number;
}

/**
 * The data set id, asset ids and label external ids a record document (an object) or a selection
 * document (an array of them) holds, in text order. Works on text that does not parse as a whole:
 * the user is typing.
 */
export function referenceValues(text: string): ReferenceValue[] {
  const root = parseTree(text);
  if (!root) return [];
  const records = root.type === 'array' ? (root.children ?? []) : [root];
  return records.flatMap((record) => (record.type === 'object' ? referencesOf(record) : []));
}

function referencesOf(record: Node): ReferenceValue[] {
  const out: ReferenceValue[] = [];
  for (const prop of record.children ?? []) {
    const [key, value] = prop.children ?? [];
    if (!key || !value) continue;
    const field = key.value as unknown;
    if (field === 'dataSetId' && value.type === 'number') {
      out.push({ kind: 'dataSet', value: value.value as number, end: value.offset + value.length });
    } else if (field === 'assetIds' && value.type === 'array') {
      for (const item of value.children ?? []) {
        if (item.type === 'number') out.push({ kind: 'asset', value: item.value as number, end: endOf(item) });
      }
    } else if (field === 'labels' && value.type === 'array') {
      for (const label of value.children ?? []) {
        const externalId = label.type === 'object' ? propertyValue(label, 'externalId') : undefined;
        if (externalId?.type === 'string') {
          out.push({ kind: 'label', value: externalId.value as string, end: endOf(externalId) });
        }
      }
    }
  }
  return out;
}

const endOf = (node: Node): number => node.offset + node.length;

function propertyValue(object: Node, name: string): Node | undefined {
  const prop = object.children?.find((p) => p.children?.[0]?.value === name);
  return prop?.children?.[1];
}
