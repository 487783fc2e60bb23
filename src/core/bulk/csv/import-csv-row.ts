import type { BulkKind } from '../bulk-kind';
import type { BulkOperation } from '../operations/operations';
import { parseFieldInput } from '../operations/field-input';
import { checkMetadataValue } from '../operations/parameters';
import type { CsvCell } from './csv';
import type { ReportAt } from './csv-identity';
import type { Column } from './import-csv-heading';

export type { ReportAt } from './csv-identity';

/** What one row asks: which record (the kind's ref), the operations, and the name it expects. */
export interface RowChange {
  target: unknown;
  operations: BulkOperation[];
  expectedName?: string;
}

interface RowState {
  expectedName?: string;
  operations: BulkOperation[];
}

/**
 * The change one row asks for, or undefined when it names no record; problems go to `report`.
 * `earlierProblems`: found in the row already. Empty (unquoted) leaves a field as it is; unquoted
 * `null` clears it; a quoted cell is literal. Which record the row names, the kind's identity says.
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
  const byName = new Map(names.map((name, i) => [name, cells[i] ?? { text: '', quoted: false }]));
  columns.forEach((column, index) =>
    readCell(kind, column, names[index] ?? '', byName.get(names[index] ?? '')!, state, at),
  );
  const named = kind.csvIdentity.rowRef(byName, names, at);
  if (!named) {
    if (problems === 0) at(undefined, kind.csvIdentity.unnamed());
    return undefined;
  }
  const operations = named.drop ? state.operations.filter((op) => !named.drop!(op)) : state.operations;
  const change: RowChange = { target: named.ref, operations };
  return state.expectedName === undefined ? change : { ...change, expectedName: state.expectedName };
}

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
  if (leave || column.kind === 'ignored' || column.kind === 'identity') return;
  switch (column.kind) {
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
