import * as l10n from '@vscode/l10n';
import type { CsvCell } from './csv';
import { parseFieldInput } from '../operations/field-input';
import type { Column } from './import-csv-heading';
import type { BulkOperation } from '../operations/operations';
import { checkId, checkMetadataValue } from '../operations/parameters';
import type { BulkKind } from '../bulk-kind';

/** Which record a row names: by the kind's key column (`id`) or, without one, by `externalId`. */
export type RowTarget = { id: number } | { externalId: string };

/** What one row asks: which file, the operations, and the name it expects (files/update cannot rename). */
export interface RowChange {
  target: RowTarget;
  operations: BulkOperation[];
  expectedName?: string;
}

/** A problem in the row, at a column (or at the row as a whole). */
export type ReportAt = (column: string | undefined, message: string) => void;

interface RowState {
  id?: number;
  externalIdKey?: string;
  expectedName?: string;
  operations: BulkOperation[];
}

/**
 * The change one row asks for, or undefined when it names no file; problems go to `report`.
 * `earlierProblems`: found in the row already. Empty (unquoted) leaves a field as it is; unquoted `null` clears it; a quoted cell is literal.
 */
export function readRow<R extends object, U>(
  kind: BulkKind<R, U>,
  names: string[],
  columns: Column[],
  cells: CsvCell[],
  report: ReportAt,
  earlierProblems = 0,
): RowChange | undefined {
  const state: RowState = { operations: [] };
  let problems = earlierProblems;
  const at: ReportAt = (column, message) => {
    problems++;
    report(column, message);
  };
  columns.forEach((column, index) =>
    readCell(kind, column, names[index] ?? '', cells[index] ?? { text: '', quoted: false }, state, at),
  );
  const byExternalId = externalIdFallback(names, cells, state);
  if (byExternalId) return byExternalId;
  const target: RowTarget | undefined =
    state.id !== undefined
      ? { id: state.id }
      : state.externalIdKey !== undefined
        ? { externalId: state.externalIdKey }
        : undefined;
  if (!target) {
    if (problems === 0) at(undefined, l10n.t('The row names no file: its id and externalId cells are empty'));
    return undefined;
  }
  return withName({ target, operations: state.operations }, state.expectedName);
}

const withName = (change: RowChange, expectedName: string | undefined): RowChange =>
  expectedName === undefined ? change : { ...change, expectedName };

function readCell<R extends object, U>(
  kind: BulkKind<R, U>,
  column: Column,
  name: string,
  cell: CsvCell,
  state: RowState,
  at: ReportAt,
): void {
  const leave = !cell.quoted && cell.text === '';
  const clear = !cell.quoted && cell.text === 'null';
  if (leave || column.kind === 'ignored') return;
  switch (column.kind) {
    case 'id':
      if (!cell.quoted && /^\d+$/.test(cell.text) && !checkId(Number(cell.text))) state.id = Number(cell.text);
      else at(name, l10n.t('"{0}" is not a file id (a whole number from 1)', cell.text));
      return;
    case 'externalIdKey':
      if (!clear) state.externalIdKey = cell.text;
      return;
    case 'name':
      state.expectedName = cell.text;
      return;
    case 'metadata': {
      if (clear) return void state.operations.push({ op: 'metadataRemove', key: column.key });
      const message = checkMetadataValue(cell.text);
      if (message) return at(name, message);
      return void state.operations.push({ op: 'metadataAdd', key: column.key, value: cell.text });
    }
    case 'field': {
      if (clear) return void state.operations.push({ op: 'clear', field: column.field });
      // The field's kind reads the cell, as it reads the wizard's boxes.
      const value = parseFieldInput(kind, column.field, cell.text);
      if (!value.ok) return at(name, value.message);
      return void state.operations.push({ op: 'set', field: column.field, value: value.value });
    }
  }
}

/** With both columns and no id in this row, the externalId column names the file instead of being a value. */
function externalIdFallback(names: string[], cells: CsvCell[], state: RowState): RowChange | undefined {
  const index = names.indexOf('externalId');
  if (state.id !== undefined || state.externalIdKey !== undefined || index < 0 || !names.includes('id'))
    return undefined;
  const cell = cells[index];
  if (!cell || cell.text === '' || (cell.text === 'null' && !cell.quoted)) return undefined;
  const operations = state.operations.filter((op) => !(op.op === 'set' && op.field === 'externalId'));
  return withName({ target: { externalId: cell.text }, operations }, state.expectedName);
}
