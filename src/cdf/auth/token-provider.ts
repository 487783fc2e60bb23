/**
 * Where the client gets its bearer tokens. Implementations cache and refresh; the client calls
 * `getToken` before every request and `invalidate` once when CDF answers 401.
 */
export interface TokenProvider {
  /** A token valid for a while yet. Rejects with the signal's reason if it aborts while waiting. */
  getToken(signal?: AbortSignal): Promise<string>;
  /**
   * Forget the cached token because CDF rejected it. Passing the rejected token makes this a no-op
   * when a newer token is already cached or on its way, so many concurrent 401s cause one refresh.
   */
  invalidate(rejectedToken?: string): void;
  /**
   * The token is no secret (the demo emulator's, the same in every copy of the extension): it is
   * not masked, so the words it happens to equal ("demo") stay readable in messages and logs.
   */
  readonly isPublic?: boolean;
}

/** Thrown when a token cannot be obtained (wrong secret, user cancelled, identity provider down). */
export class AuthError extends Error {
  override readonly name = 'AuthError';
}
