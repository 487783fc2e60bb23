import assert from 'node:assert/strict';
import fc from 'fast-check';
import { AdaptiveConcurrency } from '../../../src/cdf/client/adaptive-concurrency';

describe('adaptive concurrency (AIMD)', () => {
  it('starts small and, until the first throttle, grows by one per success (doubling each round)', () => {
    const c = new AdaptiveConcurrency({ initial: 2, max: 16 });
    assert.equal(c.limit, 2);
    c.onSuccess();
    c.onSuccess();
    assert.equal(c.limit, 4, 'one round of 2 successes doubles 2 to 4');
    for (let i = 0; i < 4; i++) c.onSuccess();
    assert.equal(c.limit, 8);
    for (let i = 0; i < 20; i++) c.onSuccess();
    assert.equal(c.limit, 16, 'never past the maximum');
  });

  it('after a throttle, grows by one after a run of successes as long as the limit', () => {
    const c = new AdaptiveConcurrency({ initial: 8, max: 16 });
    c.onThrottled(c.epoch); // 4, slow start over
    for (let i = 0; i < 3; i++) c.onSuccess();
    assert.equal(c.limit, 4);
    c.onSuccess();
    assert.equal(c.limit, 5);
    for (let i = 0; i < 4; i++) c.onSuccess();
    assert.equal(c.limit, 5);
    c.onSuccess();
    assert.equal(c.limit, 6);
  });

  it('halves on a throttle, never below the minimum', () => {
    const c = new AdaptiveConcurrency({ initial: 16, min: 1, max: 16 });
    c.onThrottled(c.epoch);
    assert.equal(c.limit, 8);
    c.onThrottled(c.epoch);
    c.onThrottled(c.epoch);
    c.onThrottled(c.epoch);
    c.onThrottled(c.epoch);
    assert.equal(c.limit, 1);
  });

  it('halves once for a burst of 429s from requests sent before the cut', () => {
    const c = new AdaptiveConcurrency({ initial: 16 });
    const sentAt = c.epoch;
    for (let i = 0; i < 10; i++) c.onThrottled(sentAt);
    assert.equal(c.limit, 8);
    // A request sent after the cut that is throttled again cuts again.
    c.onThrottled(c.epoch);
    assert.equal(c.limit, 4);
  });

  it('a throttle resets the run of successes', () => {
    const c = new AdaptiveConcurrency({ initial: 8 });
    c.onThrottled(c.epoch); // 4: the slow start is over
    c.onSuccess();
    c.onSuccess();
    c.onSuccess();
    c.onThrottled(c.epoch); // 2
    c.onSuccess();
    assert.equal(c.limit, 2);
    c.onSuccess();
    assert.equal(c.limit, 3);
  });

  it('keeps the limit within [min, max] for any sequence of events', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 4, max: 32 }),
        fc.array(fc.oneof(fc.constant('ok' as const), fc.constant('429' as const), fc.constant('old429' as const)), {
          maxLength: 300,
        }),
        (min, max, events) => {
          const c = new AdaptiveConcurrency({ initial: 3, min, max });
          const oldEpoch = c.epoch;
          for (const e of events) {
            if (e === 'ok') c.onSuccess();
            else c.onThrottled(e === '429' ? c.epoch : oldEpoch);
            if (c.limit < min || c.limit > max) return false;
          }
          return true;
        },
      ),
    );
  });
});
