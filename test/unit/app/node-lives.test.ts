/**
 * Which node incarnation the CogniteFile records port last saw (src/app/node-lives.ts), and which
 * items a save must refuse because their node was deleted and made again since it was decided on.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { madeAgainSince, NodeLives } from '../../../src/app/node-lives';

const node = (externalId: string, createdTime: number) => ({ space: 's', externalId, createdTime });

describe('app: node lives', () => {
  it('keeps the createdTime last seen of each node, at most max nodes, the oldest dropped first', () => {
    const lives = new NodeLives(2);
    lives.see([node('a', 1), node('b', 2)]);
    lives.see([node('a', 3), node('c', 4)]);
    assert.deepEqual(
      [...lives.of([node('a', 0), node('b', 0), node('c', 0)]).entries()],
      [
        ['s:a', 3],
        ['s:c', 4],
      ],
    );
  });

  it('an item is refused exactly when its node is another life than decided on, or below its version', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 1, max: 3 }),
        fc.boolean(),
        (sentVersion, readVersion, decidedLife, readLife, known) => {
          const item = { space: 's', externalId: 'x', existingVersion: sentVersion };
          const decidedOn = new Map(known ? [['s:x', decidedLife]] : []);
          const refused = madeAgainSince(
            [{ item, before: { createdTime: readLife, version: readVersion } }],
            decidedOn,
          );
          const otherLife = known && decidedLife !== readLife;
          assert.equal(refused.length === 1, otherLife || readVersion < sentVersion);
        },
      ),
    );
  });
});
