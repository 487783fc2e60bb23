/**
 * Attack: CSV injection through a spreadsheet that splits on its locale's list separator.
 * Excel opens a .csv with the system list separator, which is ";" in Norway, Germany, France...
 * (decimal comma locales); LibreOffice's import dialog offers ";" and Tab. A value such as
 * `note;=HYPERLINK(...)` is written unquoted today (only `"`, `,`, CR and LF force quotes), so in such
 * a spreadsheet the text after ";" becomes a cell of its own that starts with "=": a formula.
 * Expected: no piece of an exported line, split on ";" or Tab, begins with a formula character
 * (e.g. write `sep=,` first for Excel, and neutralise/quote values holding ";" or Tab), while the
 * import still round-trips the exact value.
 */
import assert from 'node:assert/strict';
import { recordsToCsv } from '../../../src/core/bulk/csv/export';
import { parseChangesCsv, planImportRow } from '../../../src/core/bulk/csv/import-csv';
import { CLASSIC_FILE_BULK } from '../../../src/core/classic-file';

const FORMULA = /^[=+\-@]/;

describe('attack: CSV cells that become formulas under a ";" or Tab list separator', () => {
  const values = ["note;=cmd|' /C calc'!A0", 'note;=HYPERLINK("http://x")', 'a\t=1+1', 'x;+1', 'x;@SUM(1)', 'x;-2+3'];
  const records = values.map((v, i) => ({
    id: 100 + i,
    name: `f${i}.pdf`,
    externalId: `e${i}`,
    source: v,
    metadata: { zz: v },
    uploaded: false,
    createdTime: 1,
    lastUpdatedTime: 1,
  }));
  const csv = recordsToCsv(CLASSIC_FILE_BULK, records);

  for (const sep of [';', '\t']) {
    it(`no piece of a line split on ${JSON.stringify(sep)} starts like a formula`, () => {
      const bad: string[] = [];
      for (const line of csv.split('\r\n'))
        for (const piece of line.split(sep).slice(1)) if (FORMULA.test(piece)) bad.push(piece);
      assert.deepEqual(bad, []);
    });
  }

  it('and the values still round-trip exactly', () => {
    const imported = parseChangesCsv(CLASSIC_FILE_BULK, csv);
    assert.deepEqual(imported.problems, []);
    for (const row of imported.rows) {
      const record = records.find((r) => CLASSIC_FILE_BULK.refMatches(r, row.target))!;
      assert.equal(planImportRow(CLASSIC_FILE_BULK, record, row).outcome, 'unchanged');
    }
  });
});
