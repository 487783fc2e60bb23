/**
 * Attack (CSV round trip through a spreadsheet): the import tells "clear" (unquoted null) from the
 * text "null" (quoted) by the quotes alone. A spreadsheet that opens the export and saves it again
 * (Excel, LibreOffice, Google Sheets "Download as CSV") writes the cells back quoting only what needs
 * it, so the text `null` comes back unquoted: re-importing the untouched export then REMOVES every
 * metadata value that was the text "null" and clears every field that held it. The export's own
 * CSV-injection prefix was designed to survive exactly this re-save (see import-csv.ts); the text
 * "null" needs the same care.
 * Expected: export → spreadsheet re-save → import plans no change.
 */
import assert from 'node:assert/strict';
import type { FileRecord } from '../../../src/cdf/model';
import { parseCsv } from '../../../src/core/bulk/csv/csv';
import { recordsToCsv } from '../../../src/core/bulk/csv/export';
import { parseChangesCsv, planImportRow } from '../../../src/core/bulk/csv/import-csv';
import { CLASSIC_FILE_BULK } from '../../../src/core/classic-file';

/** What a spreadsheet writes when it saves the sheet as CSV: cell text, quoted only when it must be. */
function resave(csv: string): string {
  const cell = (t: string) => (/[",\r\n]/.test(t) ? `"${t.replace(/"/g, '""')}"` : t);
  return parseCsv(csv)
    .rows.map((r) => r.cells.map((c) => cell(c.text)).join(',') + '\r\n')
    .join('');
}

describe('attack: export → spreadsheet save → import', () => {
  const record = {
    id: 42,
    name: 'valve.pdf',
    externalId: 'null',
    source: 'null',
    uploaded: false,
    createdTime: 1,
    lastUpdatedTime: 1,
    metadata: { status: 'null', formula: '=1+1', neg: '-1', quoteText: "'abc" },
  } as FileRecord;

  it('keeps the text "null" (metadata values, externalId, source) as it was', () => {
    const imported = parseChangesCsv(CLASSIC_FILE_BULK, resave(recordsToCsv(CLASSIC_FILE_BULK, [record])));
    assert.deepEqual(imported.problems, []);
    const plans = imported.rows.map((row) => planImportRow(CLASSIC_FILE_BULK, record, row));
    assert.deepEqual(
      plans.map((p) => (p.outcome === 'change' ? p.update : p.outcome)),
      ['unchanged'],
    );
  });
});
