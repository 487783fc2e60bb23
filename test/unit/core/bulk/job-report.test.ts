import assert from 'node:assert/strict';
import fc from 'fast-check';
import { buildReport } from '../../../../src/cdf/client/update/update-report';
import type { ItemOutcome } from '../../../../src/cdf/model';
import { formatRunReport } from '../../../../src/core/bulk';
import { fileRecord } from './fixtures';
import { CLASSIC_FILE } from '../../../../src/core/records';

const stats = { requestsSent: 2, throttled: 1, peakConcurrency: 2, finalConcurrency: 2, durationMs: 120 };
const update = { metadata: { add: { rev: 'B' } } };

function report(cancelled = false) {
  const outcomes: ItemOutcome[] = [
    { index: 0, item: { id: 1, update }, sends: 1, outcome: 'applied', record: fileRecord({ id: 1, name: 'P-1.pdf' }) },
    {
      index: 1,
      item: { id: 2, update },
      sends: 1,
      outcome: 'failed',
      failure: { reason: 'invalid', message: 'Label NOPE does not exist', status: 400 },
    },
    { index: 2, item: { id: 3, update }, sends: 2, outcome: 'unknown', why: 'no answer after 3 tries (503)' },
    { index: 3, item: { id: 4, update }, sends: 0, outcome: 'notSent' },
  ];
  return buildReport(outcomes, [], cancelled, stats);
}

/** Per plan item (a report item's index), its record's key and name. */
const items = [
  { key: '1', name: 'P-1.pdf' },
  { key: '2', name: 'P-2 | pump.pdf' },
  { key: '3', name: 'P-3.pdf' },
  { key: '4', name: 'P-4.pdf' },
];

describe('run report', () => {
  it('lists every file with its name, id, outcome and reason, those not applied first', () => {
    const text = formatRunReport(CLASSIC_FILE, 'Bulk edit', report(true), items);
    const rows = text
      .split('\n')
      .filter((l) => l.startsWith('| ') && !l.startsWith('| File') && !l.startsWith('| ---'));
    assert.deepEqual(rows, [
      '| P-2 \\| pump.pdf | 2 | failed | invalid: Label NOPE does not exist |',
      '| P-3.pdf | 3 | unknown | no answer after 3 tries (503) |',
      '| P-4.pdf | 4 | not sent | cancelled before it was sent |',
      '| P-1.pdf | 1 | applied |  |',
    ]);
    assert.match(text, /^# Bulk edit\n\n1 applied, 1 failed, 1 unknown .* of 4 files in 2 requests \(cancelled\)/);
  });

  it('says a file not sent without a cancel was throttled out, and a row it knows no name of as such', () => {
    const text = formatRunReport(CLASSIC_FILE, 'Bulk edit', report(false), [
      items[0],
      items[1],
      items[2],
      { key: '4' },
    ]);
    assert.match(text, /\| \(name unknown\) \| 4 \| not sent \| throttled \(429\) on every try \|/);
    assert.match(text, /\| P-1\.pdf \| 1 \| applied \|/);
  });

  it('keeps every file on one table row of four cells, whatever its name or message holds', () => {
    const odd = formatRunReport(CLASSIC_FILE, 'Bulk edit', report(true), [
      items[0],
      { key: '2', name: 'a\u2028b\rc\r\nd\\|e' },
    ]);
    assert.ok(odd.includes('| a b c d\\\\\\|e | 2 | failed |'), odd);
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.string({ unit: 'binary' }), (name, message) => {
        const outcomes: ItemOutcome[] = [
          { index: 0, item: { id: 7, update }, sends: 1, outcome: 'failed', failure: { reason: 'other', message } },
        ];
        const text = formatRunReport(CLASSIC_FILE, 'Bulk edit', buildReport(outcomes, [], false, stats), [
          { key: '7', name },
        ]);
        const rows = text.split('\n').filter((l) => / \| 7 \| failed \| /.test(l));
        assert.equal(rows.length, 1, text);
        assert.ok(!/[\r\u2028\u2029]/.test(rows[0]!), 'no line break inside the row');
        // Unescaped pipes: the 5 borders of 4 cells, none from the name or the message.
        assert.equal(rows[0]!.replace(/\\\\/g, '').replace(/\\\|/g, '').split('|').length - 1, 5, rows[0]);
      }),
      { numRuns: 300 },
    );
  });
});
