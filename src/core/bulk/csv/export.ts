import * as l10n from '@vscode/l10n';
import { ownField, ownValue } from '../../fields';
import { fieldOf, type BulkKind } from '../bulk-kind';
import { METADATA_FIELD } from '../operations/operations';
import { CSV_SEP_LINE, formatCsvRow } from './csv';
import { neutraliseCsvText } from './csv-injection';

/** Metadata is written one column per key: `metadata.<key>`. */
export const METADATA_COLUMN_PREFIX = `${METADATA_FIELD}.`;

/** CSV columns every export of this kind has, in the document's field order (metadata goes per key). */
export const csvFixedColumns = <R extends object, U>(kind: BulkKind<R, U>): string[] =>
  kind.document.order.filter((name) => name !== METADATA_FIELD);

type Metadata = Readonly<Record<string, string>> | undefined;
const metadataOf = (record: object): Metadata => ownField(record, METADATA_FIELD) as Metadata;

/** Adds the metadata keys of a page of records to `into`: a first pass over a filter gathers the columns. */
export function collectMetadataKeys(records: readonly object[], into = new Set<string>()): Set<string> {
  for (const record of records) for (const key of Object.keys(metadataOf(record) ?? {})) into.add(key);
  return into;
}

/** Stable columns: the fixed ones, then one per metadata key in code-point order. */
export function csvColumns<R extends object, U>(kind: BulkKind<R, U>, metadataKeys: Iterable<string>): string[] {
  const keys = [...new Set(metadataKeys)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return [...csvFixedColumns(kind), ...keys.map((k) => METADATA_COLUMN_PREFIX + k)];
}

/** Excel's `sep=,` line, then the column names (see {@link CSV_SEP_LINE}). */
export const csvHeader = (columns: readonly string[]): string => CSV_SEP_LINE + formatCsvRow(columns);

/**
 * The CSV lines of a page of records under `columns` (write {@link csvHeader} once first). Unset
 * fields are empty cells; arrays and objects are JSON (labels as a list of their external ids).
 * `unexportedKeys` lists metadata keys that have no column (a record changed between the passes):
 * the caller should warn, since those values are not in the file.
 */
export function csvRows<R extends object, U>(
  kind: BulkKind<R, U>,
  records: readonly R[],
  columns: readonly string[],
): { text: string; unexportedKeys: string[] } {
  const known = new Set(columns);
  const unexported = new Set<string>();
  let text = '';
  for (const record of records) {
    const where = { key: kind.key(record), label: kind.label(record) };
    for (const key of Object.keys(metadataOf(record) ?? {})) {
      if (!known.has(METADATA_COLUMN_PREFIX + key)) unexported.add(key);
      refuseLoneSurrogate(where, l10n.t('the metadata key {0}', JSON.stringify(key)), key);
    }
    text += formatCsvRow(
      columns.map((column) => {
        const cell = csvCell(kind, record, column);
        if (cell !== undefined) refuseLoneSurrogate(where, column, cell);
        return cell;
      }),
    );
  }
  return { text, unexportedKeys: [...unexported] };
}

/** A CSV export refused before anything is written: the message names the file and the field. */
export class CsvExportError extends Error {
  override name = 'CsvExportError';
}

/** A UTF-16 surrogate without its pair (the `u` flag reads a well-formed pair as one code point). */
const LONE_SURROGATE = /\p{Cs}/u;

/**
 * A lone surrogate is legal in a JavaScript string and in JSON (`"\ud800"`), so CDF and the editor
 * keep it, but UTF-8 cannot encode it: the CSV file would hold U+FFFD instead, and importing that
 * file back would overwrite the value. Rather than write a file that cannot come back (or invent an
 * escape no spreadsheet knows), the CSV export is refused; JSON Lines escapes the surrogate and keeps
 * it exactly. JSON cells (labels, asset ids...) are written by `JSON.stringify`, which escapes one
 * too, so only plain text can hold one.
 */
function refuseLoneSurrogate(record: { key: string; label: string }, field: string, text: string): void {
  const found = LONE_SURROGATE.exec(text);
  if (!found) return;
  const code = (found[0].codePointAt(0) ?? 0).toString(16).toUpperCase();
  throw new CsvExportError(
    l10n.t(
      'File {0} ({1}): {2} holds a lone UTF-16 surrogate (U+{3}), which a UTF-8 CSV file cannot hold (it would come back as U+FFFD and overwrite the value on import). Export these files as JSON Lines, which keeps the value exactly, or correct the value first.',
      record.key,
      JSON.stringify(record.label),
      field,
      code,
    ),
  );
}

/** Header and rows of records that fit in memory (a selection); stream large sets with the functions above. */
export function recordsToCsv<R extends object, U>(kind: BulkKind<R, U>, records: readonly R[]): string {
  const columns = csvColumns(kind, collectMetadataKeys(records));
  return csvHeader(columns) + csvRows(kind, records, columns).text;
}

/**
 * A cell's text. Numbers and booleans (ids, times, `uploaded`) are written as they are, so that a
 * spreadsheet reads them as numbers; every other cell holds user text (names, metadata, labels, JSON)
 * and is neutralised against CSV injection (see csv-injection.ts), which the import undoes.
 */
function csvCell<R extends object, U>(kind: BulkKind<R, U>, record: R, column: string): string | undefined {
  if (column.startsWith(METADATA_COLUMN_PREFIX)) {
    const value = ownValue(metadataOf(record), column.slice(METADATA_COLUMN_PREFIX.length));
    return value === undefined ? undefined : neutraliseCsvText(value);
  }
  const value = ownField(record, column);
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  // A set is written as its members' keys (labels as their external ids), as a person types it.
  const members = fieldOf(kind, column)?.kind.members;
  if (members && Array.isArray(value)) return neutraliseCsvText(JSON.stringify(value.map(members.key)));
  return neutraliseCsvText(typeof value === 'string' ? value : JSON.stringify(value));
}

/** One record as one line of JSON Lines: known fields in document order, then any others, sorted. */
export function toJsonLine<R extends object, U>(kind: BulkKind<R, U>, record: R): string {
  const known = kind.document.order.filter((name) => ownField(record, name) !== undefined);
  const others = Object.keys(record)
    .filter((k) => !kind.document.order.includes(k))
    .sort();
  return JSON.stringify(Object.fromEntries([...known, ...others].map((k) => [k, ownField(record, k)]))) + '\n';
}

export const recordsToJsonLines = <R extends object, U>(kind: BulkKind<R, U>, records: readonly R[]): string =>
  records.map((r) => toJsonLine(kind, r)).join('');
