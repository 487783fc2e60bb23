import assert from 'node:assert/strict';
import fc from 'fast-check';
import { readableTimestamp } from '../../../src/core/format-time';

/** An instant as ISO text with the given offset in minutes, as CDF accepts it (`±HH:MM`). */
function withOffset(ms: number, offsetMinutes: number): string {
  const local = new Date(ms + offsetMinutes * 60_000).toISOString().slice(0, 23);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

const instant = fc.integer({ min: Date.UTC(1971, 0, 1), max: Date.UTC(2999, 11, 31) });
const offset = fc.integer({ min: -14 * 60, max: 14 * 60 });

describe('readableTimestamp (hints for ISO timestamps in node documents)', () => {
  it('reads the API’s own spelling as a UTC day, date and time', () => {
    assert.equal(readableTimestamp('2021-01-20T17:25:58.815+00:00'), 'Wed, 20 Jan 2021 17:25:58 UTC');
    assert.equal(readableTimestamp('2024-05-01T14:00:00+02:00'), 'Wed, 01 May 2024 12:00:00 UTC');
  });

  it('names the same instant alike whatever offset it is written with', () => {
    fc.assert(
      fc.property(instant, offset, (ms, minutes) => {
        const hint = readableTimestamp(withOffset(ms, minutes));
        assert.equal(hint, new Date(Math.floor(ms / 1000) * 1000).toUTCString().replace('GMT', 'UTC'));
      }),
    );
  });

  it('gives no hint for text that is no timestamp (validation marks it instead)', () => {
    for (const text of ['', 'yesterday', '2024-05-01', '2024-13-01T00:00:00Z', '1611163557456', '2024-02-30T00:00:00Z'])
      assert.equal(readableTimestamp(text), undefined, text);
  });
});
