/**
 * The last bulk action as resume and undo see it: its project, each file's outcome across runs, and
 * its saved form (kept across a window reload), refused when malformed.
 */
import assert from 'node:assert/strict';
import { buildReport } from '../../../../src/cdf/client/update/update-report';
import type { ItemOutcome } from '../../../../src/cdf/model';
import type { FileRecord } from '../../../../src/cdf/model';
import {
  BulkActionRecord,
  otherProjectRefusal,
  restoreAction,
  sameProject,
  saveAction,
  type RunPlan,
} from '../../../../src/core/bulk';
import { planBatch, planUndo, type BulkOperation } from '../../../../src/core/bulk';
import { fileRecord } from './fixtures';
import { CLASSIC_FILE_BULK, type ClassicUpdateItem } from '../../../../src/core/classic-file';

const project = { baseUrl: 'https://api.cognitedata.com', project: 'plant' };
const target = { kind: 'filter' as const, label: 'in /plant-a', filter: { directoryPrefix: '/plant-a' } };
const stats = { requestsSent: 1, throttled: 0, peakConcurrency: 1, finalConcurrency: 1, durationMs: 1 };

const before = (id: number): FileRecord => fileRecord({ id, name: `F-${id}.pdf`, source: 'old' });
const after = (id: number): FileRecord => fileRecord({ id, source: 'new' });
const runPlan = (ids: number[]): RunPlan<FileRecord, ClassicUpdateItem> => ({
  items: ids.map((id) => ({ id, update: { source: { set: 'new' } } })),
  preImages: ids.map(before),
  afterImages: ids.map(after),
});
function report(outcomes: [number, ItemOutcome['outcome']][]) {
  const items = outcomes.map(([id, outcome], index): ItemOutcome => {
    const base = { index, item: { id, update: { source: { set: 'new' } } }, sends: 1 };
    switch (outcome) {
      case 'applied':
        // CDF's answer also holds what a colleague wrote between the read and the send.
        return { ...base, outcome, record: { ...after(id), directory: '/by-a-colleague', lastUpdatedTime: 5 } };
      case 'failed':
        return { ...base, outcome, failure: { reason: 'other', message: 'no' } };
      case 'unknown':
        return { ...base, outcome, why: 'no answer' };
      case 'notSent':
        return { ...base, outcome };
    }
  });
  return buildReport(items, [], false, stats);
}

