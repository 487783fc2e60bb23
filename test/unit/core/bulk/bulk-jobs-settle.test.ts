/**
 * A bulk job's report comes back once every outcome is known; taking the outcomes into the kept
 * action and saving it follows. Whatever comes next (showing the report, resume, undo, another
 * job, a reload) sees the outcomes: each waits for that save, and the save before sending already
 * holds every sent record. Against the emulator over HTTP, with a store whose saves are slow.
 */
import type { ClassicUpdateItem } from '../../../../src/core/classic-file';
import type { FileRecord } from '../../../../src/cdf/model';
import assert from 'node:assert/strict';
import { StaticTokenProvider } from '../../../../src/cdf/auth/static-token';
import { filesApiOf } from '../../../../src/app/files-api-adapter';
import { CdfClient } from '../../../../src/cdf/client/cdf-client';
import { BulkJobs, type BulkActionRecord, type BulkTarget, type JobScope } from '../../../../src/core/bulk';
import { startEmulator, type RunningEmulator } from '../../../../src/emulator';
import { classicBulkSource } from '../../../../src/app';
import { MemoryStore } from '../../support/memory-action-store';

const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Each save takes `ms`; notes each saved action's outcomes as the save lands. */
class SlowStore extends MemoryStore {
  readonly landed: string[][] = [];
  constructor(private readonly ms: number) {
    super();
  }
  override async save(record: BulkActionRecord) {
    const outcomes = [...record.entries.values()].map((e) => e.outcome);
    await tick(this.ms);
    this.landed.push(outcomes);
    return super.save(record);
  }
}

describe('core bulk jobs: the report first, then its outcomes kept', () => {
  let emu: RunningEmulator;
  let scope: JobScope<FileRecord, ClassicUpdateItem>;
  before(async () => {
    emu = await startEmulator({ files: 20, seed: 8 });
    const api = filesApiOf(
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

  const files = (from: number, n: number): BulkTarget => {
    const ids = [...emu.store.files.values()].filter((r) => !r.instanceId).slice(from, from + n);
    return { kind: 'ids', label: `${n} files`, refs: ids.map((r) => ({ id: r.id })) };
  };

  it('returns before the last save lands; resume, undo and the next job wait for it', async () => {
    const store = new SlowStore(150);
    const jobs = new BulkJobs(store);
    const job = await jobs.planEdit(scope, files(0, 3), [{ op: 'metadataAdd', key: 'settle', value: 'a' }]);
    const report = await jobs.run(job, scope);
    assert.equal(report.applied.length, 3);
    // Kept before sending (every record "may be applied"); the outcomes' save has not landed yet.
    assert.deepEqual(store.landed, [['unknown', 'unknown', 'unknown']]);
    // The kept action as undo sees it is the one with the outcomes in it.
    const last = await jobs.requireLast(scope);
    assert.deepEqual(store.landed.at(-1), ['applied', 'applied', 'applied']);
    assert.match(last.reportTexts.join('\n'), /3 applied|applied/);
    // The next job starts after that save: its own first save comes after it, never before.
    const next = await jobs.planEdit(scope, files(3, 2), [{ op: 'metadataAdd', key: 'settle', value: 'b' }]);
    await jobs.run(next, scope);
    await jobs.settled();
    assert.deepEqual(
      store.landed.map((o) => o.length),
      [3, 3, 2, 2],
    );
    assert.equal(store.saved, next.record);
  });

  it('a failing last save is told, and undo still works from memory', async () => {
    const failures: unknown[] = [];
    let saves = 0;
    const store = new MemoryStore();
    store.save = (record) =>
      ++saves > 1 ? Promise.reject(new Error('disk full')) : MemoryStore.prototype.save.call(store, record);
    const jobs = new BulkJobs(store, (err) => failures.push(err));
    const job = await jobs.planEdit(scope, files(5, 2), [{ op: 'metadataAdd', key: 'settle', value: 'c' }]);
    await jobs.run(job, scope);
    await jobs.settled();
    assert.equal(failures.length, 1);
    const { job: undo } = await jobs.planUndo(scope);
    const undone = await jobs.run(undo, scope);
    assert.equal(undone.applied.length, 2);
  });
});
