import assert from 'node:assert/strict';
import type { FileRecord } from '../../../../src/cdf/model';
import { applyUpdate } from '../../../../src/core/records';
import { planBatch, planUndo as planUndoOf, type ActionEntry, type BulkOperation } from '../../../../src/core/bulk';
import { formatUndoConflicts, summarizeUndo } from '../../../../src/core/bulk';
import { fileRecord, fullRecord } from './fixtures';
import { CLASSIC_FILE_BULK } from '../../../../src/core/classic-file';

/** Runs an action the way the server would, returning pre-images and post-images. */
function runAction(records: FileRecord[], ops: BulkOperation[]) {
  const batch = planBatch(CLASSIC_FILE_BULK, records, ops);
  const postImages = batch.items.map((item, i) => ({
    ...applyUpdate(batch.preImages[i]!, item.update),
    lastUpdatedTime: 2,
  }));
  return { preImages: batch.preImages, postImages, afterImages: batch.afterImages };
}

/** Every pre-image with a post-image was applied; the others were not sent. */
function planUndo(preImages: FileRecord[], postImages: FileRecord[], current: FileRecord[]) {
  const entries: ActionEntry<FileRecord>[] = preImages.map((before) => {
    const after = postImages.find((p) => p.id === before.id);
    return after ? { outcome: 'applied', before, after } : { outcome: 'notSent', before, after: before };
  });
  return planUndoOf(CLASSIC_FILE_BULK, entries, current);
}

const without = (record: FileRecord, field: keyof FileRecord): FileRecord => {
  const copy = { ...record };
  delete copy[field];
  return copy;
};

const action: BulkOperation[] = [
  { op: 'add', field: 'labels', values: [{ externalId: 'pump' }] },
  { op: 'metadataRenameKey', from: 'rev', to: 'revision' },
  { op: 'directoryMove', from: '/plant-a/old', to: '/plant-b/new' },
  { op: 'clear', field: 'source' },
];

