/**
 * CSV injection (OWASP): a spreadsheet reads a cell that starts with `=`, `+`, `-`, `@`, a tab or a
 * carriage return as a formula, so an exported value like `=HYPERLINK(...)` would run when the file
 * is opened. Exports write such text with a `'` in front (a spreadsheet shows it as text) inside
 * quotes, and imports take the `'` off again.
 *
 * A cell does not only start where the value starts. Excel splits a .csv on the system's list
 * separator (`;` in many locales) and LibreOffice offers `;` and Tab, and under those separators our
 * quotes mean nothing: `note;=cmd|...` becomes a cell `=cmd|...`, and after a line break inside a
 * value a new row starts. So the rule applies at every *segment start*: the start of the value and
 * every position right after a `;`, a tab, a CR or an LF in it.
 *
 * The rule, at each segment start, chosen so that the round trip is exact for every string:
 * - export: if the text from there is any number of `'` or `"` (zero included) and then one of those
 *   characters, one more `'` is inserted there; any other text is written as it is;
 * - import: if the text from a segment start is a `'`, any number of `'` or `"` and then one of those
 *   characters, that first `'` is taken off.
 * So `=x` is written `'=x`, `a;=x` is written `a;'=x`, and a value that really is `'=x` is written
 * `''=x`: the two never meet. `'abc` (a quote not followed by a formula character) is left alone both
 * ways. `"` counts like `'` because, split on `;`, a piece `"=x` (or `""=x`, our doubled quote) is
 * read by a spreadsheet as a quoted cell whose text may start with `=`. Neither quote is a segment
 * separator, so inserting one never moves another segment's start: each segment is encoded and
 * decoded on its own, exactly as the single leading rule was (the export adds `'` only to segments
 * that match, and a segment that does not match cannot match the import's stricter pattern).
 *
 * The text `null` gets the same treatment as a whole value: unquoted `null` in a CSV of changes means
 * "clear the field", and a quoted `"null"` (the text) loses its quotes when a spreadsheet saves the
 * file again. So the text `null` is written `'null`, `'null` is written `''null`, and the import takes
 * one `'` off any run of quotes followed by `null` (a whole cell). A bare `null` still means clear.
 */

const FORMULA_CHARS = '=+\\-@\\t\\r';
/** A segment starts at the start of the text or right after one of these characters. */
const SEGMENT_START = /(?<=^|[;\t\r\n])/.source;
/** Quotes a spreadsheet may read past before the formula character (see the rule above). */
const QUOTES = `['"]*`;
const NEEDS_PREFIX = new RegExp(`${SEGMENT_START}(?=${QUOTES}[${FORMULA_CHARS}])`, 'g');
const PREFIXED = new RegExp(`${SEGMENT_START}'(?=${QUOTES}[${FORMULA_CHARS}])`, 'g');
const LEADING_FORMULA = new RegExp(`^${QUOTES}[${FORMULA_CHARS}]`);
const NULL_TEXT = /^'*null$/;
const PREFIXED_NULL = /^'+null$/;

/** The text to write in a CSV cell for a user's text value (the caller's formatter quotes it). */
export function neutraliseCsvText(text: string): string {
  if (NULL_TEXT.test(text)) return `'${text}`;
  return text.replace(NEEDS_PREFIX, "'");
}

/** The user's value back from a cell's text: the inverse of {@link neutraliseCsvText}. */
export function restoreCsvText(text: string): string {
  if (PREFIXED_NULL.test(text)) return text.slice(1);
  return text.replace(PREFIXED, '');
}

/** Would a spreadsheet read this cell's text as a formula (or as text we neutralised)? Such a cell is quoted. */
export const startsLikeFormula = (text: string): boolean => LEADING_FORMULA.test(text);
