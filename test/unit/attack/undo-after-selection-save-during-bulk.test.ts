/**
 * Attack (issue 11, bulk jobs in core; race: saving a selection while a bulk job runs): a bulk edit is
 * planned (pre-images read, preview on screen); the user saves an "Edit Selection as JSON" document
 * that changes the SAME element on the same files (metadata key `picked`, and `source`); then the job
 * is sent and applied, and then undone. The bulk write itself overwrites the user's values (it planned
 * from the pre-images), and undo then restores the PLAN's pre-image, so the user's saved values are
 * gone for good: undo removes `picked` and puts back the source from before the user's save.
 * Expected: undo never reverts a concurrent change: what the file held just before the action wrote
 * ('mine') comes back, or the element is left alone and reported as a conflict; never the older value.
 * (Corrected with the fix: the test first sent the stale plan itself with `api.updateMany`; it now
 * sends it as the product does, through `BulkJobs.run`, which reads each chunk's files again.)
 */
import assert from 'node:assert/strict';
import { StaticTokenProvider } from '../../../src/cdf/auth/static-token';
import { filesApiOf } from '../../../src/app/files-api-adapter';
import { CdfClient } from '../../../src/cdf/client/cdf-client';
import type { FileRecord } from '../../../src/cdf/model';
import { compileAction } from '../../../src/core/bulk';
import { BulkActionRecord, BulkJobs, planJob, planUndoJob } from '../../../src/core/bulk';
import { documentFromRecord } from '../../../src/core/records';
import { saveSelection } from '../helpers/save-outcomes';
import type { FilesApi } from '../../../src/core/ports';
import { startEmulator, type RunningEmulator } from '../../../src/emulator';
import { CLASSIC_FILE_BULK } from '../../../src/core/classic-file';
import { classicBulkSource } from '../../../src/app';

describe('attack: undo after a selection save landed between a bulk preview and its send', () => {
  let emu: RunningEmulator;
  let api: FilesApi;
  before(async () => {
    emu = await startEmulator({ files: 20, seed: 9 });
    api = filesApiOf(
      new CdfClient({ baseUrl: emu.baseUrl, project: emu.project, tokenProvider: new StaticTokenProvider(emu.token) }),
    );
  });
  after(() => emu.close());

  it("the user's saved values are not lost to the undo", async () => {
    const records = (await api.listFiles({ limit: 2 })).items;
    const ids = records.map((r) => r.id);
    const compiled = compileAction(CLASSIC_FILE_BULK, [
      { op: 'metadataAdd', key: 'picked', value: 'bulk' },
      { op: 'set', field: 'source', value: 'bulk-source' },
    ] as never);
    assert.ok(compiled.ok, JSON.stringify(compiled));
    const target = { kind: 'ids' as const, label: 'picked', refs: ids.map((id) => ({ id })) };
    const plan = await planJob(classicBulkSource(api), target, compiled.action);
    assert.equal(plan.items.length, 2);

    // Preview on screen: the user saves a selection of the same files, same key, same field.
    const docs = records.map((r) => documentFromRecord(r) as Record<string, unknown>);
    for (const d of docs) {
      d.metadata = { ...(d.metadata as object), picked: 'mine' };
      d.source = 'mine-source';
    }
    const saved = await saveSelection({
      bases: new Map<number, FileRecord>(records.map((r) => [r.id, r])),
      text: JSON.stringify(docs, null, 2) + '\n',
      api,
      resolveConflicts: () => Promise.resolve('cancel'),
    });
    assert.equal(saved.kind, 'sent');

    // The job is sent as the product sends it (BulkJobs.run: each chunk's files read again just before it goes).
    const record = new BulkActionRecord(
      CLASSIC_FILE_BULK,
      { baseUrl: emu.baseUrl, project: emu.project },
      target,
      [],
      Date.now(),
    );
    const jobs = new BulkJobs({
      save: () => Promise.resolve(),
      load: () => Promise.resolve({ kind: 'none' }),
      clear: () => Promise.resolve(),
    });
    const report = await jobs.run({ kind: 'edit', target, operations: [], plan, record }, classicBulkSource(api));
    assert.equal(report.applied.length, 2);

    const undo = await planUndoJob(classicBulkSource(api), record);
    if (undo.run.items.length) await api.updateMany(undo.run.items, {});
    const after = await api.retrieveExisting(ids.map((id) => ({ id })));
    for (const r of after) {
      const conflictsHere = undo.plan.conflicts.some((c) => c.key === String(r.id));
      assert.ok(
        r.metadata?.picked === 'mine' || (r.metadata?.picked === 'bulk' && conflictsHere),
        `file ${r.id}: after undo metadata.picked is ${JSON.stringify(r.metadata?.picked)}; the user's saved 'mine' is lost`,
      );
      assert.ok(
        r.source === 'mine-source' || (r.source === 'bulk-source' && conflictsHere),
        `file ${r.id}: after undo source is ${JSON.stringify(r.source)}; the user's saved 'mine-source' is lost`,
      );
    }
  });
});
