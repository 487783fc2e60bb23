import * as l10n from '@vscode/l10n';
import { ownField } from '../../fields';
import { fieldOf, type BulkKind } from '../bulk-kind';
import { parseCsv, type CsvCell } from './csv';
import { restoreCsvText } from './csv-injection';
import { readHeading, type Column } from './import-csv-heading';
import { readRow } from './import-csv-row';
import type { BulkOperation } from '../operations/operations';
import { planRecord, type RecordPlan } from '../operations/plan-record';
import { actionProblem } from '../../problems';
import { replaceAllNote } from '../texts/replace-all-note';
import type { CsvImportProblem } from '../../problems';

/**
 * One row of a CSV of changes: which file, and the operations that bring it to the row's values.
 * The operations go through the same planner as any bulk action ({@link planImportRow}), so the
 * preview, the minimal update and the refusals are the same.
 */
export interface CsvChangeRow {
  /** 1-based record number, the header being row 1. */
  row: number;
  /** 1-based line where the row starts in the text. */
  line: number;
  /** The record's ref, as the kind's CSV identity reads it (a classic file's `{id}` or `{externalId}`). */
  target: unknown;
  operations: BulkOperation[];
  /** The `name` cell, when there is one: files/update cannot rename, so a different name refuses the row. */
  expectedName?: string;
}

export interface CsvImport {
  /** Rows without problems, in file order, each file once. */
  rows: CsvChangeRow[];
  /** A row with a problem is left out of `rows`; apply nothing before the user has seen these. */
  problems: CsvImportProblem[];
  /** Columns an export writes that an import cannot change (server-set times, `uploaded`, `instanceId`). */
  ignoredColumns: string[];
}

/**
 * Reads a CSV of changes: a heading row, then one row per file.
 * - The record is named as the kind's `CsvIdentity` says: a classic file by `id` or, without one, by `externalId` (with both columns, `id` names the
 *   file and `externalId` is a value to set; a row with an empty `id` falls back to `externalId`).
 * - Change columns: any updatable field by name, and `metadata.<key>` per metadata key.
 * - Cells: **empty (unquoted) leaves the field as it is**; unquoted `null` clears it (removes the
 *   metadata key); anything else is the new value, read as a person types it (see `parseFieldInput`).
 *   A quoted cell is always literal: `""` is the empty string, `"null"` the text null.
 * - A cell that starts with `'` and then (after any `'` or `"`) `=`, `+`, `-`, `@`, a tab or a
 *   carriage return loses that `'` (the export's CSV-injection prefix, see csv-injection.ts): write `''=x` for the text `'=x`.
 *   The same holds right after a `;`, a tab or a line break inside a cell (`a;'=x` is `a;=x`), and
 *   for the text null: `'null` is the text null, as `"null"` is (a spreadsheet drops the quotes).
 * - A first line `sep=,` (written by exports, for Excel) is skipped.
 * Errors name the row, the line and the column; a row with any error is not planned.
 */
export function parseChangesCsv<R extends object, U>(kind: BulkKind<R, U>, text: string): CsvImport {
  const parsed = parseCsv(text);
  const result: CsvImport = { rows: [], problems: [], ignoredColumns: [] };
  for (const e of parsed.errors)
    result.problems.push({ row: rowOfLine(parsed.rows, e.line), line: e.line, message: e.message });
  const [header, ...body] = parsed.rows;
  if (!header) {
    result.problems.push({ row: 1, line: 1, message: l10n.t('The file is empty: expected a heading row') });
    return result;
  }
  const names = header.cells.map((c) => c.text);
  const heading = readHeading(kind, names);
  result.ignoredColumns.push(...heading.ignored);
  result.problems.push(...heading.problems.map((p) => ({ row: 1, line: header.line, ...p })));
  const columns = heading.columns;
  if (!columns || result.problems.some((p) => p.row === 1)) return inFileOrder(result);
  const firstRowOf = new Map<string, number>();
  body.forEach((row, index) =>
    readBodyRow(kind, { row: index + 2, line: row.line }, row.cells, { names, columns }, firstRowOf, result),
  );
  return inFileOrder(result);
}

/**
 * Parse errors (a quote left open at the end) come first from the parser: list in the file's order,
 * so "the first at line N" is the first line with a problem. The sort is stable within a line.
 */
