import * as l10n from '@vscode/l10n';
/**
 * RFC 4180 CSV, hand-written because the import needs what libraries throw away: whether a cell was
 * quoted. An unquoted empty cell means "leave this field", a quoted `""` means the empty string,
 * unquoted `null` means "clear" and a quoted `"null"` the four letters (see import-csv.ts).
 */

import { startsLikeFormula } from './csv-injection';

export interface CsvCell {
  text: string;
  quoted: boolean;
}

export interface CsvRow {
  /** 1-based physical line where the row starts (a quoted cell may span lines). */
  line: number;
  cells: CsvCell[];
}

export interface CsvParseResult {
  rows: CsvRow[];
  errors: { line: number; message: string }[];
  delimiter: string;
}

/**
 * Parses CSV text: CRLF, LF or CR line ends, a UTF-8 byte order mark skipped, blank lines skipped.
 * The delimiter is a comma unless the first line has no comma but semicolons or tabs (a spreadsheet
 * saved in a locale that uses them). A bare quote inside an unquoted cell is kept as text; text after
 * a closing quote, or a quote left open, is an error on its line. A first line `sep=<character>`
 * (Excel's way to name the delimiter, which our exports write) sets the delimiter and is not a row.
 */
export function parseCsv(text: string, delimiterArg?: string): CsvParseResult {
  const withoutBom = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const sepLine = SEP_LINE.exec(withoutBom);
  const s = sepLine ? withoutBom.slice(sepLine[0].length) : withoutBom;
  const delimiter = delimiterArg ?? sepLine?.[1] ?? detectDelimiter(s);
  const result: CsvParseResult = { rows: [], errors: [], delimiter };
  let i = 0;
  let line = sepLine ? 2 : 1;
  let row: CsvRow = { line, cells: [] };
  const endRow = () => {
    const blank = row.cells.length === 1 && !row.cells[0]?.quoted && row.cells[0]?.text === '';
    if (!blank) result.rows.push(row);
  };
  while (i <= s.length) {
    let cell: CsvCell;
    if (s[i] === '"') {
      const quoted = readQuoted(s, i, line, delimiter, result.errors);
      [i, line, cell] = [quoted.end, quoted.line, quoted.cell];
    } else {
      const read = readUnquoted(s, i, delimiter);
      i = read.end;
      cell = { text: read.text, quoted: false };
    }
    row.cells.push(cell);
    if (i >= s.length) {
      endRow();
      break;
    }
    if (s[i] === delimiter) {
      i++;
      if (i === s.length) {
        row.cells.push({ text: '', quoted: false });
        endRow();
        break;
      }
      continue;
    }
    // a line end
    i += s[i] === '\r' && s[i + 1] === '\n' ? 2 : 1;
    line++;
    endRow();
    if (i >= s.length) break;
    row = { line, cells: [] };
  }
  return result;
}

/**
 * A quoted cell from its opening quote at `start`: `""` is a quote, line ends are text (counted, so
 * later rows keep their line numbers); a quote left open or text after the closing one is an error.
 */
function readQuoted(
  s: string,
  start: number,
  startLine: number,
  delimiter: string,
  errors: CsvParseResult['errors'],
): { cell: CsvCell; end: number; line: number } {
  let [i, line, value] = [start + 1, startLine, ''];
  for (;;) {
    if (i >= s.length) {
      errors.push({ line: startLine, message: l10n.t('A quoted cell is not closed') });
      break;
    }
    const c = s[i] as string;
    if (c === '"') {
      if (s[i + 1] !== '"') {
        i++;
        break;
      }
      value += '"';
      i += 2;
      continue;
    }
    if (c === '\n' || (c === '\r' && s[i + 1] !== '\n')) line++;
    value += c;
    i++;
  }
  const rest = readUnquoted(s, i, delimiter);
  if (rest.text.length) {
    const after = JSON.stringify(rest.text.slice(0, 20));
    errors.push({ line, message: l10n.t('Unexpected text after a closing quote: {0}', after) });
    value += rest.text;
  }
  return { cell: { text: value, quoted: true }, end: rest.end, line };
}

/** Excel's delimiter line: `sep=` and one character, alone on the first line. */
const SEP_LINE = /^sep=([^\r\n])(?:\r\n|\r|\n|$)/;

/**
 * The first line of every CSV export. Excel otherwise splits a .csv on the system's list separator
 * (`;` in many locales), which turns one cell into several; with this line it splits on commas.
 * {@link parseCsv} reads and skips it.
 */
export const CSV_SEP_LINE = 'sep=,\r\n';

function readUnquoted(s: string, start: number, delimiter: string): { text: string; end: number } {
  let end = start;
  while (end < s.length && s[end] !== delimiter && s[end] !== '\n' && s[end] !== '\r') end++;
  return { text: s.slice(start, end), end };
}

function detectDelimiter(text: string): string {
  const firstLine = text.split(/\r\n|\r|\n/, 1)[0] ?? '';
  if (firstLine.includes(',')) return ',';
  if (firstLine.includes(';')) return ';';
  if (firstLine.includes('\t')) return '\t';
  return ',';
}

/**
 * One field as RFC 4180 writes it. `undefined` (an unset field) is an empty unquoted cell; the empty
 * string and the text `null` are quoted so that an import can tell them from "leave" and "clear".
 * Text a spreadsheet could read as a formula, or already neutralised with a leading `'` (see
 * csv-injection.ts), is quoted too, as OWASP recommends: the quotes keep the cell one cell.
 */
export function formatCsvField(value: string | undefined): string {
  if (value === undefined) return '';
  if (value === '' || value === 'null' || /[",\r\n]/.test(value) || value !== value.trim() || startsLikeFormula(value))
    return `"${value.replace(/"/g, '""')}"`;
  return value;
}

/** A row, ended by CRLF as RFC 4180 asks. */
export function formatCsvRow(fields: readonly (string | undefined)[]): string {
  return fields.map(formatCsvField).join(',') + '\r\n';
}
