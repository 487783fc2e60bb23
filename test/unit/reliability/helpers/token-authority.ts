/**
 * Plays both the identity provider and CDF's token check, so a test can make the token in use stop
 * working part-way through a job ("token expiry mid-job"): the emulator accepts the current token
 * for a number of requests, then answers 401 until the client fetches a new one, which works or
 * not as the scenario says.
 */
import { randomBytes } from 'node:crypto';
import { AuthError } from '../../../../src/cdf/auth/token-provider';
import { CachingTokenProvider } from '../../../../src/cdf/auth/token-cache';
import type { TokenExpiry } from './fault-scenario';

export class TokenAuthority {
  /** Every token handed out, so the security checks can look for each one. */
  readonly issued: string[] = [];
  private valid: string | undefined;
  private acceptedWithCurrent = 0;
  private expired = false;

  constructor(
    private readonly expiry: TokenExpiry | undefined,
    /** `unavailable`: after expiry the identity provider fails instead of issuing a rejected token. */
    private readonly afterExpiry: 'rejected' | 'unavailable' = 'rejected',
  ) {}

  /** What the identity provider does when the client asks for a token. */
  fetchToken = (): Promise<{ accessToken: string; expiresAt: number }> => {
    if (this.expired && !this.expiry?.refreshWorks && this.afterExpiry === 'unavailable') {
      return Promise.reject(new AuthError('The identity provider is unavailable (test).'));
    }
    // Long and random, like a real token, so finding it in a log means it leaked.
    const token = `rel-${this.issued.length + 1}-${randomBytes(24).toString('base64url')}`;
    this.issued.push(token);
    if (!this.expired || this.expiry?.refreshWorks) {
      this.valid = token;
      this.acceptedWithCurrent = 0;
    }
    return Promise.resolve({ accessToken: token, expiresAt: Date.now() + 3_600_000 });
  };

  /** The emulator's `verifyToken`. */
  verify = (token: string): boolean => {
    if (token !== this.valid) return false;
    if (this.expiry && !this.expired && this.acceptedWithCurrent >= this.expiry.afterRequests) {
      this.expired = true;
      this.valid = undefined;
      return false;
    }
    this.acceptedWithCurrent++;
    return true;
  };

  get hasExpired(): boolean {
    return this.expired;
  }

  /** The client's token provider, caching like the real ones (one refresh for a crowd of 401s). */
  provider(): CachingTokenProvider {
    return new CachingTokenProvider(this.fetchToken);
  }
}
