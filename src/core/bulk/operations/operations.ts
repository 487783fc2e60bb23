import {
  EDITABLE_FIELD_NAMES,
  type EDITABLE_FIELDS,
  type EditableFieldName,
  type FileRecord,
  type UPDATE_SHAPES,
} from '../../../cdf/model';
import { kindOf } from '../../fields';

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
  | DirectoryMoveOperation;

export type OperationKind = BulkOperation['op'];

/** The value a record holds for a field (never `null`: unset is absent). */
export type FieldValue<F extends EditableFieldName> = NonNullable<FileRecord[F]>;

export type SetFieldOperation = {
  [F in EditableFieldName]: { op: 'set'; field: F; value: FieldValue<F> };
}[EditableFieldName];

export interface ClearFieldOperation {
  op: 'clear';
  field: EditableFieldName;
}

/** Fields that are sets of elements, with `add`/`remove` patches. */
export type SetLikeField = {
  [F in EditableFieldName]: (typeof UPDATE_SHAPES)[(typeof EDITABLE_FIELDS)[F]['kind']] extends 'idSet' | 'labels'
    ? F
    : never;
}[EditableFieldName];

export type ElementOf<F extends SetLikeField> = FieldValue<F>[number];

export type AddElementsOperation = {
  [F in SetLikeField]: { op: 'add'; field: F; values: ElementOf<F>[] };
}[SetLikeField];

export type RemoveElementsOperation = {
  [F in SetLikeField]: { op: 'remove'; field: F; values: ElementOf<F>[] };
}[SetLikeField];

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
];

/** The fields whose kind is a set of members (labels, assetIds, securityCategories). */
export const SET_LIKE_FIELDS = EDITABLE_FIELD_NAMES.filter((name): name is SetLikeField =>
  Boolean(kindOf(name).members),
);

export const isEditableField = (name: unknown): name is EditableFieldName =>
  typeof name === 'string' && (EDITABLE_FIELD_NAMES as readonly string[]).includes(name);

export const isSetLikeField = (name: unknown): name is SetLikeField =>
  typeof name === 'string' && (SET_LIKE_FIELDS as readonly string[]).includes(name);
