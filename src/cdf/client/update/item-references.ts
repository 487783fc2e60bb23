/**
 * Matching CDF's `missing` / `duplicated` lists back to the update items that caused them.
 *
 * CDF names items by how the request named them: `{id}`, `{externalId}` or `{instanceId}`. A
 * `duplicated` externalId can also be a value an item tries to *set* (409: another file already
 * has it), so that is matched too.
 */
import type { FileRecord, FileUpdateItem } from '../../model';
import type { ItemReference } from '../errors';

/** A stable string naming the file an item updates, e.g. `id:42`, `externalId:"a"`. */
export function identityKey(item: FileUpdateItem): string {
  if ('id' in item) return `id:${item.id}`;
  if ('externalId' in item) return `externalId:${JSON.stringify(item.externalId)}`;
  return `instanceId:${JSON.stringify([item.instanceId.space, item.instanceId.externalId])}`;
}

function referenceKeys(ref: ItemReference): string[] {
  const keys: string[] = [];
  if (typeof ref.id === 'number') keys.push(`id:${ref.id}`);
  if (typeof ref.externalId === 'string') keys.push(`externalId:${JSON.stringify(ref.externalId)}`);
  const instance = ref.instanceId as { space?: unknown; externalId?: unknown } | undefined;
  if (instance && typeof instance.space === 'string' && typeof instance.externalId === 'string') {
    keys.push(`instanceId:${JSON.stringify([instance.space, instance.externalId])}`);
  }
  return keys;
}

/** Positions (within `items`) of the items a `missing` or `duplicated` list names. */
export function matchReferences(
  items: readonly FileUpdateItem[],
  refs: readonly ItemReference[],
  kind: 'missing' | 'duplicated',
): Set<number> {
  const wanted = new Set(refs.flatMap(referenceKeys));
  const matched = new Set<number>();
  items.forEach((item, i) => {
    if (wanted.has(identityKey(item))) matched.add(i);
    const newExternalId = item.update.externalId;
    if (kind === 'duplicated' && newExternalId && 'set' in newExternalId) {
      if (wanted.has(`externalId:${JSON.stringify(newExternalId.set)}`)) matched.add(i);
    }
  });
  return matched;
}

/**
 * Pairs returned records with the items sent. CDF answers in request order; if the count differs
 * (it should not), fall back to matching by id / externalId / instanceId.
 */
export function pairRecords(
  items: readonly FileUpdateItem[],
  records: readonly FileRecord[],
): (FileRecord | undefined)[] {
  if (records.length === items.length) return [...records];
  const byKey = new Map<string, FileRecord>();
  for (const r of records) {
    byKey.set(`id:${r.id}`, r);
    if (r.externalId !== undefined) byKey.set(`externalId:${JSON.stringify(r.externalId)}`, r);
    if (r.instanceId) byKey.set(`instanceId:${JSON.stringify([r.instanceId.space, r.instanceId.externalId])}`, r);
  }
  return items.map((item) => {
    const direct = byKey.get(identityKey(item));
    if (direct) return direct;
    const set = item.update.externalId;
    return set && 'set' in set ? byKey.get(`externalId:${JSON.stringify(set.set)}`) : undefined;
  });
}
