/** How long a bulk update holds back after a 429 before sending the refused chunk again. */
import type { CdfApiError } from '../errors';
import type { RatePacer } from '../rate-pacer';
import { backoffDelayMs, type RetryPolicy } from '../retry-policy';

/** CDF's 429 body says which budget was exceeded: the request rate or the concurrent requests. */
function throttleCause(message: string): 'rate' | 'concurrency' | 'unknown' {
  if (/concurren/i.test(message)) return 'concurrency';
  if (/\brate\b/i.test(message)) return 'rate';
  return 'unknown';
}

/**
 * The wait before the refused chunk goes again, or undefined when the answer asks for longer than the
 * policy ever waits. `throttleStreak` counts 429s in a row (of the current epoch).
 */
export function throttledDelayMs(
  error: CdfApiError,
  policy: RetryPolicy,
  throttleStreak: number,
  pacer: Pick<RatePacer, 'onRateThrottled'>,
): number | undefined {
  if (error.retryAfterMs !== undefined) {
    if (error.retryAfterMs > policy.maxDelayMs) return undefined;
    return error.retryAfterMs + Math.floor(policy.random() * error.retryAfterMs * 0.1);
  }
  const cause = throttleCause(error.message);
  if (throttleStreak <= 1 && (cause === 'concurrency' || (cause === 'rate' && pacer.onRateThrottled()))) {
    // The first refusal of an overload: the lowered limit (concurrency) or the pacer (rate) already waits.
    return 0;
  }
  return backoffDelayMs(Math.min(Math.max(0, throttleStreak - 1), 20), policy);
}
