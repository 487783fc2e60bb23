import type { JsonPath } from '../json-path';

/** A span of the text, in UTF-16 code units (what VS Code's `positionAt` takes). */
export interface TextRange {
  offset: number;
  length: number;
}

/** 1-based, as editors and compilers print them; `column` counts UTF-16 code units. */
export interface TextPosition {
  line: number;
  column: number;
}

/** In a record document, by JSON path from its root (see `formatPath`). */
export interface AtPath {
  path: JsonPath;
  /** The problem is about the key of the property at `path` (an unknown field, a too-long metadata key), so mark the key, not the value. */
  onKey?: boolean;
}

/** In a bulk action: an operation parameter (`key`, `values[2]`, `flags`) or a record field (`labels`, `metadata.rev`). */
export interface InAction {
  where: string;
  /** Index of the operation in the action, when the problem belongs to one. */
  operation?: number;
}

/** On a line of a pasted list of files. */
export interface OnLine {
  /** 1-based line of the pasted text. */
  line: number;
}

/** In a row of a CSV of changes, and in a cell or heading of it when `column` is given. */
export interface InCsvRow {
  row: number;
  /** 1-based line where the row starts in the text. */
  line: number;
  /** The column at fault, when the problem is in a cell or a heading. */
  column?: string;
}
