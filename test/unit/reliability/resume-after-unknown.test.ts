/**
 * Resuming a bulk action after a run whose answers were lost. An item reported `unknown` may well
 * have been applied; a resumed run re-plans it from the record as it is now, so an operation that
 * is not idempotent (moving `/plant-b` into `/plant-b/archive`) would be applied a second time. The
 * resume must leave such files alone (or check them), as `BatchContext.doneIds` exists to do.
 */
import assert from 'node:assert/strict';
import { StaticTokenProvider } from '../../../src/cdf/auth/static-token';
import { filesApiOf } from '../../../src/app/files-api-adapter';
import { CdfClient } from '../../../src/cdf/client/cdf-client';
import { BulkJobs, type BulkTarget, type LoadedAction } from '../../../src/core/bulk';
import { compileAction, type BulkOperation } from '../../../src/core/bulk';
import { startEmulator, type RunningEmulator } from '../../../src/emulator';
import { CLASSIC_FILE_BULK } from '../../../src/core/classic-file';
import { classicBulkSource } from '../../../src/app';

describe('reliability: resuming a bulk action after unknown outcomes', () => {
  let emu: RunningEmulator;
  before(async () => {
    emu = await startEmulator({ files: 120, seed: 8 });
  });
  after(() => emu.close());

  it('a resumed run does not move a file a second time when its first move was applied but reported unknown', async () => {
    const operations: BulkOperation[] = [{ op: 'directoryMove', from: '/plant-b', to: '/plant-b/archive' }];
    const compiled = compileAction(CLASSIC_FILE_BULK, operations);
    assert.ok(compiled.ok);
    const files = [...emu.store.files.values()].filter((r) => r.directory?.startsWith('/plant-b/') && !r.instanceId);
    const target: BulkTarget = {
      kind: 'ids',
      label: 'plant-b files',
      refs: files.slice(0, 6).map((r) => ({ id: r.id })),
    };
    const api = filesApiOf(
      new CdfClient({
        baseUrl: emu.baseUrl,
        project: emu.project,
        tokenProvider: new StaticTokenProvider(emu.token),
        retry: { maxAttempts: 1 },
      }),
    );

    // What the editor's bulk edit and "Resume the Last Bulk Edit" run: core's jobs.
    const none: LoadedAction = { kind: 'none' };
    const jobs = new BulkJobs({ save: async () => {}, load: () => Promise.resolve(none), clear: async () => {} });
    const scope = { ...classicBulkSource(api), project: { baseUrl: emu.baseUrl, project: emu.project } };
    const job = await jobs.planEdit(scope, target, operations);
    const plan = job.plan;
    assert.equal(plan.items.length, 6);
    // Every update is made, and every answer lost: the report can only say "unknown".
    emu.setFaults({ routes: { 'POST /files/update': { dropRate: 1, dropAfterHandling: true } } });
    const report = await jobs.run(job, classicBulkSource(api), { chunkSize: 2 });
    emu.setFaults(undefined);
    assert.equal(report.unknown.length, 6);
    const movedOnce = new Map(plan.changes.map((c) => [c.before.id, c.after.directory]));
    for (const [id, directory] of movedOnce) assert.equal(emu.store.files.get(id)?.directory, directory);

    const resumed = (await jobs.planResume(scope)).plan;
    const movedTwice = resumed.changes.filter((c) => c.before.directory?.startsWith('/plant-b/archive/'));
    assert.deepEqual(
      movedTwice.map((c) => `${c.before.directory} -> ${c.after.directory}`),
      [],
      'files already moved would be moved again',
    );
  });
});