function inFileOrder(result: CsvImport): CsvImport {
  result.problems.sort((a, b) => a.line - b.line);
  return result;
}

/** One row after the heading: its change, or its problems (a row with any is not planned). */
function readBodyRow<R extends object, U>(
  kind: BulkKind<R, U>,
  where: { row: number; line: number },
  rawCells: CsvCell[],
  { names, columns }: { names: string[]; columns: Column[] },
  firstRowOf: Map<string, number>,
  result: CsvImport,
): void {
  const problems: CsvImportProblem[] = [];
  const at = (column: string | undefined, message: string) =>
    problems.push({ ...where, ...(column === undefined ? {} : { column }), message });
  if (rawCells.slice(names.length).some((c) => c.text !== '' || c.quoted))
    at(undefined, l10n.t('The row has {0} cells but the heading has {1}', rawCells.length, names.length));
  // Undo the export's CSV-injection prefix in every cell, quoted or not: a spreadsheet that saves
  // the file again may drop the quotes but keeps the `'`. A cell that lost a `'` is literal text, as
  // a quoted one is: `'null` (unquoted after a re-save) is the text null, never "clear".
  const cells = rawCells.map((cell) => {
    const text = restoreCsvText(cell.text);
    return { text, quoted: cell.quoted || text !== cell.text };
  });
  const change = readRow(kind, names, columns, cells, at, problems.length);
  if (change && problems.length === 0) {
    const repeat = repeatedFile(kind, change.target, where.row, firstRowOf);
    if (repeat) at(undefined, repeat);
  }
  if (change && problems.length === 0) result.rows.push({ ...where, ...change });
  result.problems.push(...problems);
}

/** Why the row is refused when an earlier row already changes the same record. */
function repeatedFile<R extends object, U>(
  kind: BulkKind<R, U>,
  target: unknown,
  row: number,
  firstRowOf: Map<string, number>,
): string | undefined {
  // A key, not text: which record the row names (refs are plain JSON).
  const key = JSON.stringify(target);
  const first = firstRowOf.get(key);
  if (first === undefined) {
    firstRowOf.set(key, row);
    return undefined;
  }
  return kind.csvIdentity.repeated(target, first);
}

/** The plan for one imported row against the file as it is now. */
export function planImportRow<R extends object, U>(
  kind: BulkKind<R, U>,
  record: R,
  row: CsvChangeRow,
): RecordPlan<R, U> {
  const name = ownField(record, 'name');
  if (row.expectedName !== undefined && row.expectedName !== name) {
    const p = actionProblem(
      'read-only-mismatch',
      'name',
      l10n.t('the name differs and files/update cannot rename'),
      l10n.t(
        'The file is named {0} but row {1} says {2}; files/update cannot rename a file',
        JSON.stringify(name),
        row.row,
        JSON.stringify(row.expectedName),
      ),
    );
    return { outcome: 'refused', before: record, after: record, problems: [p] };
  }
  if (row.operations.length === 0) return { outcome: 'unchanged', before: record, after: record, skipped: emptyRow() };
  return planRecord(kind, record, row.operations);
}

/** Read when used, so it is in the language the bundle was configured with. */
export const emptyRow = (): string => l10n.t('the row changes no field');

function rowOfLine(rows: { line: number }[], line: number): number {
  let row = 1;
  rows.forEach((r, i) => {
    if (r.line <= line) row = i + 1;
  });
  return row;
}

/**
 * What the import preview says above the per-file changes, as the wizard says it for one operation:
 * a cell of a labels, assetIds or securityCategories column (or `null` there) is the file's whole
 * collection, so every element the file holds that the cell does not name is removed. Metadata
 * columns name one key each and need no note. One line per such column that some row changes.
 */
export function csvImportNotes<R extends object, U>(kind: BulkKind<R, U>, imported: CsvImport): string[] {
  const notes = new Map<string, string>();
  for (const row of imported.rows)
    for (const op of row.operations) {
      if ((op.op !== 'set' && op.op !== 'clear') || notes.has(`${op.op} ${op.field}`)) continue;
      const field = fieldOf(kind, op.field);
      const note = field ? replaceAllNote(kind, op.op, field) : '';
      const column = op.op === 'set' ? l10n.t('{0} column', op.field) : l10n.t('{0} column, null', op.field);
      if (note) notes.set(`${op.op} ${op.field}`, column + note);
    }
  return [...notes.values()];
}
