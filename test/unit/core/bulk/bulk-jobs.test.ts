/**
 * Core's bulk jobs (src/core/bulk/job/bulk-jobs.ts) on plain Node against the emulator over HTTP:
 * what the editor's bulk commands do, without the editor. An edit is kept before it is sent, a
 * resume leaves out what the action already changed, an undo restores and forgets the action.
 */
import type { ClassicUpdateItem } from '../../../../src/core/classic-file';
import type { FileRecord } from '../../../../src/cdf/model';
import assert from 'node:assert/strict';
import { StaticTokenProvider } from '../../../../src/cdf/auth/static-token';
import { filesApiOf } from '../../../../src/app/files-api-adapter';
import { CdfClient } from '../../../../src/cdf/client/cdf-client';
import type { BulkOperation } from '../../../../src/core/bulk';
import { BulkJobs, emptyJobPlan, type BulkTarget, type JobScope } from '../../../../src/core/bulk';
import type { FilesApi } from '../../../../src/core/ports';
import { startEmulator, type RunningEmulator } from '../../../../src/emulator';
import { classicBulkSource } from '../../../../src/app';
import { MemoryStore } from '../../support/memory-action-store';

describe('core bulk jobs against the emulator', () => {
  let emu: RunningEmulator;
  let api: FilesApi;
  let scope: JobScope<FileRecord, ClassicUpdateItem>;
  before(async () => {
    emu = await startEmulator({ files: 40, seed: 5 });
    api = filesApiOf(
      new CdfClient({
        baseUrl: emu.baseUrl,
        project: emu.project,
        tokenProvider: new StaticTokenProvider(emu.token),
        retry: { maxAttempts: 1 },
      }),
    );
    scope = { ...classicBulkSource(api), project: { baseUrl: emu.baseUrl, project: emu.project } };
  });
  after(() => emu.close());

  const filesOf = (n: number): BulkTarget => {
    const ids = [...emu.store.files.values()].filter((r) => !r.instanceId).slice(0, n);
    return { kind: 'ids', label: `${n} files`, refs: ids.map((r) => ({ id: r.id })) };
  };

  it('an edit is kept before it is sent, applied, and undone; the undone action is forgotten', async () => {
    const store = new MemoryStore();
    const jobs = new BulkJobs(store);
    const target = filesOf(4);
    const operations: BulkOperation[] = [{ op: 'metadataAdd', key: 'jobRun', value: 'j1' }];
    const job = await jobs.planEdit(scope, target, operations);
    assert.equal(job.plan.counts.changed, 4);
    let keptBeforeSend = false;
    const report = await jobs.run(job, classicBulkSource(api), {
      onProgress: () => (keptBeforeSend ||= store.saves > 0),
    });
    await jobs.settled(); // the run's outcomes kept (after its report)
    assert.equal(report.applied.length, 4);
    assert.ok(keptBeforeSend, 'kept before the first answer');
    assert.equal(jobs.last, job.record);
    for (const ref of target.kind === 'ids' ? target.refs : [])
      assert.equal(emu.store.files.get((ref as { id: number }).id)?.metadata?.jobRun, 'j1');

    // After a reload: the memory is gone, the store is not.
    const reloaded = new BulkJobs(store);
    const { undo, job: undoJob } = await reloaded.planUndo(scope);
    assert.equal(undo.items.length, 4);
    const undone = await reloaded.run(undoJob, classicBulkSource(api));
    await reloaded.settled(); // the run's outcomes kept (after its report)
    assert.equal(undone.applied.length, 4);
    for (const ref of target.kind === 'ids' ? target.refs : [])
      assert.equal(emu.store.files.get((ref as { id: number }).id)?.metadata?.jobRun, undefined, 'restored');
    assert.equal(reloaded.last, undefined);
    assert.equal(store.saved, undefined, 'an action undone in full is no longer kept');
    await assert.rejects(reloaded.planUndo(scope), /No bulk action has run yet/);
  });

  it('with no action kept, Show Report is answered about the report too, not only resume and undo', async () => {
    const jobs = new BulkJobs(new MemoryStore());
    await assert.rejects(jobs.requireLast(scope), /nothing to resume, undo or report/);
  });

  it('refuses operations that do not make an action, before reading anything', async () => {
    const jobs = new BulkJobs(new MemoryStore());
    await assert.rejects(jobs.planEdit(scope, filesOf(1), []), /at least one operation/);
  });

  it('resume and undo refuse the last action of another project', async () => {
    const store = new MemoryStore();
    const jobs = new BulkJobs(store);
    const job = await jobs.planEdit(scope, filesOf(1), [{ op: 'set', field: 'source', value: 'elsewhere' }]);
    await jobs.run(job, classicBulkSource(api));
    await jobs.settled(); // the run's outcomes kept (after its report)
    const other = { ...scope, project: { baseUrl: 'https://api.cognitedata.com', project: 'other' } };
    await assert.rejects(jobs.planResume(other), /belongs to project/);
    await assert.rejects(jobs.planUndo(other), /belongs to project/);
  });

  it('resume of a fully applied action has nothing left to do', async () => {
    const jobs = new BulkJobs(new MemoryStore());
    const job = await jobs.planEdit(scope, filesOf(3), [{ op: 'metadataAdd', key: 'again', value: 'x' }]);
    await jobs.run(job, classicBulkSource(api));
    await jobs.settled(); // the run's outcomes kept (after its report)
    const resumed = await jobs.planResume(scope);
    assert.equal(resumed.kind, 'resume');
    assert.equal(resumed.record, job.record, 'a resume adds to the same action');
    assert.equal(resumed.plan.counts.changed, 0);
  });

  it('the same CSV imported again (also after a reload) continues the kept import; another CSV starts a new action', async () => {
    const store = new MemoryStore();
    const jobs = new BulkJobs(store);
    const target = { ...filesOf(2), label: '2 rows of changes.csv' };
    const first = jobs.importJob(scope, target, emptyJobPlan());
    await jobs.run(first, classicBulkSource(api));
    await jobs.settled(); // the run's outcomes kept (after its report)
    const reloaded = new BulkJobs(store);
    await reloaded.recallLast();
    const again = reloaded.importJob(scope, JSON.parse(JSON.stringify(target)) as BulkTarget, emptyJobPlan());
    assert.equal(again.record.startedAt, first.record.startedAt, 'the re-import adds a run to the kept import');
    assert.equal(again.record, reloaded.last);
    const other = reloaded.importJob(scope, { ...target, label: '2 rows of other.csv' }, emptyJobPlan());
    assert.notEqual(other.record, reloaded.last, 'another file is another action');
    const elsewhere = { ...scope, project: { baseUrl: emu.baseUrl, project: 'other' } };
    assert.notEqual(reloaded.importJob(elsewhere, target, emptyJobPlan()).record, reloaded.last);
  });

  it("the running job's progress reaches every watcher, and its cancel stops the chunks not yet sent", async () => {
    const jobs = new BulkJobs(new MemoryStore());
    const job = await jobs.planEdit(scope, filesOf(12), [{ op: 'metadataAdd', key: 'cancelled', value: 'c1' }]);
    const seen: number[] = [];
    const stop = jobs.runs.onProgress((p) => {
      seen.push(p.applied);
      if (p.applied > 0) jobs.runs.cancel();
    });
    const report = await jobs.run(job, classicBulkSource(api), { chunkSize: 2, concurrency: { initial: 1, max: 1 } });
    await jobs.settled(); // the run's outcomes kept (after its report)
    stop();
    assert.ok(seen.length > 0, 'the watcher saw progress');
    assert.ok(report.cancelled, 'the run was cancelled');
    assert.ok(report.applied.length > 0 && report.notSent.length > 0, 'part sent, part stopped');
    assert.equal(report.applied.length + report.notSent.length, 12, 'nothing failed or left unknown');
    for (const n of report.notSent)
      assert.equal(emu.store.files.get((n.item as { id: number }).id)?.metadata?.cancelled, undefined, 'not sent');
    const after = seen.length;
    await jobs.run(await jobs.planResume(scope), classicBulkSource(api));
    await jobs.settled(); // the run's outcomes kept (after its report)
    assert.equal(seen.length, after, 'a watcher that stopped hears nothing more');
    jobs.runs.cancel(); // nothing runs: nothing to stop, no error
  });
});
