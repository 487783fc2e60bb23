/**
 * Errors of the port's contract that core itself detects. The API answered (so this is no network
 * failure), but the answer lacks a record it must hold: said as such, never as "could not reach".
 */
export class RecordNotReturnedError extends Error {
  override readonly name = 'RecordNotReturnedError';
  constructor(
    readonly id: number,
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
