import type { FileRecord } from '../../../cdf/model';
import { omitEmpty } from '../../apply';
import { ownField, CLASSIC_FILE_FIELDS, putField } from '../../fields';

/**
 * `after` as the API will return it: empty values left out, and each collection in the order
 * `add`/`remove` produce (the elements `before` kept, in its order, then the new ones), so that
 * `applyUpdate(before, diff(before, after))` equals it exactly.
 */
export function normalizeAfter(before: FileRecord, after: FileRecord): FileRecord {
  const out: Record<string, unknown> = { ...after };
  for (const field of CLASSIC_FILE_FIELDS.fields)
    putField(out, field, field.kind.rebase(ownField(before, field.name), ownField(after, field.name)));
  return omitEmpty(out as FileRecord);
}
