import type { BulkKind } from '../bulk-kind';

/**
 * The operations of a bulk action: plain JSON, so a wizard, a saved "last action" (for undo and
 * retry) and tests can all build and store them. An action is a list, applied in order to each record.
 *
 * - `set` / `clear`: any updatable field. For a set-like field (labels, assetIds, securityCategories)
 *   and metadata, `set` makes the record hold exactly those values; it is still sent as an add/remove
 *   of the difference, so a concurrent change to other elements survives.
 * - `add` / `remove`: elements of a set-like field.
 * - metadata: add a pair (overwrites the key, like the API), remove a key, rename a key, find and
 *   replace in values.
 * - `directoryMove`: replace a directory prefix, only at a path boundary.
 * - `textReplace`: find and replace in text fields (a CogniteFile's name, description...).
 */
export type BulkOperation =
  | SetFieldOperation
  | ClearFieldOperation
  | AddElementsOperation
  | RemoveElementsOperation
  | MetadataAddOperation
  | MetadataRemoveOperation
  | MetadataRenameKeyOperation
  | MetadataReplaceOperation
  | DirectoryMoveOperation
  | TextReplaceOperation;

export type OperationKind = BulkOperation['op'];

/** Sets any updatable field of the record kind (validation checks the name and the value). */
export interface SetFieldOperation {
  op: 'set';
  field: string;
  value: unknown;
}

export interface ClearFieldOperation {
  op: 'clear';
  field: string;
}

/** Adds members to a field whose kind is a set of members (labels, asset ids). */
export interface AddElementsOperation {
  op: 'add';
  field: string;
  values: unknown[];
}

export interface RemoveElementsOperation {
  op: 'remove';
  field: string;
  values: unknown[];
}

/** Adds the pair; an existing key takes the new value (as the API's metadata `add` does). */
export interface MetadataAddOperation {
  op: 'metadataAdd';
  key: string;
  value: string;
}

export interface MetadataRemoveOperation {
  op: 'metadataRemove';
  key: string;
}

/**
 * Moves a value from key `from` to key `to`. A record without `from` is left alone.
 * When `to` already exists with a different value: `refuse` (default) refuses that record with a
 * reason, so no value is lost silently; `overwrite` replaces it. When it exists with the same value,
 * the rename just drops `from` (nothing is lost either way).
 */
export interface MetadataRenameKeyOperation {
  op: 'metadataRenameKey';
  from: string;
  to: string;
  ifTargetExists?: 'refuse' | 'overwrite';
}

/**
 * Replaces every occurrence of `find` in metadata values (of `keys` only, when given).
 * Literal by default: no character is special, in `find` or in `replacement`.
 * With `regex: true`, `find` is a JavaScript regular expression (always global; `flags` may add
 * `i`, `m`, `s`, `u`, `v`) and `replacement` may use `$1`, `$<name>`, `$&`, `$$`.
 */
export interface MetadataReplaceOperation {
  op: 'metadataReplace';
  find: string;
  replacement: string;
  regex?: boolean;
  flags?: string;
  keys?: string[];
}

/**
 * Replaces the directory prefix `from` with `to` in files whose directory is `from` or lies under it
 * (`/a/b` moves `/a/b` and `/a/b/c`, never `/a/bc`). Paths compare exactly: no case folding or Unicode
 * normalisation. Other files are left alone.
 */
export interface DirectoryMoveOperation {
  op: 'directoryMove';
  from: string;
  to: string;
}

/**
 * Replaces every occurrence of `find` in the values of the text fields `fields` (each a field of
 * kind `text`; an unset one is left alone), with the same literal and `regex` rules as
 * {@link MetadataReplaceOperation}. A value the replacement empties is cleared.
 */
export interface TextReplaceOperation {
  op: 'textReplace';
  fields: string[];
  find: string;
  replacement: string;
  regex?: boolean;
  flags?: string;
}

/** The field the metadata operations change (a key-value map), and the one a directory move changes. */
export const METADATA_FIELD = 'metadata';
export const DIRECTORY_FIELD = 'directory';

export const OPERATION_KINDS: readonly OperationKind[] = [
  'set',
  'clear',
  'add',
  'remove',
  'metadataAdd',
  'metadataRemove',
  'metadataRenameKey',
  'metadataReplace',
  'directoryMove',
  'textReplace',
];

/** The fields of a kind whose values are sets of members (labels, assetIds, securityCategories). */
export const setLikeFields = <R extends object, U>(kind: BulkKind<R, U>): string[] =>
  kind.fields.filter((f) => f.kind.members).map((f) => f.name);

export const isSetLikeField = <R extends object, U>(kind: BulkKind<R, U>, name: unknown): name is string =>
  typeof name === 'string' && setLikeFields(kind).includes(name);
