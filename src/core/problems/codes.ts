/** What is wrong, as a code a program can act on (the message says it in words). */

/** In a record document: its JSON or a field's value. */
export type DocumentProblemCode =
  /** The text is not JSON (position in the problem). */
  | 'invalid-json'
  /** The same key twice in one object. */
  | 'duplicate-key'
  | 'not-an-object'
  /** A top-level key that is not a field of a file record. */
  | 'unknown-field'
  /** A key inside a value that does not allow it (a label, a GeoJSON object). */
  | 'unknown-key'
  | 'wrong-type'
  /** A string (or metadata key/value, in UTF-8 bytes) over its limit. */
  | 'too-long'
  /** A string or list under its minimum (an empty label, a LineString of one point). */
  | 'too-short'
  /** A list or metadata over its item / pair limit. */
  | 'too-many'
  /** Metadata over its total size. */
  | 'too-large'
  /** A number outside its range (ids 1..2^53-1, times >= 0). */
  | 'out-of-range'
  | 'not-whole-number'
  /** A value outside a fixed set (`"Feature"`, a geometry type). */
  | 'invalid-value'
  | 'duplicate-id'
  | 'duplicate-label'
  | 'read-only'
  | 'name-not-updatable'
  /** A field that a file linked to a data modelling instance cannot change. */
  | 'instance-linked'
  /** Any other rule of the model (for example a GeoJSON ring that does not close). */
  | 'invalid';

/** In a bulk action: a parameter of an operation, or a record that cannot take it. */
export type ActionProblemCode =
  /** Malformed operation: unknown `op`, missing or mistyped parameter. */
  | 'shape'
  /** A parameter value the API would refuse (too long, out of range, not absolute, bad regex...). */
  | 'parameter'
  /** The operation does not apply to that field (read-only field, add to a scalar...). */
  | 'not-allowed'
  /** The record after the action would break a documented limit. */
  | 'limit'
  /** The record is linked to a data modelling instance and may not change that field. */
  | 'instance-linked'
  /** Renaming a metadata key onto one that exists with another value. */
  | 'rename-target-exists'
  /** The same file twice in one action, or two files given the same external id. */
  | 'duplicate'
  /** A column of an import that expects a value the record does not have (e.g. `name`). */
  | 'read-only-mismatch';

export type ProblemCode = DocumentProblemCode | ActionProblemCode;
