/**
 * When the next node upsert of a bulk update may start: at most as many in progress as the
 * concurrency limit, which starts at the project's concurrent write limit (`GET /models/statistics`)
 * and adapts to 429s, and none while a throttled answer asks to hold back.
 *
 * A 429 comes back here instead of being waited out by its request in its own slot (each refused
 * chunk retrying on its own keeps as many requests knocking as before: a storm). The requests still
 * in progress when it came are what CDF admitted, so the limit drops to them (AdaptiveConcurrency);
 * only a refusal of a request sent after the last overload was noticed is news, so a crowd of 429s
 * counts as one overload. A `Retry-After` is obeyed; overloads in a row back off with full jitter.
 * Growing back to a level CDF refused waits {@link PROBE_AFTER_ROUNDS} rounds at the level below it:
 * probing it after every round would cost a 429 per round when the budget really is that level.
 */
import {
  AdaptiveConcurrency,
  backoffDelayMs,
  CdfApiError,
  DEFAULT_RETRY_POLICY,
  type RetryPolicy,
} from '../cdf/client';

/** Rounds (as many successes as the limit) at the level below a refused one before it is tried again. */
export const PROBE_AFTER_ROUNDS = 4;

export type GatePolicy = Pick<RetryPolicy, 'baseDelayMs' | 'maxDelayMs' | 'maxAttempts' | 'random' | 'now'>;

/** One request let through: the epoch it was sent in (see AdaptiveConcurrency). */
export interface Ticket {
  readonly epoch: number;
}

export class NodeWriteGate {
  readonly limiter: AdaptiveConcurrency;
  private inFlight = 0;
  private pausedUntil = 0;
  private streak = 0;
  /** The in-progress count a fresh 429 answered (a level that was too many); Infinity before any. */
  private refusedLevel = Number.POSITIVE_INFINITY;
  private quietSuccesses = 0;
  private waiters: (() => void)[] = [];
  peak = 0;
  throttled = 0;

  constructor(
    limit: number,
    private readonly policy: GatePolicy = DEFAULT_RETRY_POLICY,
  ) {
    this.limiter = new AdaptiveConcurrency({ initial: limit, min: 1, max: limit });
  }

  /** Resolves when a request may start (a slot is free and no pause holds), or at once on abort. */
  async enter(signal?: AbortSignal): Promise<Ticket | undefined> {
    for (;;) {
      if (signal?.aborted) return undefined;
      const holdMs = this.pausedUntil - this.policy.now();
      if (this.inFlight < this.limiter.limit && holdMs <= 0) break;
      await new Promise<void>((resolve) => {
        const wake = () => {
          clearTimeout(timer);
          signal?.removeEventListener('abort', wake);
          resolve();
        };
        const timer = holdMs > 0 ? setTimeout(wake, holdMs) : undefined;
        signal?.addEventListener('abort', wake, { once: true });
        this.waiters.push(wake);
      });
    }
    this.inFlight++;
    this.peak = Math.max(this.peak, this.inFlight);
    return { epoch: this.limiter.epoch };
  }

  /** The request was answered 2xx: the budget had room. */
  admitted(): void {
    this.streak = 0;
    this.quietSuccesses++;
    const probing = this.limiter.limit + 1 >= this.refusedLevel;
    if (!probing || this.quietSuccesses >= PROBE_AFTER_ROUNDS * this.limiter.limit) this.limiter.onSuccess();
    this.leave();
  }

  /** The request ended otherwise than in a 2xx or a 429 (a refusal says nothing of the budget). */
  ended(): void {
    this.leave();
  }

  /**
   * The request was answered 429. Returns true when its chunk may go again (then after the hold set
   * here), false when it was refused `attempts` times already (it is reported not sent).
   */
  refused(ticket: Ticket, error: CdfApiError, attempts: number): boolean {
    this.throttled++;
    const fresh = ticket.epoch === this.limiter.epoch;
    if (fresh) {
      this.streak++;
      this.refusedLevel = this.inFlight;
    }
    this.quietSuccesses = 0;
    // The others still in progress (this one is answered) are what the budget admitted.
    this.limiter.onThrottled(ticket.epoch, this.inFlight - 1);
    const holdMs = throttleHoldMs(error.retryAfterMs, this.streak, this.policy);
    if (holdMs > 0) this.pausedUntil = Math.max(this.pausedUntil, this.policy.now() + holdMs);
    this.leave();
    return attempts < this.policy.maxAttempts && (error.retryAfterMs ?? 0) <= this.policy.maxDelayMs;
  }

  private leave(): void {
    this.inFlight--;
    const waiters = this.waiters;
    this.waiters = [];
    waiters.forEach((wake) => wake());
  }
}

/**
 * How long every start holds back after a 429: the `Retry-After` (plus up to 10 % so a crowd told the
 * same does not return at one instant); else nothing for the first overload in a row (the lowered
 * limit already waits for a slot), then full-jitter backoff growing with the overloads in a row.
 */
export function throttleHoldMs(retryAfterMs: number | undefined, streak: number, policy: GatePolicy): number {
  if (retryAfterMs !== undefined) return retryAfterMs + Math.floor(policy.random() * retryAfterMs * 0.1);
  if (streak <= 1) return 0;
  return backoffDelayMs(Math.min(streak - 2, 20), policy);
}

export const isThrottled = (err: unknown): err is CdfApiError => err instanceof CdfApiError && err.status === 429;
