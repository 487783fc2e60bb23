/** How long a bulk update holds back after a 429 before sending the refused chunk again. */
import type { CdfApiError } from '../errors';
import type { RatePacer } from '../rate-pacer';
import { backoffDelayMs, type RetryPolicy } from '../retry-policy';

/** CDF's 429 body says which budget was exceeded: the request rate or the concurrent requests. */
export function throttleCause(message: string): 'rate' | 'concurrency' | 'unknown' {
  if (/concurren/i.test(message)) return 'concurrency';
  if (/\brate\b/i.test(message)) return 'rate';
  return 'unknown';
}

/** Overloads of the rate in a row (no success between) after which the pacer alone is not trusted. */
const RATE_OVERLOADS_BEFORE_BACKOFF = 8;

/**
 * The wait before the refused chunk goes again, or undefined when the answer asks for longer than the
 * policy ever waits. `streak` counts overloads in a row (429s of the current epoch, no success
 * between); `fresh` says this refusal opened a new overload (its request was sent after the last
 * one was noticed), while the others are the rest of a crowd already answered for.
 *
 * A `Retry-After` is obeyed. The rate budget is the pacer's: a fresh refusal slows it (once per
 * overload, so a crowd of refusals slows it once), and the chunk waits its turn in the queue, with
 * no pause of its own: pausing every start exponentially would leave a rate-bound job idle. The
 * concurrency budget is the limiter's (already lowered). Either one refused again and again, or a
 * refusal that does not say which budget, backs off with full jitter.
 */
export function throttledDelayMs(
  error: CdfApiError,
  policy: RetryPolicy,
  throttle: { streak: number; fresh: boolean },
  pacer: Pick<RatePacer, 'onRateThrottled'>,
): number | undefined {
  if (error.retryAfterMs !== undefined) {
    if (error.retryAfterMs > policy.maxDelayMs) return undefined;
    return error.retryAfterMs + Math.floor(policy.random() * error.retryAfterMs * 0.1);
  }
  const { streak, fresh } = throttle;
  const cause = throttleCause(error.message);
  if (cause === 'rate' && streak <= RATE_OVERLOADS_BEFORE_BACKOFF) {
    if (fresh) pacer.onRateThrottled();
    return 0;
  }
  // The first refusal of an overload: the lowered limit already waits.
  if (cause === 'concurrency' && streak <= 1) return 0;
  return backoffDelayMs(Math.min(Math.max(0, streak - 1), 20), policy);
}
