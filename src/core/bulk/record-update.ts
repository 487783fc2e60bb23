import { EDITABLE_FIELDS, EDITABLE_FIELD_NAMES, type FileChangeUpdate, type FileRecord } from '../../cdf/model';
import { omitEmpty } from '../apply';
import { diff } from '../diff';
import { elementKey } from './compile-action';

/**
 * The minimal update from `before` to `after`, or `undefined` when they hold the same values: the
 * editor's `diff`, which sends metadata and the set-like fields as `add`/`remove` of what differs
 * (never `set`), so a concurrent change to other keys or elements survives a bulk action too.
 */
export function minimalUpdate(before: FileRecord, after: FileRecord): FileChangeUpdate | undefined {
  return diff(before, after);
}

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
