import assert from 'node:assert/strict';
import {
  describeChanges,
  formatPlanSummary,
  formatRecordPreview,
  planBatch,
  planRecord,
  fieldOf,
} from '../../../../src/core/bulk';
import { fileRecord, fullRecord, linkedRecord } from './fixtures';
import { replaceAllNote } from '../../../../src/core/bulk/texts/replace-all-note';
import { CLASSIC_FILE_BULK } from '../../../../src/core/classic-file';

describe('preview text', () => {
  it('shows one readable line per change, in document order', () => {
    const record = fullRecord({ directory: '/a/x' });
    const plan = planRecord(CLASSIC_FILE_BULK, record, [
      { op: 'add', field: 'labels', values: [{ externalId: 'pump' }] },
      { op: 'metadataAdd', key: 'rev', value: 'B' },
      { op: 'directoryMove', from: '/a', to: '/b' },
    ]);
    assert.equal(
      formatRecordPreview(CLASSIC_FILE_BULK, plan),
      ['P-101.pdf (id 123)', '  directory: "/a/x" → "/b/x"', '  labels: + pump', '  metadata.rev: "A" → "B"'].join(
        '\n',
      ),
    );
  });

  it('shows added, removed and quoted metadata keys, unset values, times and set elements', () => {
    const before = fullRecord();
    const after = fileRecord({
      ...before,
      metadata: { rev: 'A', 'my key': 'v' },
      assetIds: [2, 3],
      source: undefined,
      sourceCreatedTime: 0,
    });
    assert.deepEqual(describeChanges(CLASSIC_FILE_BULK, before, after), [
      'source: "SAP" → (unset)',
      'assetIds: + 3, - 1',
      'metadata["my key"]: + "v"',
      'metadata.tag: - "P-101"',
      'sourceCreatedTime: 1600000000000 (2020-09-13T12:26:40.000Z) → 0 (1970-01-01T00:00:00.000Z)',
    ]);
  });

  it('shortens long values', () => {
    const line = describeChanges(CLASSIC_FILE_BULK, fileRecord(), fileRecord({ source: 'x'.repeat(500) }))[0] ?? '';
    assert.ok(line.length < 120, line);
    assert.ok(line.endsWith('…'));
  });

  it('says why a file is left alone or refused', () => {
    assert.equal(
      formatRecordPreview(
        CLASSIC_FILE_BULK,
        planRecord(CLASSIC_FILE_BULK, fileRecord(), [{ op: 'metadataRemove', key: 'x' }]),
      ),
      'P-101.pdf (id 123): no change (no operation changes this file)',
    );
    const refused = formatRecordPreview(
      CLASSIC_FILE_BULK,
      planRecord(CLASSIC_FILE_BULK, linkedRecord(), [{ op: 'clear', field: 'source' }]),
    );
    assert.match(refused, /^P-101\.pdf \(id 123\): refused\n {2}source: .*instance plant\/doc_p101/);
  });

  it('summarises matches, changes, requests and refusals by reason', () => {
    const records = [
      ...Array.from({ length: 1500 }, (_, i) => fileRecord({ id: i + 1, source: 'old' })),
      fileRecord({ id: 5000, source: 'new' }),
      linkedRecord({ id: 5001 }),
      linkedRecord({ id: 5002 }),
    ];
    const { counts } = planBatch(CLASSIC_FILE_BULK, records, [{ op: 'set', field: 'source', value: 'new' }]);
    assert.equal(
      formatPlanSummary(CLASSIC_FILE_BULK, counts),
      [
        '1,503 files matched.',
        '1,500 will change, in 2 requests (at most 1,000 files per request).',
        '1 needs no change.',
        '2 refused:',
        '  2 × files linked to a data modelling instance cannot change source',
      ].join('\n'),
    );
  });
});

describe('a bulk "replace all" says so in its preview', () => {
  it('set and clear of a collection say they replace all; of a scalar, nothing', () => {
    assert.equal(
      replaceAllNote(CLASSIC_FILE_BULK, 'set', fieldOf(CLASSIC_FILE_BULK, 'labels')!),
      ' (replaces all: every other label a file holds is removed)',
    );
    assert.equal(
      replaceAllNote(CLASSIC_FILE_BULK, 'clear', fieldOf(CLASSIC_FILE_BULK, 'metadata')!),
      ' (replaces all: every metadata key a file holds is removed)',
    );
    assert.match(
      replaceAllNote(CLASSIC_FILE_BULK, 'set', fieldOf(CLASSIC_FILE_BULK, 'assetIds')!),
      /replaces all: every other asset id/,
    );
    assert.match(
      replaceAllNote(CLASSIC_FILE_BULK, 'clear', fieldOf(CLASSIC_FILE_BULK, 'securityCategories')!),
      /replaces all: every security category/,
    );
    assert.equal(replaceAllNote(CLASSIC_FILE_BULK, 'set', fieldOf(CLASSIC_FILE_BULK, 'source')!), '');
    assert.equal(replaceAllNote(CLASSIC_FILE_BULK, 'clear', fieldOf(CLASSIC_FILE_BULK, 'dataSetId')!), '');
  });
});
