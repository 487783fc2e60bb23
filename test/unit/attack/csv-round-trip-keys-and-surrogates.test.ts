/**
 * Attack: values and keys that the editor and the API accept but that do not survive
 * export → (file bytes, UTF-8) → import unchanged. An import of an untouched export must plan nothing.
 */
import assert from 'node:assert/strict';
import type { FileRecord } from '../../../src/cdf/model';
import { CsvExportError, recordsToCsv, toJsonLine } from '../../../src/core/bulk/csv/export';
import { parseChangesCsv, planImportRow } from '../../../src/core/bulk/csv/import-csv';
import { planSave } from '../../../src/core/records';
import { CLASSIC_FILE_BULK } from '../../../src/core/classic-file';

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
  const imported = parseChangesCsv(CLASSIC_FILE_BULK, throughFile(recordsToCsv(CLASSIC_FILE_BULK, [record])));
  return {
    problems: imported.problems.map((p) => p.message),
    plans: imported.rows.map((row) => planImportRow(CLASSIC_FILE_BULK, record, row)),
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

  // Chosen behaviour (fixc): the CSV export refuses such a value, naming the file and the field and
  // pointing to JSON Lines, which keeps it (JSON escapes it as "\ud800"). The test used to accept
  // "the import plans nothing" too; it now asserts the refusal and the JSON Lines round trip.
  it('a lone UTF-16 surrogate in a value is not silently replaced by U+FFFD on import', () => {
    const record = { ...base, source: 'q\udc00', metadata: { a: 'x\ud800y' } } as FileRecord;
    const edit = planSave(base, JSON.stringify(record));
    assert.equal(edit.ok, true, 'the editor accepts "\\ud800" in a value');
    assert.throws(
      () => roundTrip(record),
      (e: Error) =>
        e instanceof CsvExportError &&
        /File 7 \("r\.pdf"\): source holds a lone UTF-16 surrogate \(U\+DC00\)/.test(e.message) &&
        /JSON Lines/.test(e.message),
    );
    assert.throws(
      () => recordsToCsv(CLASSIC_FILE_BULK, [{ ...base, metadata: { a: 'x\ud800y' } }]),
      /metadata\.a holds a lone UTF-16 surrogate \(U\+D800\)/,
    );
    assert.throws(
      () => recordsToCsv(CLASSIC_FILE_BULK, [{ ...base, metadata: { ['k\udfff']: 'v' } }]),
      /the metadata key "k\\udfff"/,
    );
    // A well-formed pair (an emoji) is no surrogate of its own and exports as usual.
    assert.equal(roundTrip({ ...base, source: '😀' }).plans[0]?.outcome, 'unchanged');
    // JSON Lines keeps the value exactly, through the same UTF-8 bytes.
    const line = throughFile(toJsonLine(CLASSIC_FILE_BULK, record));
    assert.deepEqual(JSON.parse(line), JSON.parse(JSON.stringify(record)));
    assert.equal((JSON.parse(line) as FileRecord).source, 'q\udc00');
  });
});
