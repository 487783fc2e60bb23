import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  backoffDelayMs,
  decideRetry,
  isRetryableResponse,
  parseRetryAfterMs,
  retryPolicy,
} from '../../../../src/cdf/client/retry-policy';

describe('retry policy', () => {
  describe('full-jitter backoff', () => {
    it('stays in [0, min(cap, base * 2^(retry+1))) for any draw', () => {
      fc.assert(
        fc.property(
          fc.integer({ min: 0, max: 40 }),
          fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
          (retry, r) => {
            const policy = { baseDelayMs: 250, maxDelayMs: 20_000, random: () => r };
            const delay = backoffDelayMs(retry, policy);
            const ceiling = Math.min(20_000, 250 * 2 ** (retry + 1));
            return delay >= 0 && delay < ceiling && Number.isInteger(delay);
          },
        ),
      );
    });

    it('doubles the ceiling per retry until the cap', () => {
      const top = { baseDelayMs: 100, maxDelayMs: 1000, random: () => 0.999999 };
      assert.deepEqual(
        [0, 1, 2, 3, 4].map((r) => backoffDelayMs(r, top)),
        [199, 399, 799, 999, 999],
      );
      assert.equal(backoffDelayMs(3, { ...top, random: () => 0 }), 0);
    });
  });

  describe('Retry-After', () => {
    it('reads delta-seconds', () => {
      assert.equal(parseRetryAfterMs('3', 0), 3000);
      assert.equal(parseRetryAfterMs(' 0 ', 0), 0);
      assert.equal(parseRetryAfterMs('1.5', 0), 1500);
    });

    it('reads an HTTP date relative to now, never negative', () => {
      const now = Date.parse('Tue, 25 Nov 2025 12:00:00 GMT');
      assert.equal(parseRetryAfterMs('Tue, 25 Nov 2025 12:00:07 GMT', now), 7000);
      assert.equal(parseRetryAfterMs('Tue, 25 Nov 2025 11:00:00 GMT', now), 0);
    });

    it('ignores absent or unreadable values', () => {
      assert.equal(parseRetryAfterMs(null, 0), undefined);
      assert.equal(parseRetryAfterMs('', 0), undefined);
      assert.equal(parseRetryAfterMs('soon', 0), undefined);
      assert.equal(parseRetryAfterMs('-3', 0), undefined);
    });
  });

  describe('what is retried', () => {
    const cases: [number, boolean, boolean, boolean][] = [
      // status, cdf-is-auto-retryable, idempotent, expected
      [429, false, false, true],
      [429, false, true, true],
      [502, false, true, true],
      [503, false, true, true],
      [504, false, true, true],
      [502, false, false, false],
      [503, false, false, false],
      [500, false, true, false],
      [500, true, false, true],
      [400, false, true, false],
      [409, true, true, true],
      [401, false, true, false],
    ];
    for (const [status, auto, idempotent, expected] of cases) {
      it(`${status}${auto ? ' + auto-retryable header' : ''} on ${idempotent ? 'an idempotent' : 'a non-idempotent'} request: ${expected ? 'retry' : 'no retry'}`, () => {
        assert.equal(isRetryableResponse(status, auto, idempotent), expected);
      });
    }
  });

  describe('decideRetry', () => {
    it('stops after maxAttempts', () => {
      const policy = retryPolicy({ maxAttempts: 3, random: () => 0.5, now: () => 0 });
      assert.equal(decideRetry(policy, 1, 0, undefined).retry, true);
      assert.equal(decideRetry(policy, 2, 0, undefined).retry, true);
      const third = decideRetry(policy, 3, 0, undefined);
      assert.equal(third.retry, false);
    });

    it('stops when the next attempt would start past maxTotalMs', () => {
      let now = 0;
      const policy = retryPolicy({
        maxTotalMs: 10_000,
        baseDelayMs: 1000,
        maxDelayMs: 8000,
        random: () => 0.99,
        now: () => now,
      });
      now = 5000;
      assert.deepEqual(decideRetry(policy, 1, 0, undefined), { retry: true, delayMs: 1980 });
      now = 9000;
      assert.equal(decideRetry(policy, 2, 0, undefined).retry, false);
    });

    it('waits at least Retry-After, with at most 10 % jitter on top', () => {
      const policy = retryPolicy({ random: () => 0.999, now: () => 0 });
      const d = decideRetry(policy, 1, 0, 2000);
      assert.ok(d.retry && d.delayMs >= 2000 && d.delayMs < 2200, JSON.stringify(d));
      const none = decideRetry(retryPolicy({ random: () => 0, now: () => 0 }), 1, 0, 2000);
      assert.deepEqual(none, { retry: true, delayMs: 2000 });
    });

    it('gives up rather than wait longer than maxDelayMs when the server asks for it', () => {
      const policy = retryPolicy({ maxDelayMs: 5000, now: () => 0 });
      const d = decideRetry(policy, 1, 0, 60_000);
      assert.equal(d.retry, false);
      assert.match(!d.retry ? d.reason : '', /60 s/);
    });
  });
});
