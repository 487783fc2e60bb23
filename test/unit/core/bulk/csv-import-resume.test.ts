/**
 * An interrupted CSV import: Resume cannot re-plan it (it has no operations of its own), so it says
 * plainly that importing the same file again is the resume, and that re-import sends nothing twice.
 */
import assert from 'node:assert/strict';
import { compileAction, parseChangesCsv, planImportRow, recordsToCsv } from '../../../../src/core/bulk';
import { BulkActionRecord, restoreAction, resumeRefusal, saveAction } from '../../../../src/core/bulk';
import { fileRecord } from './fixtures';
import { CLASSIC_FILE_BULK } from '../../../../src/core/classic-file';

const project = { baseUrl: 'https://api.cognitedata.com', project: 'plant' };
const importTarget = { kind: 'ids' as const, label: '2 rows of changes.csv', refs: [{ id: 1 }, { id: 2 }] };

describe('resuming an interrupted CSV import', () => {
  it('Resume of a kept CSV import (also after a window reload) says to import the file again', () => {
    const record = restoreAction(
      saveAction(new BulkActionRecord(CLASSIC_FILE_BULK, project, importTarget, [], 1)),
      CLASSIC_FILE_BULK,
    );
    // What Resume did before: re-plan the action's operations, which an import does not have.
    assert.equal(compileAction(CLASSIC_FILE_BULK, [...record.operations]).ok, false);
    const message = resumeRefusal(record);
    assert.match(message ?? '', /"2 rows of changes\.csv"\) was a CSV import/);
    assert.match(message ?? '', /import the same file again/);
  });

  it('an ordinary bulk action stays resumable', () => {
    const op = { op: 'set' as const, field: 'source' as const, value: 'x' };
    assert.equal(resumeRefusal(new BulkActionRecord(CLASSIC_FILE_BULK, project, importTarget, [op], 1)), undefined);
  });

  it('importing the file again plans no change for the rows the interrupted run applied', () => {
    const applied = fileRecord({ id: 1, name: 'a.pdf', source: 'new', metadata: { k: 'v' } });
    const pending = fileRecord({ id: 2, name: 'b.pdf', source: 'old' });
    const csv = recordsToCsv(CLASSIC_FILE_BULK, [applied, { ...pending, source: 'new', metadata: { k: 'v' } }]);
    const rows = parseChangesCsv(CLASSIC_FILE_BULK, csv).rows;
    assert.deepEqual(
      [
        planImportRow(CLASSIC_FILE_BULK, applied, rows[0]!).outcome,
        planImportRow(CLASSIC_FILE_BULK, pending, rows[1]!).outcome,
      ],
      ['unchanged', 'change'],
    );
  });
});
