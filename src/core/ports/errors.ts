/**
 * Errors of the port's contract that core itself detects. The API answered (so this is no network
 * failure), but the answer lacks a record it must hold: said as such, never as "could not reach".
 */
export class RecordNotReturnedError extends Error {
  override readonly name = 'RecordNotReturnedError';
  constructor(
    /** The record kind's key of the record. */
    readonly key: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * A write was sent but got no definite answer (no answer, a 5xx after the retries, cancelled in
 * flight): it may or may not have been applied. Never "not saved": the change may be in CDF.
 */
export class OutcomeUnknownError extends Error {
  override readonly name = 'OutcomeUnknownError';
  constructor(
    message: string,
    override readonly cause: unknown,
  ) {
    super(message, { cause });
  }
}

/** An error about some records, named by their kind's text keys (classic "123", a node "space:externalId"). */
export abstract class RecordsError extends Error {
  constructor(
    readonly keys: readonly string[],
    message: string,
  ) {
    super(message);
  }
}

/** Records the API does not know (deleted, or never there). */
export class RecordsMissingError extends RecordsError {
  override readonly name = 'RecordsMissingError';
}

/**
 * The API refused a write because a record's version moved past the one the write was decided on
 * (a node's `existingVersion`): nothing was applied. The save re-reads, merges and asks again.
 */
export class VersionConflictError extends RecordsError {
  override readonly name = 'VersionConflictError';
}
