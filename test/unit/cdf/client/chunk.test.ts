import assert from 'node:assert/strict';
import fc from 'fast-check';
import { chunk, mapWithConcurrency } from '../../../../src/cdf/client/chunk';

describe('chunk', () => {
  it('keeps every item once, in order, in slices of at most the size', () => {
    fc.assert(
      fc.property(fc.array(fc.integer(), { maxLength: 3000 }), fc.integer({ min: 1, max: 1200 }), (items, size) => {
        const chunks = chunk(items, size);
        assert.deepEqual(chunks.flat(), items);
        assert.ok(chunks.every((c) => c.length >= 1 && c.length <= size));
        assert.equal(chunks.length, Math.ceil(items.length / size));
      }),
    );
  });

  it('refuses a size that is not a positive integer', () => {
    assert.throws(() => chunk([1], 0), RangeError);
    assert.throws(() => chunk([1], 1.5), RangeError);
  });
});

describe('mapWithConcurrency', () => {
  it('returns results in input order and never runs more than the limit at once', async () => {
    let running = 0;
    let peak = 0;
    const out = await mapWithConcurrency([5, 1, 4, 2, 3, 0, 6], 3, async (n) => {
      running++;
      peak = Math.max(peak, running);
      await new Promise((r) => setTimeout(r, n));
      running--;
      return n * 10;
    });
    assert.deepEqual(out, [50, 10, 40, 20, 30, 0, 60]);
    assert.equal(peak, 3);
  });

  it('stops starting tasks after a failure and rethrows it once the running ones end', async () => {
    const started: number[] = [];
    let running = 0;
    await assert.rejects(
      mapWithConcurrency([0, 1, 2, 3, 4, 5], 2, async (n) => {
        started.push(n);
        running++;
        await new Promise((r) => setTimeout(r, 5));
        running--;
        if (n === 1) throw new Error('boom');
        return n;
      }),
      /boom/,
    );
    assert.equal(running, 0);
    assert.ok(started.length < 6, `started ${started.join(',')}`);
  });
});
