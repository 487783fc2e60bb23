import assert from 'node:assert/strict';
import { mergeRecords } from '../../../src/core/records';
import type { FileRecord } from '../../../src/cdf/model';

const base: FileRecord = {
  id: 7,
  name: 'P-101.pdf',
  uploaded: true,
  createdTime: 1,
  lastUpdatedTime: 1,
  source: 'SAP',
  mimeType: 'application/pdf',
  metadata: { rev: 'A', tag: 'P-101' },
  labels: [{ externalId: 'pid' }],
  assetIds: [1, 2],
};

describe('three-way merge of a saved record with a concurrent change', () => {
  it('merges changes to different fields: mine and theirs both survive', () => {
    const mine = { ...base, source: 'SharePoint' };
    const theirs = { ...base, mimeType: 'image/png', lastUpdatedTime: 2 };
    const { merged, conflicts } = mergeRecords(base, mine, theirs);
    assert.deepEqual(conflicts, []);
    assert.equal(merged.source, 'SharePoint');
    assert.equal(merged.mimeType, 'image/png');
    assert.equal(merged.lastUpdatedTime, 2);
  });

  it('reports the same scalar changed differently as a conflict, resolved by the preferred side', () => {
    const mine = { ...base, source: 'mine' };
    const theirs = { ...base, source: 'theirs' };
    const t = mergeRecords(base, mine, theirs, 'theirs');
    assert.deepEqual(
      t.conflicts.map((c) => [c.field, c.mine, c.theirs]),
      [['source', 'mine', 'theirs']],
    );
    assert.equal(t.merged.source, 'theirs');
    assert.equal(mergeRecords(base, mine, theirs, 'mine').merged.source, 'mine');
  });

  it('is no conflict when both made the same change, or I cleared what they did not touch', () => {
    assert.deepEqual(mergeRecords(base, { ...base, source: 'X' }, { ...base, source: 'X' }).conflicts, []);
    const mine: FileRecord = { ...base };
    delete mine.source;
    const r = mergeRecords(base, mine, { ...base, mimeType: 'text/plain' });
    assert.equal(r.merged.source, undefined);
    assert.equal(r.merged.mimeType, 'text/plain');
  });

  it('merges metadata per key and conflicts only on the same key', () => {
    const mine = { ...base, metadata: { rev: 'B', tag: 'P-101' } };
    const theirs = { ...base, metadata: { rev: 'A', tag: 'P-101', area: '10' } };
    const r = mergeRecords(base, mine, theirs);
    assert.deepEqual(r.conflicts, []);
    assert.deepEqual(r.merged.metadata, { rev: 'B', tag: 'P-101', area: '10' });

    const clash = mergeRecords(base, mine, { ...base, metadata: { rev: 'C', tag: 'P-101' } }, 'mine');
    assert.deepEqual(
      clash.conflicts.map((c) => [c.field, c.key, c.mine, c.theirs]),
      [['metadata', 'rev', 'B', 'C']],
    );
    assert.equal(clash.merged.metadata?.rev, 'B');
  });

  it('merges labels and asset ids per element: adds and removes on both sides all apply', () => {
    const mine = { ...base, labels: [{ externalId: 'pid' }, { externalId: 'mine' }], assetIds: [2] };
    const theirs = { ...base, labels: [{ externalId: 'theirs' }], assetIds: [1, 2, 3] };
    const r = mergeRecords(base, mine, theirs);
    assert.deepEqual(r.conflicts, []);
    assert.deepEqual(r.merged.labels?.map((l) => l.externalId).sort(), ['mine', 'theirs']);
    assert.deepEqual([...(r.merged.assetIds ?? [])].sort(), [2, 3]);
  });

  it('drops a set that ends empty, as the API omits it', () => {
    const mine: FileRecord = { ...base, labels: [] };
    const r = mergeRecords(base, mine, { ...base, source: 'S' });
    assert.equal('labels' in r.merged, false);
  });
});
