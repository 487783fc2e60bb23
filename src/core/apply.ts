import type { FileChangeUpdate, FileRecord } from '../cdf/model';
import { ownField, CLASSIC_FILE_FIELDS, type FieldTable } from './fields';

/**
 * What `POST /files/update` does to one record, as far as the public record tells: each field's kind
 * applies its patch (`set` replaces, `setNull` clears; `add`/`remove` edit a set or a map, remove
 * first, then add, so an added key wins; adding a present label is a no-op, removing an absent one too).
 * Pure: the caller validates the result's limits and bumps `lastUpdatedTime`.
 * Shared by the emulator (the server side) and by tests of the diff engine (the client side).
 */
export function applyUpdate(record: FileRecord, update: FileChangeUpdate): FileRecord {
  return applyRecord(CLASSIC_FILE_FIELDS, record, update);
}

/** The same for any record kind. */
export function applyRecord<R extends object>(kind: FieldTable, record: R, update: object): R {
  const out: Record<string, unknown> = { ...(record as Record<string, unknown>) };
  for (const field of kind.fields) {
    const patch = ownField(update, field.name);
    if (patch === undefined) continue;
    out[field.name] = field.kind.apply(out[field.name], patch as object);
  }
  return omitEmpty(out as R);
}

/** CDF leaves out unset fields, empty lists and empty metadata in responses. */
export function omitEmpty<R extends object>(record: R): R {
  const kept = Object.entries(record as Record<string, unknown>).filter(([key, value]) => {
    if (value === null || value === undefined) return false;
    if (Array.isArray(value) && value.length === 0) return false;
    return !(key === 'metadata' && typeof value === 'object' && Object.keys(value).length === 0);
  });
  // Object.fromEntries defines every key as data; an assignment to "__proto__" would set the prototype.
  return Object.fromEntries(kept) as R;
}
