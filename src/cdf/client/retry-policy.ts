/**
 * When and how long to wait before trying a request again.
 *
 * Full-jitter exponential backoff (delay = random(0, min(cap, base * 2^retry))), the scheme CDF's
 * docs recommend and both official SDKs use: it spreads a burst of throttled clients over time
 * instead of having them retry in lock-step. A `Retry-After` from the server wins over our guess.
 */
import { abortableSleep } from './abortable-sleep';

export interface RetryPolicy {
  /** Total HTTP attempts per request, the first one included. */
  readonly maxAttempts: number;
  /** Give up instead of waiting when the next attempt would start later than this after the first one. */
  readonly maxTotalMs: number;
  /** The backoff before the first retry is drawn from [0, baseDelayMs * 2). */
  readonly baseDelayMs: number;
  /** No single wait is longer than this (a `Retry-After` above it means: give up). */
  readonly maxDelayMs: number;
  /** Per-attempt timeout: a request that has not finished (body included) by then is abandoned. */
  readonly attemptTimeoutMs: number;
  /** Injectable for tests: a number in [0, 1). */
  readonly random: () => number;
  /** Injectable for tests: waits `ms`, rejects with the signal's reason when it aborts. */
  readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Injectable for tests: milliseconds since some epoch. */
  readonly now: () => number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 10,
  maxTotalMs: 180_000,
  baseDelayMs: 250,
  maxDelayMs: 20_000,
  attemptTimeoutMs: 120_000,
  random: Math.random,
  sleep: abortableSleep,
  now: Date.now,
};

export const retryPolicy = (overrides: Partial<RetryPolicy> = {}): RetryPolicy => ({
  ...DEFAULT_RETRY_POLICY,
  ...overrides,
});

/** Full jitter: uniformly in [0, min(maxDelay, base * 2^(retry+1))). `retry` counts from 0. */
export function backoffDelayMs(
  retry: number,
  policy: Pick<RetryPolicy, 'baseDelayMs' | 'maxDelayMs' | 'random'>,
): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (retry + 1));
  return Math.floor(policy.random() * ceiling);
}

/**
 * `Retry-After` in milliseconds: either delta-seconds ("120") or an HTTP date. Undefined when absent
 * or unreadable; never negative.
 */
export function parseRetryAfterMs(header: string | null | undefined, nowMs: number): number | undefined {
  if (!header) return undefined;
  const text = header.trim();
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  // An HTTP date names a month ("Wed, 21 Oct 2015 07:28:00 GMT"); Date.parse alone takes "-3" too.
  if (!/[a-z]{3}/i.test(text)) return undefined;
  const date = Date.parse(text);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - nowMs);
}

/** Statuses that mean "not now": throttling and overloaded or unreachable back ends. */
const RETRYABLE_STATUSES = new Set([429, 502, 503, 504]);

/**
 * May a request that got `status` be sent again? Throttling (429) means the request was refused,
 * so it is always safe. 502/503/504 may hide a request that was applied, so only idempotent ones
 * repeat, unless the server itself marks the response retryable (`cdf-is-auto-retryable: true`).
 */
export function isRetryableResponse(status: number, autoRetryable: boolean, idempotent: boolean): boolean {
  if (autoRetryable || status === 429) return true;
  return idempotent && RETRYABLE_STATUSES.has(status);
}

export type RetryDecision = { retry: true; delayMs: number } | { retry: false; reason: string };

/**
 * Decides whether to retry after attempt number `attempt` (1-based) failed in a retryable way,
 * and how long to wait: `Retry-After` if the server sent one (plus up to 10 % jitter so a crowd of
 * requests told the same thing does not come back at the same instant), else full-jitter backoff.
 */
export function decideRetry(
  policy: RetryPolicy,
  attempt: number,
  startedAtMs: number,
  retryAfterMs: number | undefined,
): RetryDecision {
  if (attempt >= policy.maxAttempts) return { retry: false, reason: `gave up after ${attempt} attempts` };
  let delayMs: number;
  if (retryAfterMs !== undefined) {
    if (retryAfterMs > policy.maxDelayMs) {
      return { retry: false, reason: `the server asked to wait ${Math.ceil(retryAfterMs / 1000)} s` };
    }
    delayMs = retryAfterMs + Math.floor(policy.random() * retryAfterMs * 0.1);
  } else {
    delayMs = backoffDelayMs(attempt - 1, policy);
  }
  if (policy.now() + delayMs - startedAtMs > policy.maxTotalMs) {
    return { retry: false, reason: `gave up after ${Math.round((policy.now() - startedAtMs) / 1000)} s` };
  }
  return { retry: true, delayMs };
}
