import { omitEmpty } from '../../apply';
import { ownField, putField } from '../../fields';
import type { BulkKind } from '../bulk-kind';

/**
 * `after` as the API will return it: empty values left out, and each collection in the order
 * `add`/`remove` produce (the elements `before` kept, in its order, then the new ones), so that
 * applying `diff(before, after)` to `before` equals it exactly.
 */
export function normalizeAfter<R extends object, U>(kind: BulkKind<R, U>, before: R, after: R): R {
  const out = { ...after } as Record<string, unknown>;
  for (const field of kind.fields)
    putField(out, field, field.kind.rebase(ownField(before, field.name), ownField(after, field.name)));
  return omitEmpty(out as R);
}