describe('planUndo', () => {
  it('restores every file nobody touched since, with a minimal update back to the pre-image', () => {
    const { preImages, postImages } = runAction([fullRecord()], action);
    const undo = planUndo(preImages, postImages, postImages);
    assert.equal(undo.conflicts.length, 0);
    assert.deepEqual(undo.items[0]?.update, {
      directory: { set: '/plant-a/old/pid' },
      source: { set: 'SAP' },
      labels: { remove: [{ externalId: 'pump' }] },
      metadata: { add: { rev: 'A' }, remove: ['revision'] },
    });
    const restored = applyUpdate(postImages[0]!, undo.items[0].update);
    assert.deepEqual({ ...restored, lastUpdatedTime: 0 }, { ...preImages[0]!, lastUpdatedTime: 0 });
  });

  it('keeps later changes by others to things the action did not touch', () => {
    const { preImages, postImages } = runAction([fullRecord()], action);
    const post = postImages[0]!;
    const current = {
      ...post,
      mimeType: 'image/png',
      labels: [...(post.labels ?? []), { externalId: 'valve' }],
      metadata: { ...post.metadata, owner: 'kari' },
      lastUpdatedTime: 3,
    };
    const undo = planUndo(preImages, postImages, [current]);
    assert.equal(undo.conflicts.length, 0);
    const restored = applyUpdate(current, undo.items[0]!.update);
    assert.equal(restored.mimeType, 'image/png');
    assert.deepEqual(restored.labels, [{ externalId: 'pid' }, { externalId: 'valve' }]);
    assert.deepEqual(restored.metadata, { rev: 'A', tag: 'P-101', owner: 'kari' });
    assert.equal(restored.directory, '/plant-a/old/pid');
  });

  it('reports an element changed since in a place the action touched, leaves it alone and restores the rest', () => {
    const { preImages, postImages } = runAction([fullRecord(), fullRecord({ id: 124 })], action);
    const current = [
      { ...postImages[0]!, directory: '/somewhere/else', lastUpdatedTime: 3 },
      { ...postImages[1]!, metadata: { ...postImages[1]!.metadata, revision: 'C' } },
    ];
    const undo = planUndo(preImages, postImages, current);
    assert.deepEqual(
      undo.conflicts.map((c) => [c.key, c.changes.map((x) => [x.where, x.before, x.afterAction, x.now])]),
      [
        ['123', [['directory', '/plant-a/old/pid', '/plant-b/new/pid', '/somewhere/else']]],
        ['124', [['metadata.revision', undefined, 'A', 'C']]],
      ],
    );
    const first = applyUpdate(current[0]!, undo.items[0]!.update);
    assert.equal(first.directory, '/somewhere/else', 'the later change is kept');
    assert.equal(first.source, 'SAP', 'what the action alone wrote is restored');
    const second = applyUpdate(current[1]!, undo.items[1]!.update);
    assert.equal(second.metadata?.revision, 'C', 'the later value is kept');
    assert.equal(second.metadata?.rev, 'A');
  });

  it('leaves alone what someone already put back, and a file fully put back needs nothing', () => {
    const pre = fullRecord();
    const { preImages, postImages } = runAction([pre], action);
    const partly = { ...postImages[0]!, source: 'SAP', labels: [{ externalId: 'pid' }] };
    const undo = planUndo(preImages, postImages, [partly]);
    assert.equal(undo.conflicts.length, 0);
    assert.equal(undo.items[0]?.update.source, undefined);
    assert.equal(undo.items[0]?.update.labels, undefined);
    const fully = planUndo(preImages, postImages, [{ ...pre, lastUpdatedTime: 9 }]);
    assert.deepEqual(fully.items, []);
    assert.equal(fully.plans[0]?.outcome, 'unchanged');
  });

  it('restores a cleared field, and clears a field the action set', () => {
    const pre = without(fullRecord(), 'dataSetId');
    const { preImages, postImages } = runAction([pre], [{ op: 'set', field: 'dataSetId', value: 9 }]);
    assert.deepEqual(planUndo(preImages, postImages, postImages).items[0]?.update, {
      dataSetId: { setNull: true },
    });
  });

  it('separates files the action never reached and files deleted since', () => {
    const records = [fullRecord({ id: 1 }), fullRecord({ id: 2 }), fullRecord({ id: 3 })];
    const { preImages, postImages } = runAction(records, action);
    const undo = planUndo(preImages, postImages.slice(0, 2), [postImages[0]!]);
    assert.deepEqual(undo.notApplied, ['3']);
    assert.deepEqual(undo.missing, ['2']);
    assert.equal(undo.items.length, 1);
  });

  it('refuses to restore what would now break a limit (labels re-added beside new ones)', () => {
    const pre = fileRecord({ labels: [{ externalId: 'old' }] });
    const { preImages, postImages } = runAction(
      [pre],
      [{ op: 'remove', field: 'labels', values: [{ externalId: 'old' }] }],
    );
    const ten = Array.from({ length: 10 }, (_, i) => ({ externalId: `n${i}` }));
    const undo = planUndo(preImages, postImages, [{ ...postImages[0]!, labels: ten }]);
    assert.equal(undo.items.length, 0);
    assert.equal(undo.plans[0]?.outcome, 'refused');
  });
});

describe('summarizeUndo and formatUndoConflicts', () => {
  it('say what is restored, what is left alone and why, element by element', () => {
    const { preImages, postImages } = runAction([fullRecord({ id: 1 }), fullRecord({ id: 2 })], action);
    const current = [{ ...postImages[0]!, source: 'Colleague' }, postImages[1]!];
    const undo = planUndoOf(
      CLASSIC_FILE_BULK,
      [
        { outcome: 'applied', before: preImages[0]!, after: postImages[0]! },
        { outcome: 'failed', before: preImages[1]!, after: postImages[1]! },
      ],
      current,
    );
    assert.equal(
      summarizeUndo(CLASSIC_FILE_BULK, undo),
      '1 file to restore; 1 file changed since by someone else where the action wrote (left alone there); 1 file the action did not change',
    );
    assert.match(
      formatUndoConflicts(undo),
      /- P-101\.pdf \(id 1\)\n {2}- source: before "SAP", the action wrote \(unset\), now "Colleague"\n/,
    );
  });
});
