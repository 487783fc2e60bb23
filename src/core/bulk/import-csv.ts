import * as l10n from '@vscode/l10n';
import { EDITABLE_FIELDS, type EditableFieldName, type FileRecord } from '../../cdf/model';
import { parseCsv, type CsvCell } from './csv';
import { restoreCsvText } from './csv-injection';
import { METADATA_COLUMN_PREFIX } from './export';
import { parseFieldInput } from './field-input';
import type { BulkOperation } from './operations';
import { checkId, checkMetadataKey, checkMetadataValue } from './parameters';
import { planRecord, type RecordPlan } from './plan-record';
import { problem } from './problem';
import { replaceAllNote } from './replace-all-note';
import type { FileTarget } from './targets-text';

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
  target: FileTarget;
  operations: BulkOperation[];
  /** The `name` cell, when there is one: files/update cannot rename, so a different name refuses the row. */
  expectedName?: string;
}

export interface CsvImportProblem {
  row: number;
  line: number;
  /** The column at fault, when the problem is in a cell or a heading. */
  column?: string;
  message: string;
}

export interface CsvImport {
  /** Rows without problems, in file order, each file once. */
  rows: CsvChangeRow[];
  /** A row with a problem is left out of `rows`; apply nothing before the user has seen these. */
  problems: CsvImportProblem[];
  /** Columns an export writes that an import cannot change (server-set times, `uploaded`, `instanceId`). */
  ignoredColumns: string[];
}

/** Read-only columns of an export; importing them back must not be an error, and they change nothing. */
const IGNORED_COLUMNS = new Set(['uploaded', 'uploadedTime', 'createdTime', 'lastUpdatedTime', 'instanceId']);

type Column =
  | { kind: 'id' }
  | { kind: 'externalIdKey' }
  | { kind: 'name' }
  | { kind: 'field'; field: Exclude<EditableFieldName, 'metadata'> }
  | { kind: 'metadata'; key: string }
  | { kind: 'ignored' };

/**
 * Reads a CSV of changes: a heading row, then one row per file.
 * - The file is named by `id` or, without one, by `externalId` (with both columns, `id` names the
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
export function parseChangesCsv(text: string): CsvImport {
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
  const columns = readHeading(names, header.line, result);
  if (!columns) return result;

  const firstRowOf = new Map<string, number>();
  body.forEach((row, index) => {
    const rowNumber = index + 2;
    const at = (column: string | undefined, message: string): CsvImportProblem => ({
      row: rowNumber,
      line: row.line,
      ...(column === undefined ? {} : { column }),
      message,
    });
    const problems: CsvImportProblem[] = [];
    if (row.cells.slice(names.length).some((c) => c.text !== '' || c.quoted))
      problems.push(
        at(undefined, l10n.t('The row has {0} cells but the heading has {1}', row.cells.length, names.length)),
      );
    // Undo the export's CSV-injection prefix in every cell, quoted or not: a spreadsheet that saves
    // the file again may drop the quotes but keeps the `'`. A cell that lost a `'` is literal text, as
    // a quoted one is: `'null` (unquoted after a re-save) is the text null, never "clear".
    const cells = row.cells.map((cell) => {
      const text = restoreCsvText(cell.text);
      return { text, quoted: cell.quoted || text !== cell.text };
    });
    const change = readRow(names, columns, cells, at, problems);
    if (change && problems.length === 0) {
      // A key, not text: which file the row names.
      const key = 'id' in change.target ? `id ${change.target.id}` : `externalId ${change.target.externalId}`;
      const first = firstRowOf.get(key);
      if (first !== undefined)
        problems.push(
          at(
            undefined,
            'id' in change.target
              ? l10n.t('The file with id {0} is already changed by row {1}', change.target.id, first)
              : l10n.t(
                  'The file with external id "{0}" is already changed by row {1}',
                  change.target.externalId,
                  first,
                ),
          ),
        );
      else firstRowOf.set(key, rowNumber);
    }
    if (change && problems.length === 0) result.rows.push({ row: rowNumber, line: row.line, ...change });
    result.problems.push(...problems);
  });
  return result;
}

/** The plan for one imported row against the file as it is now. */
export function planImportRow(record: FileRecord, row: CsvChangeRow): RecordPlan {
  if (row.expectedName !== undefined && row.expectedName !== record.name) {
    const p = problem(
      'read-only-mismatch',
      'name',
      l10n.t('the name differs and files/update cannot rename'),
      l10n.t(
        'The file is named {0} but row {1} says {2}; files/update cannot rename a file',
        JSON.stringify(record.name),
        row.row,
        JSON.stringify(row.expectedName),
      ),
    );
    return { outcome: 'refused', before: record, after: record, problems: [p] };
  }
  if (row.operations.length === 0) return { outcome: 'unchanged', before: record, after: record, skipped: emptyRow() };
  return planRecord(record, row.operations);
}

/** Read when used, so it is in the language the bundle was configured with. */
export const emptyRow = (): string => l10n.t('the row changes no field');

