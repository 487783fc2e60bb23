/**
 * A concurrency limit that follows the project's throttling budget, as TCP's congestion control does.
 *
 * It starts at what CDF documents for one identity instead of probing up from a few: a slow ramp
 * costs whole round trips, and a bulk job of 100 requests is over in a handful of them. Until the
 * first 429 it grows by one on every successful answer; after that by one per `limit` successes
 * (credited on each answer, so growth does not wait for a "round" to end).
 *
 * On a 429 it does not guess (halving): the requests still on the wire when the refusal arrives
 * are what the budget admitted, so the limit drops to that count. A burst of 429s answered in
 * sequence thus walks the limit down to what was admitted, not below it. Each request carries
 * the epoch it was sent in; only a 429 from the current epoch also lowers the limit by one
 * (a probe past the budget), so one overload costs one step, not one per refused request.
 */
import { LIMITS, type UpdateConcurrencyOptions as AdaptiveConcurrencyOptions } from '../model';

/** Start at the parallel requests CDF documents per identity, and never go past them. */
export const DEFAULT_CONCURRENCY = {
  initial: LIMITS.concurrentRequests,
  min: 1,
  max: LIMITS.concurrentRequests,
} as const;

export class AdaptiveConcurrency {
  private current: number;
  private readonly min: number;
  private readonly max: number;
  private credit = 0;
  private epochCounter = 0;
  /** Until the first 429 nothing is known about the budget: grow fast. */
  private slowStart = true;

  constructor(options: AdaptiveConcurrencyOptions = {}) {
    this.min = Math.max(1, Math.floor(options.min ?? DEFAULT_CONCURRENCY.min));
    this.max = Math.max(this.min, Math.floor(options.max ?? DEFAULT_CONCURRENCY.max));
    this.current = clamp(Math.floor(options.initial ?? DEFAULT_CONCURRENCY.initial), this.min, this.max);
  }

  get limit(): number {
    return this.current;
  }

  /** Call when a request is sent; hand the result back to {@link onThrottled}. */
  get epoch(): number {
    return this.epochCounter;
  }

  /**
   * A request sent in `epoch` was throttled (429 or 503). `stillOnTheWire`: our other requests not
   * yet answered when this answer came (unknown: treated as the current limit).
   */
  onThrottled(epoch: number, stillOnTheWire: number = this.current): void {
    this.slowStart = false;
    this.credit = 0;
    let next = Math.min(this.current, stillOnTheWire);
    if (epoch === this.epochCounter) {
      next = Math.min(next, this.current - 1);
      this.epochCounter++;
    }
    this.current = clamp(next, this.min, this.max);
  }

  /**
   * A request sent in `epoch` was refused for the request rate: that says nothing of how many may be
   * in progress (the rate pacer handles it), so the limit stays; the overload still opens a new
   * epoch, so its other refusals count as one overload, not one each.
   */
  onRateLimited(epoch: number): void {
    if (epoch === this.epochCounter) this.epochCounter++;
  }

  /** A request was answered without throttling. */
  onSuccess(): void {
    if (this.current >= this.max) return;
    this.credit += this.slowStart ? 1 : 1 / this.current;
    if (this.credit >= 1) {
      this.current++;
      this.credit = 0;
    }
  }
}

const clamp = (n: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, Math.floor(n)));
