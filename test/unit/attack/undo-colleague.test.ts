/**
 * Attack (issue 10, undo): undo must restore only what the action is known to have changed, and a
 * colleague's change must never be reverted, for every outcome. Real HTTP against the emulator.
 */
import assert from 'node:assert/strict';
import { StaticTokenProvider } from '../../../src/cdf/auth/static-token';
import { filesApiOf } from '../../../src/app/files-api-adapter';
import { CdfClient } from '../../../src/cdf/client/cdf-client';
import type { FileRecord } from '../../../src/cdf/model';
import { compileAction } from '../../../src/core/bulk';
import { BulkActionRecord, planJob, planUndoJob } from '../../../src/core/bulk';
import type { FilesApi } from '../../../src/core/ports';
import { startEmulator, type RunningEmulator } from '../../../src/emulator';
import { CLASSIC_FILE_BULK } from '../../../src/core/classic-file';
import { classicBulkSource } from '../../../src/app';

describe('attack: undo after a colleague wrote', () => {
  let emu: RunningEmulator;
  let api: FilesApi;
  beforeEach(async () => {
    emu = await startEmulator({ files: 50, seed: 7 });
    api = filesApiOf(
      new CdfClient({ baseUrl: emu.baseUrl, project: emu.project, tokenProvider: new StaticTokenProvider(emu.token) }),
    );
  });
  afterEach(() => emu.close());

  const colleagueWrites = (id: number) => {
    const r = emu.store.files.get(id) as FileRecord;
    emu.store.files.put({
      ...r,
      source: 'colleague-source',
      metadata: { ...(r.metadata ?? {}), colleague: 'was here' },
      lastUpdatedTime: r.lastUpdatedTime + 1,
    });
  };

  async function runAction(
    ids: number[],
    between: () => void,
    faults?: Parameters<RunningEmulator['setFaults']>[0],
    signal?: AbortSignal,
  ) {
    const compiled = compileAction(CLASSIC_FILE_BULK, [{ op: 'metadataAdd', key: 'picked', value: 'yes' }]);
    assert.ok(compiled.ok);
    const target = { kind: 'ids' as const, label: 'picked', refs: ids.map((id) => ({ id })) };
    const plan = await planJob(classicBulkSource(api), target, compiled.action);
    assert.equal(plan.items.length, ids.length);
    // The preview is on screen; meanwhile a colleague writes (other key, other field) on the same files.
    between();
    const record = new BulkActionRecord(
      CLASSIC_FILE_BULK,
      { baseUrl: emu.baseUrl, project: emu.project },
      target,
      [],
      Date.now(),
    );
    record.beginRun(plan);
    emu.setFaults(faults);
    const report = await api.updateMany(plan.items, signal ? { signal, cancelGraceMs: 100 } : {});
    emu.setFaults(undefined);
    record.addRun(plan, report);
    return { record, report };
  }

  it('applied: a change a colleague made between the preview and the send is not undone', async () => {
    const ids = (await api.listFiles({ limit: 3 })).items.map((r) => r.id);
    const { record, report } = await runAction(ids, () => ids.forEach(colleagueWrites));
    assert.equal(report.applied.length, 3);

    const undo = await planUndoJob(classicBulkSource(api), record);
    await api.updateMany(undo.run.items, {});
    const after = await api.retrieveExisting(ids.map((id) => ({ id })));
    for (const r of after) {
      assert.equal(r.metadata?.picked, undefined, 'the action is undone');
      assert.equal(r.metadata?.colleague, 'was here', `file ${r.id}: the colleague's key was removed by undo`);
      assert.equal(r.source, 'colleague-source', `file ${r.id}: the colleague's source was reverted by undo`);
    }
  });

  it('unknown (dropped after applying): a change a colleague made between the preview and the send is not undone', async () => {
    const ids = (await api.listFiles({ limit: 3 })).items.map((r) => r.id);
    const { record, report } = await runAction(
      ids,
      () => ids.forEach(colleagueWrites),
      {
        routes: { 'POST /files/update': { dropRate: 1, dropAfterHandling: true } },
      },
      AbortSignal.timeout(1500),
    );
    assert.equal(report.unknown.length, 3, 'every item ends unknown');
    const undo = await planUndoJob(classicBulkSource(api), record);
    await api.updateMany(undo.run.items, {});
    const after = await api.retrieveExisting(ids.map((id) => ({ id })));
    for (const r of after) {
      assert.equal(r.metadata?.colleague, 'was here', `file ${r.id}: the colleague's key was removed by undo`);
      assert.equal(r.source, 'colleague-source', `file ${r.id}: the colleague's source was reverted by undo`);
    }
  });
  it('unknown then resumed: a change a colleague made between the run and its resume is not undone', async () => {
    const ids = (await api.listFiles({ limit: 3 })).items.map((r) => r.id);
    // Run 1: every request dropped before it reaches the handler; cancelled: all `unknown`, none applied.
    const { record, report } = await runAction(
      ids,
      () => undefined,
      { routes: { 'POST /files/update': { dropRate: 1 } } },
      AbortSignal.timeout(1500),
    );
    assert.equal(report.unknown.length, 3, 'every item ends unknown');
    // A colleague writes elsewhere on the files (another key, another field).
    ids.forEach(colleagueWrites);
    // Resume: re-plan what is not done, send it (applied this time).
    const compiled = compileAction(CLASSIC_FILE_BULK, [{ op: 'metadataAdd', key: 'picked', value: 'yes' }]);
    assert.ok(compiled.ok);
    const plan = await planJob(classicBulkSource(api), record.target, compiled.action, {
      isDone: (r) => record.isDone(r),
    });
    assert.equal(plan.items.length, 3, 'nothing was applied, so the resume sends all three');
    record.beginRun(plan);
    const second = await api.updateMany(plan.items, {});
    record.addRun(plan, second);
    assert.equal(second.applied.length, 3);

    const undo = await planUndoJob(classicBulkSource(api), record);
    await api.updateMany(undo.run.items, {});
    const after = await api.retrieveExisting(ids.map((id) => ({ id })));
    for (const r of after) {
      assert.equal(r.metadata?.picked, undefined, 'the action is undone');
      assert.equal(r.metadata?.colleague, 'was here', `file ${r.id}: the colleague's key was removed by undo`);
      assert.equal(r.source, 'colleague-source', `file ${r.id}: the colleague's source was reverted by undo`);
    }
  });
});
