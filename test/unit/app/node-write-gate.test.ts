import assert from 'node:assert/strict';
import fc from 'fast-check';
import { CdfApiError } from '../../../src/cdf/client';
import { NodeWriteGate, throttleHoldMs, type GatePolicy } from '../../../src/app/node-write-gate';

const policy = (random = 0.5): GatePolicy => ({
  baseDelayMs: 100,
  maxDelayMs: 5000,
  maxAttempts: 3,
  random: () => random,
  now: () => 0,
});

describe('app: the node write gate', () => {
  it('holds back per Retry-After plus at most 10 %, else not on the first overload, then with backoff', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 60_000 }), fc.double({ min: 0, max: 0.999, noNaN: true }), (ms, r) => {
        const hold = throttleHoldMs(ms, 3, policy(r));
        assert.ok(hold >= ms && hold <= ms * 1.1, `${hold} for ${ms}`);
      }),
    );
    assert.equal(throttleHoldMs(undefined, 1, policy()), 0);
    // full jitter: random x min(max, base x 2^(retry+1)); the second overload is retry 0
    assert.equal(throttleHoldMs(undefined, 2, policy()), 100);
    assert.equal(throttleHoldMs(undefined, 4, policy()), 400);
    assert.equal(throttleHoldMs(undefined, 40, policy()), 2500, 'capped at maxDelayMs');
  });

  it('drops to what was admitted on a 429, counts a crowd as one overload, and gives up after maxAttempts', async () => {
    const gate = new NodeWriteGate(6, policy());
    const tickets = await Promise.all(Array.from({ length: 6 }, () => gate.enter()));
    const refusal = new CdfApiError({ status: 429, message: 'Too many', request: { method: 'POST', path: '/x' } });
    assert.equal(gate.refused(tickets[0]!, refusal, 1), true);
    assert.equal(gate.limiter.limit, 5, 'five still in progress');
    assert.equal(gate.refused(tickets[1]!, refusal, 1), true);
    assert.equal(gate.limiter.limit, 4, 'the crowd walks down to what is still in progress');
    assert.equal(gate.refused(tickets[2]!, refusal, 3), false, 'the third 429 of a chunk is the last');
    assert.equal(gate.throttled, 3);
    assert.equal(gate.peak, 6);
  });
});
