/** A property of a record that points to another record (a node's direct relation), by the field it sits in. */
export interface MissingReference {
  /** The kind's key of the record whose write holds the reference. */
  readonly key: string;
  /** The field (a top-level document key) that holds it, e.g. `assets`. */
  readonly field: string;
  /** The record it points to, as the reference names it (a node: `space:externalId`). */
  readonly target: string;
}

/**
 * The API refused a write because it points to records that do not exist (a mistyped asset in a
 * node's `assets`): nothing was applied, and nothing was created in their place.
 */
export class ReferencesMissingError extends Error {
  override readonly name = 'ReferencesMissingError';
  constructor(
    readonly references: readonly MissingReference[],
    message: string,
  ) {
    super(message);
  }
}
