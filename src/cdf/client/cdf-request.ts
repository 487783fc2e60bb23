/** One request to CDF as the transport takes it, and what it answers (see transport.ts). */
import type * as z from 'zod/mini';

/** What happened to one HTTP attempt; the update runner uses these to adapt its concurrency. */
export type AttemptEvent =
  | { type: 'sending'; attempt: number }
  | { type: 'answered'; attempt: number; status: number; requestId?: string; durationMs: number }
  | { type: 'noAnswer'; attempt: number; timedOut: boolean; durationMs: number; error: unknown }
  | { type: 'waiting'; attempt: number; delayMs: number; why: string };

export interface CdfRequest<T> {
  readonly method: 'GET' | 'POST';
  /** Below the project, e.g. `/files/list`. */
  readonly path: string;
  readonly query?: Readonly<Record<string, string | number | boolean | undefined>>;
  readonly body?: unknown;
  /** The shape of a successful response body. */
  readonly response: z.ZodMiniType<T>;
  /**
   * A quicker check of the body that answers only what `response` accepts, as `response` would
   * answer it (proven by a property test), or undefined: then `response` parses it and says what is wrong.
   */
  readonly fastParse?: (json: unknown) => T | undefined;
  readonly signal?: AbortSignal;
  /**
   * Safe to send twice? Decides whether 502/503/504 and network failures are retried (429 always is,
   * since a throttled request was not processed).
   */
  readonly idempotent: boolean;
  readonly onAttempt?: (event: AttemptEvent) => void;
  /**
   * When this aborts, no further attempt starts and a backoff wait ends at once, but an attempt
   * already on the wire runs on (until `signal` aborts). Lets a cancelled bulk job learn how its
   * in-flight requests ended instead of abandoning them.
   */
  readonly stopRetrying?: AbortSignal;
  /**
   * Default true. False: a 429 is thrown at once (as a CdfApiError with its `retryAfterMs`) for the
   * caller to schedule, e.g. a bulk job that paces all its requests together instead of each
   * request waiting out its own backoff while holding a concurrency slot.
   */
  readonly retryThrottled?: boolean;
  /**
   * Default false. True: after a 2xx answer is announced (`onAttempt` 'answered'), the event loop
   * gets a turn before the body is parsed, so a caller that frees a slot on that event (a bulk job)
   * can put its next request on the wire first instead of after parsing 1000 records.
   */
  readonly yieldBeforeParsing?: boolean;
}

export interface CdfResponse<T> {
  readonly data: T;
  readonly status: number;
  readonly requestId: string | undefined;
  readonly attempts: number;
}
