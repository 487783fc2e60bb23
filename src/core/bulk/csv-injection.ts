/**
 * CSV injection (OWASP): a spreadsheet reads a cell that starts with `=`, `+`, `-`, `@`, a tab or a
 * carriage return as a formula, so an exported value like `=HYPERLINK(...)` would run when the file
 * is opened. Exports write such text with a `'` in front (a spreadsheet shows it as text) inside
 * quotes, and imports take the `'` off again.
 *
 * The rule, chosen so that the round trip is exact for every string:
 * - export: text that starts with any number of `'` (zero included) and then one of those characters
 *   gets one more `'` in front; any other text is written as it is;
 * - import: text that starts with one or more `'` and then one of those characters loses one `'`.
 * So `=x` is written `'=x`, and a value that really is `'=x` is written `''=x`: the two never meet.
 * `'abc` (a quote not followed by a formula character) is left alone both ways.
 */

const FORMULA_CHARS = '=+\\-@\\t\\r';
const NEEDS_PREFIX = new RegExp(`^'*[${FORMULA_CHARS}]`);
const PREFIXED = new RegExp(`^'+[${FORMULA_CHARS}]`);

/** The text to write in a CSV cell for a user's text value (the caller's formatter quotes it). */
export function neutraliseCsvText(text: string): string {
  return NEEDS_PREFIX.test(text) ? `'${text}` : text;
}

/** The user's value back from a cell's text: the inverse of {@link neutraliseCsvText}. */
export function restoreCsvText(text: string): string {
  return PREFIXED.test(text) ? text.slice(1) : text;
}

/** Would a spreadsheet read this cell's text as a formula (or as text we neutralised)? Such a cell is quoted. */
export const startsLikeFormula = (text: string): boolean => NEEDS_PREFIX.test(text);
