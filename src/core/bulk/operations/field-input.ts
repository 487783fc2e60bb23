import type { EditableFieldName } from '../../../cdf/model';
import { type Parsed, kindOf } from '../../fields';
import type { ElementOf, FieldValue, SetLikeField } from './operations';
import { checkFieldValue } from './parameters';

export type { Parsed } from '../../fields';
export { parseTime } from '../../fields';

/**
 * Text a person typed (in a wizard box or a CSV cell) to a field's value, with the message to show
 * when it is not one. The field's kind reads it: times take epoch milliseconds or an ISO 8601 date;
 * ids take a JSON array or a comma-separated list; labels a JSON array (of strings or `{externalId}`)
 * or a comma-separated list; geoLocation and metadata take JSON. Strings are taken as typed (no
 * trimming: spaces may matter). Then the model's checks for the field apply.
 */
export function parseFieldInput<F extends EditableFieldName>(field: F, text: string): Parsed<FieldValue<F>> {
  const parsed = kindOf(field).parseInput(text, field);
  if (!parsed.ok) return parsed;
  const message = checkFieldValue(field, parsed.value);
  return message ? { ok: false, message } : (parsed as Parsed<FieldValue<F>>);
}

/** The elements of a set-like field, for `add`/`remove`: the same list syntax as {@link parseFieldInput}. */
export function parseElementsInput<F extends SetLikeField>(field: F, text: string): Parsed<ElementOf<F>[]> {
  return kindOf(field).parseInput(text, field) as Parsed<ElementOf<F>[]>;
}
