import assert from 'node:assert/strict';
import { fileUpdateItem, LIMITS, type FileRecord } from '../../../../src/cdf/model';
import { applyUpdate } from '../../../../src/core/records';
import { planRecord, type BulkOperation, type RecordPlan } from '../../../../src/core/bulk';
import { fileRecord, fullRecord, linkedRecord } from './fixtures';
import { CLASSIC_FILE_BULK, type ClassicUpdateItem } from '../../../../src/core/classic-file';

/** Plans, and checks what every plan must satisfy: the update reproduces `after` and is a valid item. */
function plan(record: FileRecord, ...ops: BulkOperation[]): RecordPlan<FileRecord, ClassicUpdateItem> {
  const result = planRecord(CLASSIC_FILE_BULK, record, ops);
  if (result.outcome === 'change') {
    assert.deepEqual(applyUpdate(record, result.update), result.after);
    assert.ok(fileUpdateItem.safeParse({ id: record.id, update: result.update }).success);
  } else assert.equal(result.after, record);
  return result;
}

function changed(record: FileRecord, ...ops: BulkOperation[]) {
  const result = plan(record, ...ops);
  assert.equal(result.outcome, 'change', JSON.stringify(result));
  return result;
}

function refused(record: FileRecord, ...ops: BulkOperation[]) {
  const result = plan(record, ...ops);
  assert.equal(result.outcome, 'refused', JSON.stringify(result));
  return result.problems;
}

const unchanged = (record: FileRecord, ...ops: BulkOperation[]) =>
  assert.equal(plan(record, ...ops).outcome, 'unchanged');

describe('planRecord: set and clear', () => {
  it('sets a scalar that was unset, and one that was set, with a set patch', () => {
    assert.deepEqual(changed(fileRecord(), { op: 'set', field: 'source', value: 'SAP' }).update, {
      source: { set: 'SAP' },
    });
    assert.deepEqual(changed(fullRecord(), { op: 'set', field: 'dataSetId', value: 43 }).update, {
      dataSetId: { set: 43 },
    });
  });

  it('sends nothing when the field already holds the value (geoLocation compared by content)', () => {
    unchanged(fullRecord(), { op: 'set', field: 'source', value: 'SAP' });
    unchanged(fullRecord(), {
      op: 'set',
      field: 'geoLocation',
      value: { geometry: { coordinates: [10, 60], type: 'Point' }, type: 'Feature' },
    });
  });

  it('clears with setNull, and does nothing to a field that is already unset', () => {
    const result = changed(fullRecord(), { op: 'clear', field: 'mimeType' });
    assert.deepEqual(result.update, { mimeType: { setNull: true } });
    assert.equal('mimeType' in result.after, false);
    unchanged(fileRecord(), { op: 'clear', field: 'mimeType' });
    unchanged(fileRecord(), { op: 'clear', field: 'labels' });
  });

  it('sets a set-like field as add/remove of the difference, never as set', () => {
    const result = changed(fullRecord(), {
      op: 'set',
      field: 'labels',
      value: [{ externalId: 'pid' }, { externalId: 'pump' }],
    });
    assert.deepEqual(result.update, { labels: { add: [{ externalId: 'pump' }] } });
    assert.deepEqual(changed(fullRecord(), { op: 'set', field: 'assetIds', value: [2, 3] }).update, {
      assetIds: { add: [3], remove: [1] },
    });
  });

  it('replaces all metadata with set as per-key add/remove', () => {
    const result = changed(fullRecord(), { op: 'set', field: 'metadata', value: { rev: 'B', area: '10' } });
    assert.deepEqual(result.update, { metadata: { add: { rev: 'B', area: '10' }, remove: ['tag'] } });
  });

  it('clears a set-like field and metadata by removing what the record holds', () => {
    assert.deepEqual(changed(fullRecord(), { op: 'clear', field: 'securityCategories' }).update, {
      securityCategories: { remove: [7] },
    });
    const result = changed(fullRecord(), { op: 'clear', field: 'metadata' });
    assert.deepEqual(result.update, { metadata: { remove: ['rev', 'tag'] } });
    assert.equal(result.after.metadata, undefined);
  });
});

