import {
  EDITABLE_FIELDS,
  EDITABLE_FIELD_NAMES,
  type FileChangeUpdate,
  type FileRecord,
  type MetadataPatch,
} from '../../cdf/model';
import { omitEmpty } from '../apply';
import { diff } from '../diff';
import { elementKey } from './compile-action';
import { ownValue } from './own-keys';

/**
 * The minimal update from `before` to `after`, or `undefined` when they hold the same values.
 * Which fields changed and the scalar patches come from the editor's `diff`; metadata and the
 * set-like fields are always sent as `add`/`remove` of what differs (never `set`, which `diff`
 * picks when it is shorter), because in a bulk action add/remove commutes with a concurrent
 * change to other keys or elements, where `set` would undo it.
 */
export function minimalUpdate(before: FileRecord, after: FileRecord): FileChangeUpdate | undefined {
  const update = diff(before, after) as Record<string, unknown> | undefined;
  if (!update) return undefined;
  for (const name of EDITABLE_FIELD_NAMES) {
    if (update[name] === undefined) continue;
    const kind = EDITABLE_FIELDS[name].kind;
    if (kind === 'metadata') update[name] = metadataAddRemove(before.metadata ?? {}, after.metadata ?? {});
    else if (kind === 'idSet' || kind === 'labels')
      update[name] = elementsAddRemove((before[name] as unknown[]) ?? [], (after[name] as unknown[]) ?? []);
  }
  return update;
}

function metadataAddRemove(before: Record<string, string>, after: Record<string, string>): MetadataPatch {
  const add = Object.fromEntries(Object.entries(after).filter(([k, v]) => ownValue(before, k) !== v));
  const remove = Object.keys(before).filter((k) => ownValue(after, k) === undefined);
  return { ...(Object.keys(add).length ? { add } : {}), ...(remove.length ? { remove } : {}) };
}

function elementsAddRemove(before: unknown[], after: unknown[]): { add?: unknown[]; remove?: unknown[] } {
  const was = new Set(before.map(elementKey));
  const is = new Set(after.map(elementKey));
  const add = after.filter((e) => !was.has(elementKey(e))).map(copyElement);
  const remove = before.filter((e) => !is.has(elementKey(e))).map(copyElement);
  return { ...(add.length ? { add } : {}), ...(remove.length ? { remove } : {}) };
}

const copyElement = (e: unknown): unknown => (typeof e === 'number' ? e : { externalId: elementKey(e) });

/**
 * `after` as the API will return it: empty values left out, and each set-like field in the order
 * `add`/`remove` produce (the elements `before` kept, in its order, then the new ones), so that
 * `applyUpdate(before, minimalUpdate(before, after))` equals it exactly.
 */
export function normalizeAfter(before: FileRecord, after: FileRecord): FileRecord {
  const out: Record<string, unknown> = { ...after };
  for (const name of EDITABLE_FIELD_NAMES) {
    const kind = EDITABLE_FIELDS[name].kind;
    if (kind !== 'idSet' && kind !== 'labels') continue;
    const next = out[name] as unknown[] | undefined;
    if (!next) continue;
    const is = new Set(next.map(elementKey));
    const kept = ((before[name] as unknown[] | undefined) ?? []).filter((e) => is.has(elementKey(e)));
    const keptKeys = new Set(kept.map(elementKey));
    out[name] = [...kept, ...next.filter((e) => !keptKeys.has(elementKey(e)))];
  }
  return omitEmpty(out as FileRecord);
}
