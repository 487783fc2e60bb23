/**
 * The kept action's saves while chunks are planned side by side: never two at once (two writes of
 * one store racing could leave the older last), every asker's change is in a save that ended before
 * its promise resolved (saved before sent), and askers waiting together share one save.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { SerialSaves } from '../../../../src/core/bulk/job/serial-saves';

const tick = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

describe('core: SerialSaves', () => {
  it('one save at a time, each asker covered by a save that started after it asked, fewer saves than askers', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ arrive: fc.integer({ min: 0, max: 6 }), last: fc.integer({ min: 0, max: 4 }) }), {
          minLength: 1,
          maxLength: 12,
        }),
        async (askers) => {
          let changes = 0;
          let running = 0;
          let durations = 0;
          const saved: number[] = [];
          const saves = new SerialSaves(async () => {
            const snapshot = changes;
            assert.equal(running++, 0, 'two saves at once');
            await tick(askers[durations++ % askers.length]!.last);
            running--;
            saved.push(snapshot);
          });
          await Promise.all(
            askers.map(async ({ arrive }) => {
              await tick(arrive);
              const mine = ++changes;
              await saves.save();
              assert.ok(Math.max(...saved) >= mine, `change ${mine} resolved before a save held it (${saved.join()})`);
            }),
          );
          assert.ok(saved.length <= askers.length);
        },
      ),
      { numRuns: 40 },
    );
  });
});
