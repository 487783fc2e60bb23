/**
 * Attack: values and keys that the editor and the API accept but that do not survive
 * export → (file bytes, UTF-8) → import unchanged. An import of an untouched export must plan nothing.
 */
import assert from 'node:assert/strict';
import type { FileRecord } from '../../../src/cdf/model';
import { recordsToCsv } from '../../../src/core/bulk/export';
import { parseChangesCsv, planImportRow } from '../../../src/core/bulk/import-csv';
import { planSave } from '../../../src/core/diff';

const base = {
  id: 7,
  name: 'r.pdf',
  externalId: 'e',
  uploaded: false,
  createdTime: 1,
  lastUpdatedTime: 1,
  metadata: { a: '1' },
} as FileRecord;

/** What an export written to disk (UTF-8, as export-import.ts does) reads back as. */
const throughFile = (csv: string): string => Buffer.from(csv, 'utf8').toString('utf8');

function roundTrip(record: FileRecord) {
  const imported = parseChangesCsv(throughFile(recordsToCsv([record])));
  return {
    problems: imported.problems.map((p) => p.message),
    plans: imported.rows.map((row) => planImportRow(record, row)),
  };
}

describe('attack: CSV export → import of keys and values the editor accepts', () => {
  it('an empty metadata key: the editor saves it, so the export of that file must import again', () => {
    const edit = planSave(base, JSON.stringify({ ...base, metadata: { a: '1', '': 'x' } }));
    assert.equal(edit.ok, true, 'the editor accepts an empty key (and sends it)');
    const { problems, plans } = roundTrip({ ...base, metadata: { a: '1', '': 'x' } });
    // Today: the heading "metadata." is refused ("A metadata key cannot be empty") and the whole CSV
    // (every other file in it) cannot be imported. Either the editor refuses the key like the bulk
    // rules do, or the import accepts it: one rule everywhere.
    assert.deepEqual(problems, []);
    assert.deepEqual(
      plans.map((p) => p.outcome),
      ['unchanged'],
    );
  });

  it('a lone UTF-16 surrogate in a value is not silently replaced by U+FFFD on import', () => {
    const record = { ...base, source: 'q\udc00', metadata: { a: 'x\ud800y' } } as FileRecord;
    const edit = planSave(base, JSON.stringify(record));
    assert.equal(edit.ok, true, 'the editor accepts "\\ud800" in a value');
    const { problems, plans } = roundTrip(record);
    // Today the import plans source := "q\uFFFD" and metadata.a := "x\uFFFDy": re-importing an
    // untouched export overwrites the data. Expected: no change planned (or the export refuses/flags
    // such a value instead of writing bytes that cannot come back).
    const updates = plans.filter((p) => p.outcome === 'change').map((p) => p.update);
    assert.ok(problems.length > 0 || updates.length === 0, `planned ${JSON.stringify(updates)}`);
  });
});
