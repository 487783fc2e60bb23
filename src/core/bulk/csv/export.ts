import * as l10n from '@vscode/l10n';
import type { FileRecord } from '../../../cdf/model';
import { DOCUMENT_FIELD_ORDER } from '../../records';
import { ownValue } from '../../fields';
import { CSV_SEP_LINE, formatCsvRow } from './csv';
import { neutraliseCsvText } from './csv-injection';

/** CSV columns every export has, in the document's field order; metadata follows as `metadata.<key>`. */
export const CSV_FIXED_COLUMNS: readonly string[] = DOCUMENT_FIELD_ORDER.filter((name) => name !== 'metadata');
export const METADATA_COLUMN_PREFIX = 'metadata.';

/** Adds the metadata keys of a page of records to `into`: a first pass over a filter gathers the columns. */
export function collectMetadataKeys(records: readonly FileRecord[], into = new Set<string>()): Set<string> {
  for (const record of records) for (const key of Object.keys(record.metadata ?? {})) into.add(key);
  return into;
}

/** Stable columns: the fixed ones, then one per metadata key in code-point order. */
export function csvColumns(metadataKeys: Iterable<string>): string[] {
  const keys = [...new Set(metadataKeys)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return [...CSV_FIXED_COLUMNS, ...keys.map((k) => METADATA_COLUMN_PREFIX + k)];
}

/** Excel's `sep=,` line, then the column names (see {@link CSV_SEP_LINE}). */
export const csvHeader = (columns: readonly string[]): string => CSV_SEP_LINE + formatCsvRow(columns);

/**
 * The CSV lines of a page of records under `columns` (write {@link csvHeader} once first). Unset
 * fields are empty cells; arrays and objects are JSON (labels as a list of their external ids).
 * `unexportedKeys` lists metadata keys that have no column (a record changed between the passes):
 * the caller should warn, since those values are not in the file.
 */
export function csvRows(
  records: readonly FileRecord[],
  columns: readonly string[],
): { text: string; unexportedKeys: string[] } {
  const known = new Set(columns);
  const unexported = new Set<string>();
  let text = '';
  for (const record of records) {
    for (const key of Object.keys(record.metadata ?? {})) {
      if (!known.has(METADATA_COLUMN_PREFIX + key)) unexported.add(key);
      refuseLoneSurrogate(record, l10n.t('the metadata key {0}', JSON.stringify(key)), key);
    }
    text += formatCsvRow(
      columns.map((column) => {
        const cell = csvCell(record, column);
        if (cell !== undefined) refuseLoneSurrogate(record, column, cell);
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
function refuseLoneSurrogate(record: FileRecord, field: string, text: string): void {
  const found = LONE_SURROGATE.exec(text);
  if (!found) return;
  const code = (found[0].codePointAt(0) ?? 0).toString(16).toUpperCase();
  throw new CsvExportError(
    l10n.t(
      'File {0} ({1}): {2} holds a lone UTF-16 surrogate (U+{3}), which a UTF-8 CSV file cannot hold (it would come back as U+FFFD and overwrite the value on import). Export these files as JSON Lines, which keeps the value exactly, or correct the value first.',
      record.id,
      JSON.stringify(record.name),
      field,
      code,
    ),
  );
}

/** Header and rows of records that fit in memory (a selection); stream large sets with the functions above. */
export function recordsToCsv(records: readonly FileRecord[]): string {
  const columns = csvColumns(collectMetadataKeys(records));
  return csvHeader(columns) + csvRows(records, columns).text;
}

/**
 * A cell's text. Numbers and booleans (ids, times, `uploaded`) are written as they are, so that a
 * spreadsheet reads them as numbers; every other cell holds user text (names, metadata, labels, JSON)
 * and is neutralised against CSV injection (see csv-injection.ts), which the import undoes.
 */
function csvCell(record: FileRecord, column: string): string | undefined {
  if (column.startsWith(METADATA_COLUMN_PREFIX)) {
    const value = ownValue(record.metadata, column.slice(METADATA_COLUMN_PREFIX.length));
    return value === undefined ? undefined : neutraliseCsvText(value);
  }
  const value: unknown = record[column];
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (column === 'labels')
    return neutraliseCsvText(JSON.stringify((value as { externalId: string }[]).map((l) => l.externalId)));
  return neutraliseCsvText(typeof value === 'string' ? value : JSON.stringify(value));
}

/** One record as one line of JSON Lines: known fields in document order, then any others, sorted. */
export function toJsonLine(record: FileRecord): string {
  const known = DOCUMENT_FIELD_ORDER.filter((name) => record[name] !== undefined);
  const others = Object.keys(record)
    .filter((k) => !(DOCUMENT_FIELD_ORDER as readonly string[]).includes(k))
    .sort();
  return JSON.stringify(Object.fromEntries([...known, ...others].map((k) => [k, record[k]]))) + '\n';
}

export const recordsToJsonLines = (records: readonly FileRecord[]): string => records.map(toJsonLine).join('');