describe('the last bulk action', () => {
  it('belongs to its project: the same base URL (a trailing slash aside) and project name, nothing else', () => {
    assert.ok(sameProject(project, { baseUrl: 'https://api.cognitedata.com/', project: 'plant' }));
    assert.ok(!sameProject(project, { baseUrl: 'https://api.cognitedata.com', project: 'plant-test' }));
    assert.ok(!sameProject(project, { baseUrl: 'https://westeurope-1.cognitedata.com', project: 'plant' }));
    assert.equal(otherProjectRefusal(project, project, 'x'), undefined);
    const refusal = otherProjectRefusal(project, { baseUrl: 'demo', project: 'demo' }, 'in /plant-a');
    assert.match(
      refusal ?? '',
      /"in \/plant-a"\) belongs to project "plant" at https:\/\/api\.cognitedata\.com, not to the open project "demo"/,
    );
  });

  it('records every file as possibly changed before sending, then each outcome; a later failure keeps an earlier maybe', () => {
    const record = new BulkActionRecord(CLASSIC_FILE_BULK, project, target, [], 1);
    record.beginRun(runPlan([1, 2, 3, 4]));
    assert.deepEqual(
      [...record.entries.values()].map((e) => e.outcome),
      ['unknown', 'unknown', 'unknown', 'unknown'],
      'a window closed mid-run still leaves every file to judge by evidence',
    );
    record.addRun(
      runPlan([1, 2, 3, 4]),
      report([
        [1, 'applied'],
        [2, 'unknown'],
        [3, 'failed'],
        [4, 'notSent'],
      ]),
    );
    assert.deepEqual(
      [...record.entries].map(([id, e]) => [id, e.outcome]),
      [
        ['1', 'applied'],
        ['2', 'unknown'],
        ['3', 'failed'],
        ['4', 'notSent'],
      ],
    );
    const applied = record.entries.get('1')?.after;
    assert.equal(applied?.source, 'new', "an applied file's after-image holds what the action wrote");
    assert.equal(applied?.directory, before(1).directory, "and none of others' writes in CDF's answer");
    assert.deepEqual(record.keysToCheck, ['1', '2']);

    // A resume sends 2, 3 and 4 again: 2 fails this time, 3 applies, 4 stays unsent.
    record.beginRun(runPlan([2, 3, 4]));
    record.addRun(
      runPlan([2, 3, 4]),
      report([
        [2, 'failed'],
        [3, 'applied'],
        [4, 'notSent'],
      ]),
    );
    assert.deepEqual(
      [...record.entries].map(([id, e]) => [id, e.outcome]),
      [
        ['1', 'applied'],
        ['2', 'unknown'],
        ['3', 'applied'],
        ['4', 'notSent'],
      ],
      'the failure of a re-send says nothing of the first send: 2 may still have been changed',
    );
    assert.equal(record.reportTexts.length, 2);
    assert.match(record.reportTexts[1]!, /^# Resume 1/);
    assert.match(record.reportTexts[0]!, /\| F-3\.pdf \| 3 \| failed \| other: no \|/, 'the report names each file');
  });

  it('survives a round trip through its saved JSON, and undo plans the same from it', () => {
    const record = new BulkActionRecord(
      CLASSIC_FILE_BULK,
      project,
      target,
      [{ op: 'set', field: 'source', value: 'new' }],
      7,
    );
    record.beginRun(runPlan([1, 2, 3]));
    record.addRun(
      runPlan([1, 2, 3]),
      report([
        [1, 'applied'],
        [2, 'unknown'],
        [3, 'notSent'],
      ]),
    );
    const restored = restoreAction(JSON.parse(JSON.stringify(saveAction(record))), CLASSIC_FILE_BULK);
    assert.deepEqual(restored.project, project);
    assert.deepEqual(restored.target, target);
    assert.deepEqual(restored.operations, record.operations);
    assert.equal(restored.startedAt, 7);
    assert.deepEqual([...restored.entries], [...record.entries]);
    assert.deepEqual(restored.reportTexts, record.reportTexts);
    const now = [after(1), before(2), after(3)];
    assert.deepEqual(
      planUndo(CLASSIC_FILE_BULK, [...restored.entries.values()], now),
      planUndo(CLASSIC_FILE_BULK, [...record.entries.values()], now),
    );
  });

  it('loads an action kept by the previous version (version 1: classic files keyed by numeric id), and undoes it', () => {
    // Written out as version 1 wrote it to the workspace storage, not through today's saveAction.
    const v1 = {
      version: 1,
      project,
      target,
      operations: [{ op: 'set', field: 'source', value: 'new' }],
      startedAt: 11,
      entries: [
        [1, { outcome: 'applied', before: before(1), after: after(1) }],
        [2, { outcome: 'failed', before: before(2), after: after(2) }],
      ],
      reportTexts: ['# Bulk edit\n'],
    };
    const restored = restoreAction(JSON.parse(JSON.stringify(v1)), CLASSIC_FILE_BULK);
    assert.deepEqual([...restored.entries.keys()], ['1', '2'], "keys are the kind's text keys");
    assert.equal(restored.kind.name, 'classic-file');
    assert.deepEqual(restored.reportTexts, ['# Bulk edit\n']);
    const undo = planUndo(CLASSIC_FILE_BULK, [...restored.entries.values()], [after(1)]);
    assert.deepEqual(undo.items, [{ id: 1, update: { source: { set: 'old' } } }]);
    assert.deepEqual(undo.notApplied, ['2']);
    // Saved again, it is version 2 and reads back the same.
    const again = restoreAction(JSON.parse(JSON.stringify(saveAction(restored))), CLASSIC_FILE_BULK);
    assert.deepEqual([...again.entries], [...restored.entries]);
  });

  it('refuses a malformed saved action, saying what is wrong, rather than undo from half of it', () => {
    const good = saveAction(new BulkActionRecord(CLASSIC_FILE_BULK, project, target, [], 1));
    const cases: [unknown, RegExp][] = [
      [null, /unknown version/],
      [{ ...good, version: 3 }, /unknown version/],
      [{ ...good, project: { baseUrl: 1 } }, /project/],
      [{ ...good, target: { kind: 'everything', label: 'x' } }, /target/],
      [{ ...good, entries: [['1', { outcome: 'applied', before: before(1), after: after(2) }]] }, /an entry/],
      [{ ...good, entries: [['1', { outcome: 'maybe', before: before(1), after: after(1) }]] }, /an entry/],
      [{ ...good, entries: [[1, { outcome: 'applied', before: before(1), after: after(1) }]] }, /an entry/],
      [{ ...good, kind: 'cognite-file' }, /changed cognite-file records, not classic-file records/],
    ];
    for (const [saved, why] of cases) assert.throws(() => restoreAction(saved, CLASSIC_FILE_BULK), why);
  });
});

