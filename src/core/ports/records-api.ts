import type { UpdateOptions, UpdateReport } from '../../cdf/model';

/**
 * What the save and the bulk jobs need of one record kind's API, declared by core: `R` the record as
 * read, `U` one wire update item (see RecordKind in core/records). Records are named by the kind's
 * text key (classic "123", a node "space:externalId"); the adapter turns keys into wire identities.
 * The classic file's adapter is in src/app; a second kind's API serves this the same way.
 */
export interface RecordsApi<R, U> {
  /** In request order; a key CDF does not know throws {@link RecordsMissingError} naming every such key. */
  readonly retrieve: (keys: readonly string[], signal?: AbortSignal) => Promise<R[]>;
  /** The records that exist, unknown keys left out (a deleted record is no error here). */
  readonly retrieveExisting: (keys: readonly string[], signal?: AbortSignal) => Promise<R[]>;
  /**
   * One request of at most the API's items per request, all or nothing, answered in item order.
   * Throws the API's error for a refusal (nothing applied), {@link VersionConflictError} when the API
   * refused a stale version (nothing applied), and OutcomeUnknownError when the request got no
   * definite answer (it may have been applied).
   */
  readonly update: (items: readonly U[], signal?: AbortSignal) => Promise<R[]>;
  /**
   * Any number of items: chunked, throttling-aware, cancellable; reports every item (a stale version
   * is a failed item of reason 'conflict').
   */
  readonly updateMany: (items: readonly U[], options: UpdateOptions) => Promise<UpdateReport<U, R>>;
}
