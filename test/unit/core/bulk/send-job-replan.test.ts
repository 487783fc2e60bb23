/**
 * A bulk job plans each file again from what CDF holds just before its chunk is sent (core's
 * `sendJob` through `BulkJobs.run`), against the emulator over HTTP, with chunks of one item so the
 * job runs in several windows. A file changed since the preview gets the action applied to its new
 * state and undo brings that state back; a file deleted since, or that already holds the action's
 * values, is reported (not sent); the report still has one outcome per planned item, in plan order.
 */
import type { ClassicUpdateItem } from '../../../../src/core/classic-file';
import type { FileRecord } from '../../../../src/cdf/model';
import assert from 'node:assert/strict';
import { StaticTokenProvider } from '../../../../src/cdf/auth/static-token';
import { filesApiOf } from '../../../../src/app/files-api-adapter';
import { BulkJobs, type ActionStore, type BulkTarget, type JobScope } from '../../../../src/core/bulk';
import type { FilesApi, UpdateProgress } from '../../../../src/core/ports';
import { startEmulator, type RunningEmulator } from '../../../../src/emulator';
import { CdfClient } from '../../helpers/cdf-client';
import { classicBulkSource } from '../../../../src/app';

const noStore: ActionStore = {
  save: () => Promise.resolve(),
  load: () => Promise.resolve({ kind: 'none' }),
  clear: () => Promise.resolve(),
};

describe('a bulk job plans each file again just before sending it', () => {
  let emu: RunningEmulator;
  let client: CdfClient;
  let api: FilesApi;
  let scope: JobScope<FileRecord, ClassicUpdateItem>;
  before(async () => {
    emu = await startEmulator({ files: 40, seed: 12 });
    client = new CdfClient({
      baseUrl: emu.baseUrl,
      project: emu.project,
      tokenProvider: new StaticTokenProvider(emu.token),
    });
    api = filesApiOf(client);
    scope = { ...classicBulkSource(api), project: { baseUrl: emu.baseUrl, project: emu.project } };
  });
  after(() => emu.close());

  it('re-plans changed files, reports deleted and already-done ones, and undo restores the fresh state', async () => {
    const records = [...emu.store.files.values()].filter((r) => !r.instanceId).slice(0, 24);
    const target: BulkTarget = { kind: 'ids', label: '24 files', refs: records.map((r) => ({ id: r.id })) };
    const jobs = new BulkJobs(noStore);
    const job = await jobs.planEdit(scope, target, [
      { op: 'metadataAdd', key: 'tag', value: 'bulk' },
      { op: 'set', field: 'source', value: 'bulk-source' },
    ]);
    assert.equal(job.plan.items.length, 24);
    const [changed, deleted, done] = [records[0]!, records[12]!, records[20]!];

    // Between the preview and the send: a colleague changes one file, deletes one, does the action's work on one.
    await api.updateFiles([
      { id: changed.id, update: { source: { set: 'colleague' }, metadata: { add: { other: 'x' } } } },
      { id: done.id, update: { source: { set: 'bulk-source' }, metadata: { add: { tag: 'bulk' } } } },
    ]);
    await client.deleteFiles([{ id: deleted.id }]);

    const progress: UpdateProgress[] = [];
    const report = await jobs.run(job, classicBulkSource(api), {
      chunkSize: 1,
      // Windows of 2 x 5 chunks: 24 files go out in three windows.
      concurrency: { max: 5 },
      onProgress: (p) => progress.push(p),
    });
    await jobs.settled(); // the run's outcomes kept (after its report)
    assert.equal(report.total, 24);
    assert.equal(report.items.length, 24);
    report.items.forEach((o, i) => {
      assert.equal(o.index, i, 'one outcome per planned item, in plan order');
      assert.equal('id' in o.item && o.item.id, job.plan.items[i]!.id);
    });
    assert.equal(report.applied.length, 22);
    assert.deepEqual(
      report.failed.map((f) => ['id' in f.item && f.item.id, f.failure.reason, f.sends]),
      [[deleted.id, 'missing', 0]],
    );
    assert.equal(report.notSent.length, 1);
    assert.equal(report.notSent[0]!.index, records.indexOf(done));
    assert.match(report.notSent[0]!.why ?? '', /changed since the preview/);
    assert.equal(report.cancelled, false);
    assert.ok(report.stats.requestsSent >= 22, 'chunks of one item');
    assert.ok(progress.every((p) => p.total === 24 && p.pending >= 0));
    const settled = progress.map((p) => p.applied + p.failed + p.unknown + p.notSent);
    assert.deepEqual(
      settled,
      [...settled].sort((a, b) => a - b),
      'progress never goes back across windows',
    );
    assert.match(job.record.reportTexts.join('\n'), /1 file had changed since the preview: it was planned again/);

    const now = emu.store.files.get(changed.id)!;
    assert.equal(now.source, 'bulk-source');
    assert.equal(now.metadata?.other, 'x', "the colleague's other key is kept");
    assert.equal(
      job.record.entries.get(String(changed.id))?.before.source,
      'colleague',
      'undo knows what was there just before',
    );

    const { undo, job: undoJob } = await jobs.planUndo(scope);
    assert.equal(undo.items.length, 22);
    const undone = await jobs.run(undoJob, classicBulkSource(api));
    await jobs.settled(); // the run's outcomes kept (after its report)
    assert.equal(undone.applied.length, 22);
    const restored = emu.store.files.get(changed.id)!;
    assert.equal(restored.source, 'colleague', "undo brings back the colleague's value, not the preview's");
    assert.equal(restored.metadata?.other, 'x');
    assert.equal(restored.metadata?.tag, changed.metadata?.tag);
    assert.equal(emu.store.files.get(done.id)?.source, 'bulk-source', 'a file the action did not write is left alone');
  });
});
