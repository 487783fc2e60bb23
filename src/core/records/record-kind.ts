import type * as z from 'zod/mini';
import type { FieldTable, RecordField } from '../fields';
import type { DocumentProblem } from '../problems';

/**
 * A kind of record the extension edits (a classic file, later a CogniteFile node): everything the
 * pipelines (save, document, bulk) need to know of it, so that they are written once over any kind.
 * `R` is the record as the API reads it, `U` one item of its wire update. Adding a kind is: this
 * object (its field table and document), a {@link RecordsApi} adapter, a URI kind and a tree section.
 */
export interface RecordKind<R extends object, U, N extends string = string> extends FieldTable<N> {
  /** Stable name, used in URIs and saved state: 'classic-file', 'cognite-file'. */
  readonly name: string;
  /** One record in a person's words ("file"); a function, so it is translated when said. */
  readonly noun: () => string;
  /** More than one ("files"): each language plurals in its own way, so the kind says it. */
  readonly nouns: () => string;
  /** The updatable fields, each of a field kind, with the schema of its value. */
  readonly fields: readonly KindField<N>[];

  // ---- identity ----
  /** A stable text key for maps, URIs and reports: classic "123" (its id), a node "space:externalId". */
  readonly key: (record: R) => string;
  /** How a person tells the record apart in a report (classic: its file name). */
  readonly label: (record: R) => string;
  /** The key of the record a wire update item names. */
  readonly keyOfItem: (item: U) => string;
  /**
   * What its key is called where a person reads it (a report's column): a node's is
   * "space:externalId". Absent: an id ("P-101.pdf (id 123)").
   */
  readonly keyName?: () => string;

  // ---- concurrency ----
  /** The version a save was decided on: classic `lastUpdatedTime`, a node its `version`. */
  readonly version: (record: R) => number;
  /**
   * Which life of its key a record is, where the API lets a key be deleted and made again: a node's
   * `createdTime` (a node created anew under the same space:externalId counts its versions from 1
   * again, so its version alone cannot tell it from the one a document was opened at). Absent: keys
   * are never reused (a classic file's id).
   */
  readonly incarnation?: (record: R) => number;
  /**
   * How a save learns that someone else wrote. 'compare': the API has no version check, so the save
   * compares `version` AND content of a fresh read right before each request (classic files).
   * 'server': the update carries the version it was decided on and the API refuses a stale one; the
   * port says so with a {@link VersionConflictError} or a failed item of reason 'conflict'.
   */
  readonly concurrency: 'compare' | 'server';

  // ---- writing ----
  /**
   * One wire update item from the fields' minimal patches (field name -> the field kind's patch),
   * decided against `record` as CDF holds it now. Classic: `{id, update: patches}`. A kind whose API
   * writes whole values (a node's list properties) applies each patch to `record`'s value here, and
   * names the version `record` has, so the server refuses the write if it moved since.
   */
  readonly encodeUpdate: (record: R, patches: Readonly<Partial<Record<N, object>>>) => U;
  /**
   * The body of the one request that carries `items`, as the API receives it (what Preview Update
   * and the CLI print). Without it, `{items}`.
   */
  readonly requestBody?: (items: readonly U[]) => object;

  /** The JSON document a record opens as. */
  readonly document: RecordDocument<R>;
}

/** How texts name records of a kind: one, and more than one. */
export type RecordNouns = Pick<RecordKind<object, unknown>, 'noun' | 'nouns' | 'keyName'>;

/** An updatable field of a record kind: its field kind, and its value's schema and hover text. */
export interface KindField<N extends string = string> extends RecordField<N> {
  /** The value when set (`null` is always accepted and means unset). */
  readonly schema: z.ZodMiniType;
  /** What the JSON Schema shows when `schema` itself cannot be written as one. */
  readonly jsonShape?: z.ZodMiniType;
  /** Markdown shown on hover. */
  readonly description: string;
  /** Completion suggestions shown for the value. */
  readonly examples?: readonly string[];
}

/** A field of the document that the API sets and an update cannot change. */
export interface ReadOnlyField<R> {
  readonly name: string;
  readonly schema: z.ZodMiniType;
  readonly description: string;
  /** Written (as `null`) even when a malformed record lacks it: the API always returns it. */
  readonly alwaysPresent?: boolean;
  /**
   * The problem when a document changes it, when it is not the plain "read-only, put back X"
   * (classic `name`: the API cannot rename, and says how to).
   */
  readonly changed?: (base: R, value: unknown) => DocumentProblem | undefined;
}

/** The JSON document of a record kind: what it shows, how it is checked, how its elements are named. */
export interface RecordDocument<R> {
  /** The read-only fields; with the kind's updatable fields, every field a document may hold. */
  readonly readOnlyFields: readonly ReadOnlyField<R>[];
  /** Every field, in the order a document writes them. */
  readonly order: readonly string[];
  /** The fields whose values name the record (classic `id`; a node `space`, `externalId`). */
  readonly identityFields: readonly string[];
  /** The read-only field that holds {@link RecordKind.version} in a document. */
  readonly versionField: string;
  /** The key of the record a document (or a selection's element) names; undefined when it names none. */
  readonly keyOf: (element: unknown) => string | undefined;
  /** The document object: every updatable field present (`null` when unset), read-only ones the record has. */
  readonly render: (record: R) => Record<string, unknown>;
  /** Validation and completion: the document's zod schema, and its JSON Schema (and that of a selection). */
  readonly schema: z.ZodMiniType;
  readonly jsonSchema: () => Record<string, unknown>;
  readonly selectionJsonSchema: () => Record<string, unknown>;
  /**
   * Rules beyond each field's schema, over the whole document (classic: a file linked to a data
   * modelling instance may change only some fields). `invalid`: fields already refused.
   */
  readonly checks?: (
    base: R,
    document: Readonly<Record<string, unknown>>,
    invalid: ReadonlySet<string>,
  ) => DocumentProblem[];
}
