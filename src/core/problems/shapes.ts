import type { ActionProblemCode, DocumentProblemCode } from './codes';
import type { AtPath, InAction, InCsvRow, OnLine, TextPosition, TextRange } from './locations';

/** Warnings do not block; a wizard may show them and go on. */
export type Severity = 'error' | 'warning';

/** A problem in a record document (found by JSON path). */
export interface DocumentProblem extends AtPath {
  /** One sentence or two, for the Problems panel: names the field, says what is wrong and what to do. */
  message: string;
  code: DocumentProblemCode;
  severity: 'error';
}

/** A problem in a record document, placed in the text: offsets in UTF-16 code units, line and column 1-based. */
export type PlacedProblem<P extends DocumentProblem = DocumentProblem> = P & TextRange & TextPosition;

/** A problem of a save: placed in the text when the text parsed. */
export type SaveProblem = DocumentProblem & Partial<TextRange & TextPosition>;

/** Why the text is not a document: not JSON, or a key given twice (`path` is `[]` for a syntax error). */
export interface ParseProblem extends Omit<AtPath, 'onKey'>, TextRange, TextPosition {
  code: Extract<DocumentProblemCode, 'invalid-json' | 'duplicate-key'>;
  message: string;
  severity: 'error';
}

/**
 * Something wrong with an operation's parameter, or a reason a record cannot take the action.
 * `reason` is the same for every record refused for the same cause (so a summary can count them);
 * `message` is specific to this parameter or record.
 */
export interface ActionProblem extends InAction {
  code: ActionProblemCode;
  /** Groupable: no per-record numbers or values. */
  reason: string;
  message: string;
  severity: Severity;
}

/** A problem in a pasted list of files. A duplicate is a warning: it is dropped, the rest goes on. */
export interface TargetProblem extends OnLine {
  message: string;
  severity: Severity;
}

/** A problem in a CSV of changes: the row is left out. */
export interface CsvImportProblem extends InCsvRow {
  message: string;
}