describe('planRecord: labels, assetIds, securityCategories add and remove', () => {
  it('adds to a record without the field and to one with it; an element already there is no change', () => {
    assert.deepEqual(changed(fileRecord(), { op: 'add', field: 'labels', values: [{ externalId: 'pump' }] }).update, {
      labels: { add: [{ externalId: 'pump' }] },
    });
    assert.deepEqual(changed(fullRecord(), { op: 'add', field: 'assetIds', values: [2, 3] }).update, {
      assetIds: { add: [3] },
    });
    unchanged(fullRecord(), { op: 'add', field: 'labels', values: [{ externalId: 'pid' }] });
    unchanged(fullRecord(), { op: 'add', field: 'securityCategories', values: [7] });
  });

  it('removes what is there and ignores what is not', () => {
    const result = changed(fullRecord(), {
      op: 'remove',
      field: 'labels',
      values: [{ externalId: 'pid' }, { externalId: 'x' }],
    });
    assert.deepEqual(result.update, { labels: { remove: [{ externalId: 'pid' }] } });
    assert.equal(result.after.labels, undefined, 'the last label removed leaves the field out, as the API does');
    unchanged(fileRecord(), { op: 'remove', field: 'assetIds', values: [1] });
  });

  it('applies operations in order: add then remove of the same element is no change', () => {
    unchanged(
      fullRecord(),
      { op: 'add', field: 'labels', values: [{ externalId: 'tmp' }] },
      { op: 'remove', field: 'labels', values: [{ externalId: 'tmp' }] },
    );
    unchanged(
      fullRecord(),
      { op: 'remove', field: 'assetIds', values: [1] },
      { op: 'add', field: 'assetIds', values: [1] },
    );
  });
});

describe('planRecord: metadata', () => {
  it('adds a key to a record with and without metadata; the same value is no change', () => {
    assert.deepEqual(changed(fileRecord(), { op: 'metadataAdd', key: 'rev', value: 'B' }).update, {
      metadata: { add: { rev: 'B' } },
    });
    assert.deepEqual(changed(fullRecord(), { op: 'metadataAdd', key: 'rev', value: 'B' }).update, {
      metadata: { add: { rev: 'B' } },
    });
    unchanged(fullRecord(), { op: 'metadataAdd', key: 'rev', value: 'A' });
  });

  it('removes a key that exists, and nothing otherwise', () => {
    assert.deepEqual(changed(fullRecord(), { op: 'metadataRemove', key: 'tag' }).update, {
      metadata: { remove: ['tag'] },
    });
    unchanged(fullRecord(), { op: 'metadataRemove', key: 'nope' });
    unchanged(fileRecord(), { op: 'metadataRemove', key: 'tag' });
  });

  it('treats keys such as __proto__ and constructor as ordinary keys', () => {
    const result = changed(fileRecord(), { op: 'metadataAdd', key: '__proto__', value: 'x' });
    assert.deepEqual(Object.keys(result.after.metadata ?? {}), ['__proto__']);
    unchanged(fileRecord({ metadata: { a: '1' } }), { op: 'metadataRenameKey', from: 'constructor', to: 'b' });
  });
});

describe('planRecord: rename a metadata key', () => {
  const rename = (from: string, to: string, ifTargetExists?: 'refuse' | 'overwrite'): BulkOperation => ({
    op: 'metadataRenameKey',
    from,
    to,
    ...(ifTargetExists ? { ifTargetExists } : {}),
  });

  it('moves the value to the new key as one add/remove patch', () => {
    const result = changed(fullRecord(), rename('rev', 'revision'));
    assert.deepEqual(result.update, { metadata: { add: { revision: 'A' }, remove: ['rev'] } });
    assert.deepEqual(result.after.metadata, { revision: 'A', tag: 'P-101' });
  });

  it('leaves a record without the key alone', () => {
    unchanged(fullRecord(), rename('missing', 'x'));
    unchanged(fileRecord(), rename('rev', 'x'));
  });

  it('refuses the record when the new key holds another value, unless asked to overwrite', () => {
    const problems = refused(fullRecord(), rename('rev', 'tag'));
    assert.equal(problems[0]?.code, 'rename-target-exists');
    assert.match(problems[0]?.message ?? '', /"tag" already holds "P-101"/);
    assert.deepEqual(changed(fullRecord(), rename('rev', 'tag', 'overwrite')).after.metadata, { tag: 'A' });
  });

  it('merges without asking when the new key already holds the same value', () => {
    const record = fileRecord({ metadata: { old: 'v', new: 'v' } });
    assert.deepEqual(changed(record, rename('old', 'new')).update, { metadata: { remove: ['old'] } });
  });

  it('handles unicode keys', () => {
    const record = fileRecord({ metadata: { Größe: '10 m²' } });
    assert.deepEqual(changed(record, rename('Größe', '大きさ')).after.metadata, { 大きさ: '10 m²' });
  });
});

