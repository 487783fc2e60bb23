/**
 * Paces request starts by rate, next to the concurrency limit: CDF budgets both, and a client that
 * only limits concurrency sends too fast when answers come back quickly, then meets 429s.
 *
 * A token bucket that starts at a rate the caller knows to be allowed (for a bulk update, what CDF
 * documents for one identity: 120,000 items/s, so 120 requests/s of 1000 items) with a burst of
 * `burst` requests. A 429 that names the rate sets the rate to what the server admitted over the
 * last two seconds (when that is enough requests to tell); every successful answer adds 2 %.
 * `pause` holds every start back until a moment (a `Retry-After`, a backoff), so a crowd of
 * throttled requests comes back as a trickle, not as a second crowd.
 */
export const DOCUMENTED_ITEMS_PER_SECOND = 120_000;

const WINDOW_MS = 2000;
/** Fewer admitted requests than this in the window say too little about the server's rate. */
const MIN_SAMPLES = 5;

export class RatePacer {
  private ratePerSecond: number;
  private tokens: number;
  private refilledAt: number;
  private pausedUntil = 0;
  private readonly startedAt: number;
  /** Start times of requests the server admitted, for the rate estimate; oldest first. */
  private readonly admitted: number[] = [];
  /** Start times of every request, and of those refused (429), for the estimate before answers come. */
  private readonly started: number[] = [];
  private readonly refused: number[] = [];

  constructor(
    initialRatePerSecond: number,
    private burst: number,
    private readonly now: () => number,
  ) {
    this.ratePerSecond = initialRatePerSecond;
    this.tokens = burst;
    this.refilledAt = now();
    this.startedAt = this.refilledAt;
  }

  get rate(): number {
    return this.ratePerSecond;
  }

  /** Milliseconds until the next request may start (0: now). */
  waitMs(): number {
    const now = this.now();
    this.refill(now);
    const forToken = this.tokens >= 1 ? 0 : ((1 - this.tokens) / this.ratePerSecond) * 1000;
    return Math.max(0, this.pausedUntil - now, forToken);
  }

  /** A request starts now (call only when {@link waitMs} is 0). */
  take(): void {
    const now = this.now();
    this.refill(now);
    this.tokens -= 1;
    this.started.push(now);
    this.trim(now);
  }

  /** A request that started at `sentAt` was refused (429): it did not count against the rate. */
  onRefused(sentAt: number): void {
    this.refused.push(sentAt);
  }

  /** A request that started at `sentAt` was admitted (answered, not throttled). */
  onAdmitted(sentAt: number): void {
    this.admitted.push(sentAt);
    this.ratePerSecond *= 1.02;
    this.trim(this.now());
  }

  /**
   * A 429 named the rate (call once per overload): from now on no burst, and the rate at what the
   * server admitted lately. Early in a job too few answers came back to say (a refusal comes back at
   * once, an admitted request only after its work), so the guess is then the requests started
   * lately that were not refused, and at most half the current rate: a crowd of refused requests
   * comes back as a trickle rather than a second crowd. Returns true: the pacer now holds starts back.
   */
  onRateThrottled(): boolean {
    const now = this.now();
    this.trim(now);
    // Early in a job the window is not full yet: divide by the time there was.
    const perSecond = (count: number) => (count / Math.max(250, Math.min(WINDOW_MS, now - this.startedAt))) * 1000;
    const next =
      this.admitted.length >= MIN_SAMPLES
        ? perSecond(this.admitted.length)
        : Math.min(this.ratePerSecond / 2, perSecond(Math.max(0, this.started.length - this.refused.length)));
    this.ratePerSecond = Math.max(0.5, Math.min(this.ratePerSecond, next));
    this.burst = 1;
    this.tokens = Math.min(this.tokens, 0);
    this.refilledAt = now;
    return true;
  }

  /** No request starts before `ms` from now. */
  pause(ms: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, this.now() + ms);
  }

  private refill(now: number): void {
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.refilledAt) / 1000) * this.ratePerSecond);
    this.refilledAt = now;
  }

  private trim(now: number): void {
    for (const times of [this.admitted, this.started, this.refused]) {
      while (times.length > 0 && (times[0] as number) < now - WINDOW_MS) times.shift();
    }
  }
}
