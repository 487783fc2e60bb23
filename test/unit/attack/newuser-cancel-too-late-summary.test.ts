// New-user walk (test-artifacts/newuser/nu2-10-bulk-cancelled.png): a bulk edit of the whole demo
// project (4769 files, 5 requests), Cancel clicked in the progress notification. Every request had
// already gone: the result reads "Bulk edit: 4769 applied of 4769 in 5 requests (cancelled)". A user
// reads "(cancelled)" as "stopped part-way" and cannot tell that nothing was held back; the summary
// should only say cancelled when something was not sent (or say the cancel came too late).
import assert from 'node:assert/strict';
import { summarizeRun } from '../../../src/core/bulk';
import { CLASSIC_FILE } from '../../../src/core/records';

describe('attack (new user): a cancel that came after every request was sent', () => {
  it('does not summarise a fully applied run as "(cancelled)"', () => {
    const applied = Array.from({ length: 3 }, (_, i) => ({ outcome: 'applied', id: i + 1 }));
    const report = {
      total: 3,
      items: applied,
      applied,
      failed: [],
      unknown: [],
      notSent: [],
      cancelled: true,
      attempts: [],
      stats: { requestsSent: 1, throttled: 0, peakConcurrency: 1, finalConcurrency: 1, durationMs: 5 },
    } as never;
    const line = summarizeRun(CLASSIC_FILE, report);
    assert.doesNotMatch(line, /^3 applied of 3 files in 1 request \(cancelled\)$/, line);
  });

  it('still says "(cancelled)" when the cancel left files unsent', () => {
    const applied = [{ outcome: 'applied', id: 1 }];
    const notSent = [{ outcome: 'notSent', id: 2 }];
    const report = {
      total: 2,
      items: [...applied, ...notSent],
      applied,
      failed: [],
      unknown: [],
      notSent,
      cancelled: true,
      attempts: [],
      stats: { requestsSent: 1, throttled: 0, peakConcurrency: 1, finalConcurrency: 1, durationMs: 5 },
    } as never;
    assert.match(summarizeRun(CLASSIC_FILE, report), /1 not sent of 2 files in 1 request \(cancelled\)$/);
  });
});