function readHeading(names: string[], line: number, result: CsvImport): Column[] | undefined {
  const headingProblem = (column: string, message: string) => result.problems.push({ row: 1, line, column, message });
  const seen = new Set<string>();
  const hasId = names.includes('id');
  const columns = names.map((name): Column => {
    if (seen.has(name)) headingProblem(name, l10n.t('The column "{0}" appears twice', name));
    seen.add(name);
    if (name === 'id') return { kind: 'id' };
    if (name === 'externalId') return hasId ? { kind: 'field', field: 'externalId' } : { kind: 'externalIdKey' };
    if (name === 'name') return { kind: 'name' };
    if (IGNORED_COLUMNS.has(name)) {
      result.ignoredColumns.push(name);
      return { kind: 'ignored' };
    }
    if (name.startsWith(METADATA_COLUMN_PREFIX)) {
      const key = name.slice(METADATA_COLUMN_PREFIX.length);
      const message = checkMetadataKey(key);
      if (message) headingProblem(name, message);
      return { kind: 'metadata', key };
    }
    if (name === 'metadata')
      headingProblem(name, l10n.t('Write metadata as one column per key, named "metadata.<key>"'));
    else if (Object.hasOwn(EDITABLE_FIELDS, name))
      return { kind: 'field', field: name as Exclude<EditableFieldName, 'metadata'> };
    else
      headingProblem(
        name,
        l10n.t('Unknown column "{0}": expected id, externalId, an updatable field or metadata.<key>', name),
      );
    return { kind: 'ignored' };
  });
  if (!hasId && !names.includes('externalId')) {
    result.problems.push({
      row: 1,
      line,
      message: l10n.t('The heading needs an "id" or an "externalId" column to name the files'),
    });
    return undefined;
  }
  return result.problems.some((p) => p.row === 1) ? undefined : columns;
}

function readRow(
  names: string[],
  columns: Column[],
  cells: CsvCell[],
  at: (column: string | undefined, message: string) => CsvImportProblem,
  problems: CsvImportProblem[],
): Omit<CsvChangeRow, 'row' | 'line'> | undefined {
  let id: number | undefined;
  let externalIdKey: string | undefined;
  let expectedName: string | undefined;
  const operations: BulkOperation[] = [];
  columns.forEach((column, index) => {
    const name = names[index] ?? '';
    const cell = cells[index] ?? { text: '', quoted: false };
    const leave = !cell.quoted && cell.text === '';
    const clear = !cell.quoted && cell.text === 'null';
    switch (column.kind) {
      case 'id':
        if (leave) return;
        if (!cell.quoted && /^\d+$/.test(cell.text) && !checkId(Number(cell.text))) id = Number(cell.text);
        else problems.push(at(name, l10n.t('"{0}" is not a file id (a whole number from 1)', cell.text)));
        return;
      case 'externalIdKey':
        if (!leave && !clear) externalIdKey = cell.text;
        return;
      case 'name':
        if (!leave) expectedName = cell.text;
        return;
      case 'ignored':
        return;
      case 'metadata': {
        if (leave) return;
        if (clear) return void operations.push({ op: 'metadataRemove', key: column.key });
        const message = checkMetadataValue(cell.text);
        if (message) return void problems.push(at(name, message));
        return void operations.push({ op: 'metadataAdd', key: column.key, value: cell.text });
      }
      case 'field': {
        if (leave) return;
        if (clear) return void operations.push({ op: 'clear', field: column.field });
        const value = parseFieldInput(column.field, cell.text);
        if (!value.ok) return void problems.push(at(name, value.message));
        return void operations.push({ op: 'set', field: column.field, value: value.value } as BulkOperation);
      }
    }
  });
  const externalIdCell = names.indexOf('externalId');
  if (id === undefined && externalIdKey === undefined && externalIdCell >= 0 && names.includes('id')) {
    // No id in this row: the externalId column names the file instead of being a value to set.
    const cell = cells[externalIdCell];
    const byExternalId = cell && cell.text !== '' && !(cell.text === 'null' && !cell.quoted) ? cell.text : undefined;
    if (byExternalId !== undefined) {
      return {
        target: { externalId: byExternalId },
        operations: operations.filter((op) => !(op.op === 'set' && op.field === 'externalId')),
        ...(expectedName === undefined ? {} : { expectedName }),
      };
    }
  }
  const target: FileTarget | undefined =
    id !== undefined ? { id } : externalIdKey !== undefined ? { externalId: externalIdKey } : undefined;
  if (!target) {
    if (problems.length === 0)
      problems.push(at(undefined, l10n.t('The row names no file: its id and externalId cells are empty')));
    return undefined;
  }
  return { target, operations, ...(expectedName === undefined ? {} : { expectedName }) };
}

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
export function csvImportNotes(imported: CsvImport): string[] {
  const notes = new Map<string, string>();
  for (const row of imported.rows)
    for (const op of row.operations) {
      if ((op.op !== 'set' && op.op !== 'clear') || notes.has(`${op.op} ${op.field}`)) continue;
      const note = replaceAllNote(op.op, op.field);
      if (note) notes.set(`${op.op} ${op.field}`, `${op.field} column${op.op === 'set' ? '' : ', null'}${note}`);
    }
  return [...notes.values()];
}
