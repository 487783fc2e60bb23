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
