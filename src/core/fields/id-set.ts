import type { Parsed } from './kind';
import { checkId, listItems } from './input';
import { setKind } from './element-set';

/** Ids typed as a JSON array or a comma- or space-separated list; each must be an internal id. */
function parseIds(text: string, field: string): Parsed<number[]> {
  const items = listItems(text);
  if (!items.ok) return items;
  const ids: number[] = [];
  for (const [i, item] of items.value.entries()) {
    const value = typeof item === 'string' && /^\d+$/.test(item) ? Number(item) : item;
    const message = checkId(value, `${field}[${i}]`);
    if (message) return { ok: false, message };
    ids.push(value as number);
  }
  return { ok: true, value: ids };
}

/** A set of internal ids (assetIds, securityCategories): an id is its own identity. */
export const idSetKind = setKind({
  name: 'idSet',
  members: { key: (id) => id as number, duplicateCode: 'duplicate-id', check: (id) => checkId(id) },
  element: (id) => id,
  parseInput: parseIds,
});
