/** OutcomeTally counts as items are settled (and settled again) what walking every item would count. */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { OutcomeTally } from '../../../src/app/node-update-report';

const OUTCOMES = ['applied', 'failed', 'unknown', 'notSent'] as const;

describe('app: OutcomeTally', () => {
  it('equals counting the latest outcome of every item, whatever the order of settling', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat({ max: 30 }), fc.constantFrom(...OUTCOMES)), { maxLength: 200 }),
        (settles) => {
          const tally = new OutcomeTally();
          const latest = new Map<number, (typeof OUTCOMES)[number]>();
          for (const [index, outcome] of settles) {
            tally.settled(latest.get(index), outcome);
            latest.set(index, outcome);
          }
          for (const o of OUTCOMES)
            assert.equal(tally.counts[o], [...latest.values()].filter((l) => l === o).length, o);
          assert.equal(tally.done, latest.size);
        },
      ),
    );
  });
});
