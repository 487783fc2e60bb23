import type { ThrottleOptions } from '../options';

interface Budget {
  tokens: number;
  refilledAt: number;
  inFlight: number;
}

/** Why a request was refused, in words like CDF's 429 messages. */
export type Refusal = { reason: 'rate' | 'concurrency'; message: string };

/**
 * Per-token budgets like CDF's request throttling: a token bucket for the request rate and a cap
 * on requests in progress. Uses the wall clock (performance.now), not the emulator's `now`, since
 * rates are about real time even when tests freeze record timestamps.
 */
export class Throttle {
  private readonly budgets = new Map<string, Budget>();

  constructor(
    private options: ThrottleOptions | undefined,
    private readonly clock: () => number = () => performance.now(),
  ) {}

  set(options: ThrottleOptions | undefined): void {
    this.options = options;
    this.budgets.clear();
  }

  /** Admits a request (returning its release function) or refuses it. */
  admit(token: string): { release: () => void } | Refusal {
    const options = this.options;
    if (!options || (options.requestsPerSecond === undefined && options.concurrency === undefined)) {
      return { release: () => undefined };
    }
    const now = this.clock();
    let budget = this.budgets.get(token);
    const burst = options.burst ?? Math.max(1, options.requestsPerSecond ?? 1);
    if (!budget) {
      budget = { tokens: burst, refilledAt: now, inFlight: 0 };
      this.budgets.set(token, budget);
    }
    if (options.concurrency !== undefined && budget.inFlight >= options.concurrency) {
      return {
        reason: 'concurrency',
        message: `Identity exceeded maximum number='${options.concurrency}' of concurrent requests. Please try again later.`,
      };
    }
    if (options.requestsPerSecond !== undefined) {
      budget.tokens = Math.min(burst, budget.tokens + ((now - budget.refilledAt) / 1000) * options.requestsPerSecond);
      budget.refilledAt = now;
      if (budget.tokens < 1) {
        return {
          reason: 'rate',
          message: `Identity exceeded maximum request rate='${options.requestsPerSecond}' requests per second. Please try again later.`,
        };
      }
      budget.tokens -= 1;
    }
    budget.inFlight++;
    let released = false;
    const b = budget;
    return {
      release: () => {
        if (released) return;
        released = true;
        b.inFlight--;
      },
    };
  }
}
