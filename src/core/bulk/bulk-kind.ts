import * as l10n from '@vscode/l10n';
import type { RecordField } from '../fields';
import type { ActionProblem } from '../problems';
import type { RecordKind } from '../records';
import type { CsvIdentity } from './csv/csv-identity';

/** A field's patches, by field name, as the field kinds make them (`{set}`, `{add, remove}`...). */
export type Patches = Readonly<Record<string, object>>;

/**
 * A record kind as bulk actions see it: the kind (its fields, each of a field kind, which plans,
 * merges and undoes it; its text key; its version; its wire item) and the few rules of a bulk action
 * a field table cannot say. `R` is the record as read, `U` one item of its update request. Nothing
 * in core/bulk knows any other shape of a record.
 */
export interface BulkKind<R extends object, U> extends RecordKind<R, U> {
  /** Why `value` cannot be `field`'s value (the model's rules), or `undefined` when it can. */
  readonly checkValue: (field: string, value: unknown) => string | undefined;
  /** Why `field` cannot be changed when it is a field the API sets, or `undefined` for any other name. */
  readonly readOnlyReason: (field: string) => string | undefined;
  /** Why this record cannot change these fields at all (a link that forbids some of them). */
  readonly refusals: (before: R, changed: readonly string[]) => ActionProblem[];
  /** Why the API would refuse this item (one bad item fails its whole request), or `undefined`. */
  readonly checkItem: (item: U) => string | undefined;
  /** Fields whose values are unique among records: two records of one action never get the same one. */
  readonly uniqueFields: readonly string[];
  /** How a CSV of changes names each row's record. */
  readonly csvIdentity: CsvIdentity;
  /** Does `ref` (one of a target's refs: the kind's wire identity, JSON) name `record`? */
  readonly refMatches: (record: R, ref: unknown) => boolean;
}

/** The updatable field of that name, or `undefined` (a read-only field, a typo, a prototype key). */
export const fieldOf = <R extends object, U>(kind: BulkKind<R, U>, name: unknown): RecordField | undefined =>
  typeof name === 'string' ? kind.fields.find((f) => f.name === name) : undefined;

/** The updatable field of that name; a name validation let through that is not one is a programming error. */
export function requireField<R extends object, U>(kind: BulkKind<R, U>, name: string): RecordField {
  const field = fieldOf(kind, name);
  if (!field) throw new Error(`${kind.name} has no updatable field "${name}"`);
  return field;
}

/**
 * How a record is named in previews and reports: `P-101.pdf (id 123)`, or for a kind whose key has
 * its own name, the key as it is (`P-101.pdf (plant:p-101)`, which reads as space:externalId).
 */
export const titleOf = <R extends object, U>(kind: BulkKind<R, U>, record: R): string =>
  kind.keyName
    ? l10n.t('{0} ({1})', kind.label(record), kind.key(record))
    : l10n.t('{0} (id {1})', kind.label(record), kind.key(record));