describe('planRecord: find and replace in metadata values', () => {
  const record = fileRecord({ metadata: { a: 'Pump P-101 (old)', b: 'p-101', c: 'x.y' } });

  it('replaces every literal occurrence; regex specials and $ are plain text in literal mode', () => {
    const result = changed(record, { op: 'metadataReplace', find: '(old)', replacement: '$& $1' });
    assert.deepEqual(result.update, { metadata: { add: { a: 'Pump P-101 $& $1' } } });
    assert.deepEqual(changed(record, { op: 'metadataReplace', find: '.', replacement: '!' }).after.metadata, {
      a: 'Pump P-101 (old)',
      b: 'p-101',
      c: 'x!y',
    });
  });

  it('uses a regex with groups and flags, always global', () => {
    const result = changed(record, {
      op: 'metadataReplace',
      find: 'p-(\\d+)',
      replacement: 'PUMP-$1',
      regex: true,
      flags: 'i',
    });
    assert.deepEqual(result.after.metadata, { a: 'Pump PUMP-101 (old)', b: 'PUMP-101', c: 'x.y' });
    const all = changed(fileRecord({ metadata: { k: 'aXbXc' } }), {
      op: 'metadataReplace',
      find: 'X',
      replacement: '-',
      regex: true,
    });
    assert.equal(all.after.metadata?.k, 'a-b-c');
  });

  it('restricts to the given keys', () => {
    const result = changed(record, { op: 'metadataReplace', find: '101', replacement: '102', keys: ['b'] });
    assert.deepEqual(result.update, { metadata: { add: { b: 'p-102' } } });
  });

  it('works on unicode text and does nothing when nothing matches', () => {
    const r = fileRecord({ metadata: { k: 'café ☕ café' } });
    assert.equal(changed(r, { op: 'metadataReplace', find: 'é', replacement: 'e' }).after.metadata?.k, 'cafe ☕ cafe');
    assert.equal(
      changed(r, {
        op: 'metadataReplace',
        find: '\\p{Emoji_Presentation}',
        replacement: 'tea',
        regex: true,
        flags: 'u',
      }).after.metadata?.k,
      'café tea café',
    );
    unchanged(r, { op: 'metadataReplace', find: 'zzz', replacement: 'y' });
    unchanged(fileRecord(), { op: 'metadataReplace', find: 'a', replacement: 'b' });
  });

  it('refuses a record whose value would grow over its byte limit', () => {
    const big = fileRecord({ metadata: { k: 'a'.repeat(LIMITS.metadataValueBytes / 2) } });
    const problems = refused(big, { op: 'metadataReplace', find: 'a', replacement: 'bb' });
    assert.equal(problems[0]?.code, 'limit');
    assert.equal(problems[0]?.where, 'metadata');
  });
});

