/**
 * A concurrency limit that follows the project's throttling budget, as TCP's congestion control does:
 * a slow start (one more per success, so the limit doubles every round) until the first 429, then
 * AIMD: halve on a 429, add one after a run of successes as long as the current limit. That finds the
 * budget from below quickly, without a 429 storm, and backs off fast when others share the project.
 * (Benchmarked: with +1 per round only, a 100-request job never got past its ramp-up.)
 *
 * A burst of 429s caused by one overload should halve the limit once, not once per request, so
 * each request carries the "epoch" it started in and only a throttle from the current epoch cuts.
 */
export interface AdaptiveConcurrencyOptions {
  readonly initial?: number;
  readonly min?: number;
  readonly max?: number;
}

export const DEFAULT_CONCURRENCY = { initial: 4, min: 1, max: 16 } as const;

export class AdaptiveConcurrency {
  private current: number;
  private readonly min: number;
  private readonly max: number;
  private successStreak = 0;
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

  /** A request sent in `epoch` was throttled (429). */
  onThrottled(epoch: number): void {
    this.successStreak = 0;
    if (epoch !== this.epochCounter) return;
    this.slowStart = false;
    this.current = Math.max(this.min, Math.floor(this.current / 2));
    this.epochCounter++;
  }

  /** A request was answered without throttling. */
  onSuccess(): void {
    this.successStreak++;
    if (this.current < this.max && (this.slowStart || this.successStreak >= this.current)) {
      this.current++;
      this.successStreak = 0;
    }
  }
}

const clamp = (n: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, n));