describe('resuming the last bulk action', () => {
  it('leaves a file sent without an answer alone when an element the action changes moved, not for a change elsewhere', () => {
    const record = new BulkActionRecord(CLASSIC_FILE_BULK, project, target, [], 1);
    record.addRun(runPlan([1]), report([[1, 'unknown']]));
    assert.equal(record.isDone(before(1)), false, 'as before: not reached, send it');
    assert.equal(record.isDone(after(1)), true, 'the action is on it: done');
    assert.equal(record.isDone(fileRecord({ id: 1, source: 'colleague' })), true, 'someone wrote there: do not repeat');
    assert.equal(
      record.isDone({ ...before(1), mimeType: 'text/plain', lastUpdatedTime: 9 }),
      false,
      "a colleague's change to another field is no evidence the action was applied",
    );
  });

  it('re-plans a file sent without an answer on the record read again, and undo follows what the resume wrote', () => {
    // Add `picked`, remove `owner`: the first read has no `owner`, so the first run only adds.
    const operations: BulkOperation[] = [
      { op: 'metadataAdd', key: 'picked', value: 'yes' },
      { op: 'metadataRemove', key: 'owner' },
    ];
    const first = planBatch(CLASSIC_FILE_BULK, [fileRecord({ id: 1, metadata: { rev: 'A' } })], operations);
    const record = new BulkActionRecord(CLASSIC_FILE_BULK, project, target, operations, 1);
    record.beginRun(first);
    record.addRun(first, report([[1, 'unknown']]));
    // Meanwhile a colleague adds `owner`; the resume reads the file again: the action is not on it.
    const reread = fileRecord({ id: 1, metadata: { rev: 'A', owner: 'colleague' }, lastUpdatedTime: 3 });
    assert.equal(record.isDone(reread), false);
    const resumed = planBatch(CLASSIC_FILE_BULK, [reread], operations);
    record.beginRun(resumed);
    const answered = { ...resumed.afterImages[0]!, lastUpdatedTime: 4 };
    record.addRun(resumed, {
      ...report([[1, 'applied']]),
      items: [{ index: 0, item: resumed.items[0]!, sends: 1, outcome: 'applied', record: answered }],
    });
    assert.deepEqual(record.entries.get('1')?.before.metadata, { rev: 'A', owner: 'colleague' }, 'the re-read record');

    const undo = planUndo(CLASSIC_FILE_BULK, [...record.entries.values()], [answered]);
    assert.deepEqual(
      undo.items[0]?.update.metadata,
      { add: { owner: 'colleague' }, remove: ['picked'] },
      'the key the resume removed comes back; the one it added goes',
    );
  });
});
