/**
 * Undo after updates that went out without an answer. Such a file may or may not have been changed
 * by the action; undo must judge it by what the server shows now, element by element, and never
 * take a colleague's later change for the action's: that change is reported and left alone.
 */
import assert from 'node:assert/strict';
import { StaticTokenProvider } from '../../../src/cdf/auth/static-token';
import { filesApiOf } from '../../../src/app/files-api-adapter';
import { CdfClient } from '../../../src/cdf/client/cdf-client';
import type { FileRecord } from '../../../src/cdf/model';
import { BulkActionRecord, planJob, planUndoJob, type JobPlan } from '../../../src/core/bulk';
import { compileAction, type BulkOperation } from '../../../src/core/bulk';
import { startEmulator, type RunningEmulator } from '../../../src/emulator';
import { CLASSIC_FILE_BULK, type ClassicUpdateItem } from '../../../src/core/classic-file';
import { classicBulkSource } from '../../../src/app';

describe('reliability: undo after unknown outcomes, with a colleague writing in between', () => {
  let emu: RunningEmulator;
  before(async () => {
    emu = await startEmulator({ files: 60, seed: 11 });
  });
  after(() => emu.close());

  it('restores only what the server shows the action wrote; a colleague change to an unknown-outcome file survives', async () => {
    const operations: BulkOperation[] = [
      { op: 'set', field: 'source', value: 'Bulk source' },
      { op: 'metadataAdd', key: 'bulkRun', value: 'r1' },
    ];
    const compiled = compileAction(CLASSIC_FILE_BULK, operations);
    assert.ok(compiled.ok);
    const api = filesApiOf(
      new CdfClient({
        baseUrl: emu.baseUrl,
        project: emu.project,
        tokenProvider: new StaticTokenProvider(emu.token),
        retry: { maxAttempts: 1 },
      }),
    );
    const files = [...emu.store.files.values()].filter((r) => !r.instanceId && r.source).slice(0, 3);
    const [lost, untouched, applied] = files.map((f) => f.id) as [number, number, number];
    const target = { kind: 'ids' as const, label: '3 files', refs: files.map((f) => ({ id: f.id })) };
    const plan = await planJob(classicBulkSource(api), target, compiled.action);
    assert.equal(plan.items.length, 3);
    const part = (
      from: number,
      to: number,
    ): Pick<JobPlan<FileRecord, ClassicUpdateItem>, 'items' | 'preImages' | 'afterImages'> => ({
      items: plan.items.slice(from, to),
      preImages: plan.preImages.slice(from, to),
      afterImages: plan.afterImages.slice(from, to),
    });
    const record = new BulkActionRecord(
      CLASSIC_FILE_BULK,
      { baseUrl: emu.baseUrl, project: emu.project },
      target,
      operations,
      1,
    );

    // The first two updates are lost on the way in (never applied), the third is applied but its answer lost.
    emu.setFaults({ routes: { 'POST /files/update': { dropRate: 1 } } });
    const first = await api.updateMany(part(0, 2).items, {});
    emu.setFaults({ routes: { 'POST /files/update': { dropRate: 1, dropAfterHandling: true } } });
    const second = await api.updateMany(part(2, 3).items, {});
    emu.setFaults(undefined);
    assert.deepEqual([first.unknown.length, second.unknown.length], [2, 1], 'every outcome is unknown');
    record.addRun(part(0, 2), first);
    record.addRun(part(2, 3), second);
    assert.equal(emu.store.files.get(applied)?.source, 'Bulk source', 'the third was applied');
    assert.notEqual(emu.store.files.get(lost)?.source, 'Bulk source', 'the first was not');

    // A colleague then edits the file whose update was lost, and the applied one's source.
    const colleague = await api.updateMany(
      [
        { id: lost, update: { source: { set: 'Colleague' }, metadata: { add: { owner: 'kari' } } } },
        { id: applied, update: { source: { set: 'Colleague too' } } },
      ],
      {},
    );
    assert.equal(colleague.applied.length, 2);
    const beforeUndo = new Map<number, FileRecord>(
      files.map((f) => [f.id, structuredClone(emu.store.files.get(f.id)!)]),
    );

    const { plan: undo, run } = await planUndoJob(classicBulkSource(api), record);
    const report = await api.updateMany(run.items, {});
    assert.equal(report.failed.length + report.unknown.length, 0);

    const now = (id: number) => emu.store.files.get(id)!;
    assert.deepEqual(
      { ...now(lost), lastUpdatedTime: 0 },
      { ...beforeUndo.get(lost)!, lastUpdatedTime: 0 },
      "the colleague's change to the lost update's file is kept, nothing of it written",
    );
    assert.equal(now(lost).lastUpdatedTime, beforeUndo.get(lost)!.lastUpdatedTime, 'not even touched');
    assert.deepEqual(now(untouched), beforeUndo.get(untouched), 'the other lost update: nothing to undo, untouched');
    assert.ok(undo.notApplied.includes(String(untouched)), 'reported as not changed by the action, not as restored');
    assert.ok(!undo.items.some((i) => i.id === lost || i.id === untouched), 'neither is "restored"');
    assert.deepEqual(
      undo.conflicts.map((c) => [Number(c.key), c.changes.map((x) => x.where)]),
      [
        [lost, ['source']],
        [applied, ['source']],
      ],
      'the colleague-changed elements are reported',
    );
    assert.equal(now(applied).source, 'Colleague too', 'a later change to an element the action wrote is kept');
    assert.equal(now(applied).metadata?.bulkRun, undefined, 'what the action alone wrote is restored');
  });
});