describe('planRecord: directory move', () => {
  const move = (from: string, to: string): BulkOperation => ({ op: 'directoryMove', from, to });

  it('replaces the prefix of the directory itself and of directories under it', () => {
    assert.deepEqual(changed(fileRecord({ directory: '/plant-a/old' }), move('/plant-a/old', '/plant-b/new')).update, {
      directory: { set: '/plant-b/new' },
    });
    assert.equal(
      changed(fileRecord({ directory: '/plant-a/old/pid/x' }), move('/plant-a/old', '/plant-b/new')).after.directory,
      '/plant-b/new/pid/x',
    );
  });

  it('matches only at a path boundary: /a/b moves /a/b/c but not /a/bc', () => {
    unchanged(fileRecord({ directory: '/a/bc' }), move('/a/b', '/z'));
    unchanged(fileRecord({ directory: '/a' }), move('/a/b', '/z'));
    unchanged(fileRecord(), move('/a/b', '/z'));
    assert.equal(changed(fileRecord({ directory: '/a/b/c' }), move('/a/b/', '/z/')).after.directory, '/z/c');
  });

  it('moves from and to the root', () => {
    assert.equal(changed(fileRecord({ directory: '/x/y' }), move('/', '/archive')).after.directory, '/archive/x/y');
    assert.equal(changed(fileRecord({ directory: '/a/x' }), move('/a', '/')).after.directory, '/x');
  });

  it('compares exactly: regex characters are plain, unicode forms differ', () => {
    assert.equal(changed(fileRecord({ directory: '/a.b/(c)' }), move('/a.b', '/d')).after.directory, '/d/(c)');
    unchanged(fileRecord({ directory: '/axb/c' }), move('/a.b', '/d'));
    const nfc = '/caf\u00e9';
    const nfd = '/cafe\u0301';
    assert.equal(changed(fileRecord({ directory: `${nfc}/x` }), move(nfc, '/cafe')).after.directory, '/cafe/x');
    unchanged(fileRecord({ directory: `${nfd}/x` }), move(nfc, '/cafe'));
  });

  it('refuses a record whose new directory would be too long', () => {
    const longTarget = '/' + 'd'.repeat(LIMITS.directoryLength - 1);
    const problems = refused(fileRecord({ directory: '/a/deep/path' }), move('/a', longTarget));
    assert.equal(problems[0]?.where, 'directory');
    assert.equal(problems[0]?.code, 'limit');
  });
});

describe('planRecord: refusals', () => {
  it('refuses an instance-linked file a field it may not change, only when that field would change', () => {
    const problems = refused(linkedRecord(), { op: 'directoryMove', from: '/plant-a', to: '/plant-b' });
    assert.deepEqual(
      problems.map((p) => [p.code, p.where]),
      [['instance-linked', 'directory']],
    );
    refused(linkedRecord(), { op: 'set', field: 'securityCategories', value: [8] });
    refused(linkedRecord(), { op: 'clear', field: 'sourceCreatedTime' });
    unchanged(linkedRecord(), { op: 'directoryMove', from: '/elsewhere', to: '/x' });
    changed(linkedRecord(), { op: 'add', field: 'labels', values: [{ externalId: 'pump' }] });
    changed(linkedRecord(), { op: 'metadataAdd', key: 'k', value: 'v' });
  });

  it('refuses an 11th label, and metadata over its total size, naming the limit', () => {
    const ten = Array.from({ length: LIMITS.labels }, (_, i) => ({ externalId: `l${i}` }));
    const labels = refused(fileRecord({ labels: ten }), {
      op: 'add',
      field: 'labels',
      values: [{ externalId: 'one-more' }],
    });
    assert.match(labels[0]?.message ?? '', new RegExp(`at most ${LIMITS.labels}`));
    const nearlyFull = fileRecord({ metadata: { k: 'v'.repeat(LIMITS.metadataTotalBytes - 1) } });
    const metadata = refused(nearlyFull, { op: 'metadataAdd', key: 'x', value: 'yy' });
    assert.match(metadata[0]?.message ?? '', /in total/);
  });

  it('refuses a record when any operation refuses it, and reports every refusing operation', () => {
    const record = fileRecord({ metadata: { a: '1', b: '2', c: '3' } });
    const problems = refused(
      record,
      { op: 'metadataRenameKey', from: 'a', to: 'b' },
      { op: 'metadataRenameKey', from: 'c', to: 'b' },
    );
    assert.deepEqual(
      problems.map((p) => p.operation),
      [0, 1],
    );
  });

  it('throws on an invalid action: operations must be validated first', () => {
    assert.throws(
      () =>
        planRecord(CLASSIC_FILE_BULK, fileRecord(), [
          { op: 'metadataAdd', key: 'k'.repeat(LIMITS.metadataKeyBytes + 1), value: 'x' },
        ]),
      /Invalid bulk action/,
    );
  });
});
