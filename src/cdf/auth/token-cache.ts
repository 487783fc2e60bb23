/**
 * Caching with an "auth lock": a token is reused until shortly before it expires, and at most one
 * refresh runs at a time, shared by every caller that needs a token meanwhile, so a burst of
 * requests (or of 401s) causes one call to the identity provider, not a storm of them.
 */
import { abortReason } from '../client';
import type { TokenProvider } from './token-provider';

export interface IssuedToken {
  readonly accessToken: string;
  /** Epoch ms when it stops working; undefined when the issuer did not say (treated as 1 hour). */
  readonly expiresAt: number | undefined;
}

export interface TokenCacheOptions {
  /** Refresh this long before expiry (default 5 minutes, but never more than half the lifetime). */
  readonly refreshMarginMs?: number;
  readonly now?: () => number;
}

const DEFAULT_MARGIN_MS = 5 * 60_000;
const ASSUMED_LIFETIME_MS = 60 * 60_000;
const USABLE_SLACK_MS = 30_000;
const BACKGROUND_RETRY_MS = 10_000;

export class CachingTokenProvider implements TokenProvider {
  private cached: { token: string; refreshAt: number; usableUntil: number } | undefined;
  private inFlight: Promise<string> | undefined;
  /** Bumped by `invalidate`, so a refresh that started before it does not revive a rejected token. */
  private generation = 0;
  private quietUntil = 0;
  private readonly now: () => number;
  private readonly marginMs: number;

  /** `fetchToken` gets no caller's signal: a refresh is shared, so one caller giving up must not cancel it for the rest. */
  constructor(
    private readonly fetchToken: () => Promise<IssuedToken>,
    options: TokenCacheOptions = {},
  ) {
    this.now = options.now ?? Date.now;
    this.marginMs = options.refreshMarginMs ?? DEFAULT_MARGIN_MS;
  }

  getToken(signal?: AbortSignal): Promise<string> {
    if (signal?.aborted) return Promise.reject(abortReason(signal));
    const now = this.now();
    if (this.cached && now < this.cached.refreshAt) return Promise.resolve(this.cached.token);
    if (this.cached && now < this.cached.usableUntil) {
      // Refresh ahead of expiry in the background; meanwhile the current token still works.
      if (!this.inFlight && now >= this.quietUntil) this.refreshSoon();
      return Promise.resolve(this.cached.token);
    }
    this.inFlight ??= this.refresh();
    return signal ? raceWithSignal(this.inFlight, signal) : this.inFlight;
  }

  invalidate(rejectedToken?: string): void {
    if (rejectedToken !== undefined && this.cached?.token !== rejectedToken) return;
    this.cached = undefined;
    this.generation++;
  }

  private refreshSoon(): void {
    this.inFlight = this.refresh();
    // Nobody awaits a background refresh. On failure, keep using the current token and try again
    // a little later rather than on every request; it fails for real once the token runs out.
    this.inFlight.catch(() => {
      this.quietUntil = this.now() + BACKGROUND_RETRY_MS;
    });
  }

  private async refresh(): Promise<string> {
    const generation = this.generation;
    try {
      const issued = await this.fetchToken();
      const issuedAt = this.now();
      const lifetime = issued.expiresAt !== undefined ? issued.expiresAt - issuedAt : ASSUMED_LIFETIME_MS;
      const margin = Math.min(this.marginMs, lifetime / 2);
      if (generation === this.generation) {
        this.cached = {
          token: issued.accessToken,
          refreshAt: issuedAt + lifetime - margin,
          // Stop handing out a token this close to its end: it could expire on the way to CDF.
          usableUntil: issuedAt + lifetime - Math.min(USABLE_SLACK_MS, margin),
        };
      }
      return issued.accessToken;
    } finally {
      this.inFlight = undefined;
    }
  }
}

/** Waits for `promise`, but rejects as soon as `signal` aborts (the promise itself runs on). */
export function raceWithSignal<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(abortReason(signal));
    if (signal.aborted) {
      onAbort();
      return;
    }
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}
