import type { BulkOperation } from '../operations/operations';
import type { CsvCell } from './csv';

/** A problem in the row, at a column (or at the row as a whole). */
export type ReportAt = (column: string | undefined, message: string) => void;

/**
 * How a CSV of changes names each row's record, for one record kind: which heading columns are its
 * identity (never changes), and the ref a row's cells give. Refs are the kind's target refs (what
 * `BulkKind.refMatches` reads).
 */
export interface CsvIdentity {
  /** Which of the heading's columns name the record, or why the heading names none. */
  readonly columns: (heading: readonly string[]) => { columns: readonly string[] } | { problem: string };
  /**
   * The ref of the record a row names, from its cells by column name (quoted cells literal), or
   * `undefined` when it names none; problems go to `at`. `drop`: operations read from the row that
   * are not changes after all (a column that named the record in this row).
   */
  readonly rowRef: (
    cells: ReadonlyMap<string, CsvCell>,
    heading: readonly string[],
    at: ReportAt,
  ) => { ref: unknown; drop?: (op: BulkOperation) => boolean } | undefined;
  /** Why a row that names no record (its identity cells empty) is refused. */
  readonly unnamed: () => string;
  /** Why a row is refused when an earlier row (`first`) already changes the record `ref` names. */
  readonly repeated: (ref: unknown, first: number) => string;
}
