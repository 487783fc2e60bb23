import type { DirectRelation } from '../../cdf/model';
import { checkRelation, parseRelation, relationKey } from './direct-relation';
import { orderedSetKind } from './ordered-set';
import { listItems } from './input';
import type { Parsed } from './kind';

/** Relations typed as a JSON array (of objects or `space:externalId` texts) or a comma list. */
function parseRelations(text: string, field: string): Parsed<DirectRelation[]> {
  const items = listItems(text, /[\s,]+/);
  if (!items.ok) return items;
  const out: DirectRelation[] = [];
  for (const [i, item] of items.value.entries()) {
    const parsed =
      typeof item === 'string'
        ? parseRelation(item, `${field}[${i}]`)
        : parseRelation(JSON.stringify(item), `${field}[${i}]`);
    if (!parsed.ok) return parsed;
    out.push(parsed.value);
  }
  return { ok: true, value: out };
}

/**
 * A list of direct relations (a CogniteFile's `assets`): a node counts once (by `space:externalId`),
 * and the order is kept and sent (see ordered-set.ts). The API writes such a list whole, so the record
 * kind applies this kind's patch to the list CDF holds and sends the result (see
 * core/records/cognite-file.ts): what someone else added meanwhile stays.
 */
export const directRelationListKind = orderedSetKind({
  name: 'directRelationList',
  members: { key: relationKey, duplicateCode: 'duplicate-id', check: checkRelation },
  element: (r) => {
    const rel = r as DirectRelation;
    return typeof r === 'object' && r !== null ? { space: rel.space, externalId: rel.externalId } : r;
  },
  parseInput: parseRelations,
});
