import assert from 'node:assert/strict';
import {
  describeChanges,
  describeOperation,
  planBatch,
  createBatchContext,
  compileAction,
} from '../../../../src/core/bulk';
import { appendBatch, emptyJobPlan, formatBulkPreview, referencesOf, unsavedEditsIn } from '../../../../src/core/bulk';
import type { BulkOperation } from '../../../../src/core/bulk';
import type { FileRecord } from '../../../../src/cdf/model';
import { fileRecord, fullRecord } from './fixtures';
import { CLASSIC_FILE_BULK, type ClassicUpdateItem } from '../../../../src/core/classic-file';

const names = {
  dataSets: new Map([
    [42, 'Plant A'],
    [43, 'Plant B'],
  ]),
  assets: new Map([
    [1, 'Pump P-101'],
    [3, 'Valve V-3'],
  ]),
  labels: new Map([
    ['pid', 'P&ID drawing'],
    ['pump', 'Pump'],
  ]),
};

function planOf(records: FileRecord[], operations: BulkOperation[]) {
  const compiled = compileAction(CLASSIC_FILE_BULK, operations);
  assert.ok(compiled.ok);
  const plan = emptyJobPlan<FileRecord, ClassicUpdateItem>();
  appendBatch(plan, planBatch(CLASSIC_FILE_BULK, records, compiled.action, createBatchContext()));
  return plan;
}

describe('bulk preview document', () => {
  it('names the data set, each asset and each label beside its id', () => {
    const before = fullRecord();
    const after = fileRecord({
      ...before,
      dataSetId: 43,
      assetIds: [2, 3],
      labels: [{ externalId: 'pump' }, { externalId: 'new' }],
    });
    assert.deepEqual(describeChanges(CLASSIC_FILE_BULK, before, after, names), [
      'dataSetId: 42 (Plant A) → 43 (Plant B)',
      'assetIds: + 3 (Valve V-3), - 1 (Pump P-101)',
      'labels: + pump (Pump), + new, - pid (P&ID drawing)',
    ]);
    assert.deepEqual(
      describeChanges(CLASSIC_FILE_BULK, before, after).slice(0, 1),
      ['dataSetId: 42 → 43'],
      'no names, ids alone',
    );
  });

  it('collects the ids whose names the shown changes need, each once', () => {
    const plan = planOf(
      [fullRecord({ id: 1 }), fullRecord({ id: 2, dataSetId: 7, assetIds: [9] })],
      [
        { op: 'set', field: 'dataSetId', value: 43 },
        { op: 'add', field: 'assetIds', values: [3] },
        { op: 'add', field: 'labels', values: [{ externalId: 'pump' }] },
      ],
    );
    const refs = referencesOf(CLASSIC_FILE_BULK, plan.changes);
    assert.deepEqual([...refs.dataSetIds].sort(), [42, 43, 7]);
    assert.deepEqual([...refs.assetIds].sort(), [1, 2, 3, 9]);
    assert.deepEqual([...refs.labels].sort(), ['pid', 'pump']);
  });

  it('warns first about targeted files with unsaved edits in an editor, record or selection', () => {
    const plan = planOf(
      [
        fileRecord({ id: 1, name: 'A.pdf' }),
        fileRecord({ id: 2, name: 'B.pdf' }),
        fileRecord({ id: 3, name: 'C.pdf', source: 'x' }),
      ],
      [{ op: 'set', field: 'source', value: 'x' }],
    );
    const unsaved = unsavedEditsIn(CLASSIC_FILE_BULK, plan, [
      { document: 'A.pdf.json', keys: ['1'] },
      { document: '3 files.json', keys: ['1', '2', '3'] },
      { document: 'Z.pdf.json', keys: ['99'] },
    ]);
    assert.deepEqual(
      unsaved,
      [
        { document: 'A.pdf.json', files: ['A.pdf (id 1)'] },
        { document: '3 files.json', files: ['A.pdf (id 1)', 'B.pdf (id 2)'] },
      ],
      'a file the action leaves alone (3) or does not target (99) is no concern',
    );
    const text = formatBulkPreview({
      kind: CLASSIC_FILE_BULK,
      heading: 'Bulk edit',
      targetLabel: '3 selected files',
      operations: [{ op: 'set', field: 'source', value: 'x' }],
      plan,
      all: false,
      unsaved,
    });
    const lines = text.split('\n');
    assert.equal(lines[0], '# Bulk edit preview: 3 selected files');
    const warning = lines.findIndex((l) => l.startsWith('## Unsaved edits'));
    assert.ok(warning > 0 && warning < lines.findIndex((l) => l.startsWith('## First')), text);
    assert.ok(text.includes('- A.pdf.json: A.pdf (id 1)'), text);
    assert.ok(text.includes('- 3 files.json: A.pdf (id 1), B.pdf (id 2)'), text);
    assert.ok(
      !formatBulkPreview({
        kind: CLASSIC_FILE_BULK,
        heading: 'Bulk edit',
        targetLabel: 'x',
        operations: [],
        plan,
        all: true,
      }).includes('Unsaved'),
    );
  });

  it('shows the first 20 changes, or all of them, with the names', () => {
    const records = Array.from({ length: 25 }, (_, i) => fullRecord({ id: i + 1 }));
    const plan = planOf(records, [{ op: 'set', field: 'dataSetId', value: 43 }]);
    const sample = formatBulkPreview({
      kind: CLASSIC_FILE_BULK,
      heading: 'Resume',
      targetLabel: 't',
      operations: [],
      plan,
      all: false,
      names,
    });
    assert.ok(sample.includes('## First 20 of 25 changes'), sample);
    assert.equal(sample.split('dataSetId: 42 (Plant A) → 43 (Plant B)').length - 1, 20);
    const all = formatBulkPreview({
      kind: CLASSIC_FILE_BULK,
      heading: 'Resume',
      targetLabel: 't',
      operations: [],
      plan,
      all: true,
      names,
    });
    assert.ok(all.startsWith('# Resume preview: t'));
    assert.equal(all.split('dataSetId: 42 (Plant A) → 43 (Plant B)').length - 1, 25);
  });

  it('names the data set, labels and assets an operation sets, adds or removes', () => {
    assert.equal(
      describeOperation(CLASSIC_FILE_BULK, { op: 'set', field: 'dataSetId', value: 43 }, names),
      'set dataSetId = 43 (Plant B)',
    );
    assert.equal(
      describeOperation(
        CLASSIC_FILE_BULK,
        { op: 'add', field: 'labels', values: [{ externalId: 'pump' }, { externalId: 'x' }] },
        names,
      ),
      'add labels pump (Pump), x',
    );
    assert.equal(
      describeOperation(CLASSIC_FILE_BULK, { op: 'remove', field: 'assetIds', values: [3, 4] }, names),
      'remove assetIds 3 (Valve V-3), 4',
    );
    assert.equal(
      describeOperation(CLASSIC_FILE_BULK, { op: 'set', field: 'source', value: 'SAP' }, names),
      'set source = "SAP"',
    );
    assert.equal(describeOperation(CLASSIC_FILE_BULK, { op: 'directoryMove', from: '/a', to: '/b' }), 'move /a → /b');
    const refs = referencesOf(
      CLASSIC_FILE_BULK,
      [],
      [
        { op: 'set', field: 'dataSetId', value: 43 },
        { op: 'add', field: 'assetIds', values: [5] },
        { op: 'remove', field: 'labels', values: [{ externalId: 'old' }] },
      ],
    );
    assert.deepEqual([[...refs.dataSetIds], [...refs.assetIds], [...refs.labels]], [[43], [5], ['old']]);
  });
});
