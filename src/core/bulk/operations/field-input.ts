import { type Parsed } from '../../fields';
import { requireField, type BulkKind } from '../bulk-kind';

export type { Parsed } from '../../fields';
export { parseTime } from '../../fields';

/**
 * Text a person typed (in a wizard box or a CSV cell) to a field's value, with the message to show
 * when it is not one. The field's kind reads it: times take epoch milliseconds or an ISO 8601 date;
 * ids take a JSON array or a comma-separated list; labels a JSON array (of strings or `{externalId}`)
 * or a comma-separated list; geoLocation and metadata take JSON. Strings are taken as typed (no
 * trimming: spaces may matter). Then the record kind's checks for the field apply.
 */
export function parseFieldInput<R extends object, U>(
  kind: BulkKind<R, U>,
  field: string,
  text: string,
): Parsed<unknown> {
  const parsed = requireField(kind, field).kind.parseInput(text, field);
  if (!parsed.ok) return parsed;
  const message = kind.checkValue(field, parsed.value);
  return message ? { ok: false, message } : parsed;
}

/** The elements of a set-like field, for `add`/`remove`: the same list syntax as {@link parseFieldInput}. */
export function parseElementsInput<R extends object, U>(
  kind: BulkKind<R, U>,
  field: string,
  text: string,
): Parsed<unknown[]> {
  return requireField(kind, field).kind.parseInput(text, field) as Parsed<unknown[]>;
}
