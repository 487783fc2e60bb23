import assert from 'node:assert/strict';
import fc from 'fast-check';
import { AdaptiveConcurrency, DEFAULT_CONCURRENCY } from '../../../../src/cdf/client/adaptive-concurrency';

describe('adaptive concurrency', () => {
  it('until the first throttle, grows by one per success (doubling each round)', () => {
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

  it('starts at the per-identity concurrency CDF documents, not at a few', () => {
    assert.equal(new AdaptiveConcurrency().limit, DEFAULT_CONCURRENCY.initial);
    assert.equal(DEFAULT_CONCURRENCY.initial, 23);
  });

  it('after a throttle, grows by one per `limit` successes, credited on every answer', () => {
    const c = new AdaptiveConcurrency({ initial: 8, max: 16 });
    c.onThrottled(c.epoch, 4); // 4 still on the wire: 4, slow start over
    assert.equal(c.limit, 4);
    for (let i = 0; i < 3; i++) c.onSuccess();
    assert.equal(c.limit, 4);
    c.onSuccess();
    assert.equal(c.limit, 5);
    for (let i = 0; i < 4; i++) c.onSuccess();
    assert.equal(c.limit, 5);
    c.onSuccess();
    assert.equal(c.limit, 6);
  });

  it('drops to the requests still on the wire: a burst of 429s walks it down to what was admitted', () => {
    // 23 sent at once to a budget of 6: 17 refusals come back while 22, 21, ... 6 are still out.
    const c = new AdaptiveConcurrency({ initial: 23, max: 23 });
    const sentAt = c.epoch;
    for (let onWire = 22; onWire >= 6; onWire--) c.onThrottled(sentAt, onWire);
    assert.equal(c.limit, 6, 'what the server admitted, not half of it or less');
  });

  it('a probe past the budget costs one step, not a halving', () => {
    const c = new AdaptiveConcurrency({ initial: 6, max: 23 });
    c.onThrottled(c.epoch, 6);
    assert.equal(c.limit, 5);
    for (let i = 0; i < 5; i++) c.onSuccess();
    assert.equal(c.limit, 6);
    c.onThrottled(c.epoch, 6); // a 7th start refused while 6 were out
    assert.equal(c.limit, 5);
    // A 429 from before the last cut with more still on the wire does not cut again.
    const old = c.epoch - 1;
    c.onThrottled(old, 9);
    assert.equal(c.limit, 5);
  });

  it('never below the minimum', () => {
    const c = new AdaptiveConcurrency({ initial: 16, min: 2, max: 16 });
    for (let i = 0; i < 5; i++) c.onThrottled(c.epoch, 0);
    assert.equal(c.limit, 2);
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
            else c.onThrottled(e === '429' ? c.epoch : oldEpoch, events.length % 30);
            if (c.limit < min || c.limit > max) return false;
          }
          return true;
        },
      ),
    );
  });

  it('a refusal for the rate keeps the limit (the pacer handles the rate) and counts its crowd as one overload', () => {
    const c = new AdaptiveConcurrency({ initial: 23, max: 23 });
    const epoch = c.epoch;
    c.onRateLimited(epoch);
    assert.equal(c.limit, 23);
    assert.equal(c.epoch, epoch + 1, 'a new overload epoch');
    c.onRateLimited(epoch);
    assert.equal(c.epoch, epoch + 1, 'the rest of the crowd (sent in the old epoch) opens none');
  });
});
