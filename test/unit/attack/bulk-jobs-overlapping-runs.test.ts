/**
 * Attack (issue 11, bulk jobs in core; race: a second job while one runs): BulkJobs.run sets `last`
 * to the job it starts and keeps it in the store before and after sending. Nothing stops a second
 * job while the first is still sending (the controller has no guard; the progress notification is
 * not modal). Edit A (slow) and edit B overlap: B becomes `last` in memory, then A finishes and
 * writes ITSELF to the store. Memory says B, the store says A: Undo undoes B now, but after a window
 * reload it undoes A, and B (the user's last action) can no longer be undone. The same happens with
 * an Undo started while A runs: the undo clears the store, then A's end puts A back.
 * Expected: the store and `last` agree on the last action started (or a second job is refused while
 * one runs). The fix refuses a second job while one runs; this test was made deterministic (A is
 * slow for its whole run, B is started while A is surely still sending) and checks the refusal.
 */
import assert from 'node:assert/strict';
import { StaticTokenProvider } from '../../../src/cdf/auth/static-token';
import { filesApiOf } from '../../../src/app/files-api-adapter';
import { CdfClient } from '../../../src/cdf/client/cdf-client';
import { BulkJobs } from '../../../src/core/bulk';
import { MemoryStore } from '../support/memory-action-store';
import type { FilesApi } from '../../../src/core/ports';
import { startEmulator, type RunningEmulator } from '../../../src/emulator';
import { classicBulkSource } from '../../../src/app';

describe('attack: two bulk jobs that overlap', () => {
  let emu: RunningEmulator;
  let api: FilesApi;
  before(async () => {
    emu = await startEmulator({ files: 20, seed: 8 });
    api = filesApiOf(
      new CdfClient({ baseUrl: emu.baseUrl, project: emu.project, tokenProvider: new StaticTokenProvider(emu.token) }),
    );
  });
  after(() => emu.close());

  it('the kept action is the last one started', async () => {
    const ids = (await api.listFiles({ limit: 4 })).items.map((r) => r.id);
    const scope = { ...classicBulkSource(api), project: { baseUrl: emu.baseUrl, project: emu.project } };
    const store = new MemoryStore();
    const jobs = new BulkJobs(store);
    const target = (part: number[]) => ({
      kind: 'ids' as const,
      label: `files ${part.join(',')}`,
      refs: part.map((id) => ({ id })),
    });
    const a = await jobs.planEdit(scope, target(ids.slice(0, 2)), [{ op: 'metadataAdd', key: 'job', value: 'A' }]);
    const b = await jobs.planEdit(scope, target(ids.slice(2)), [{ op: 'metadataAdd', key: 'job', value: 'B' }]);
    emu.setFaults({ routes: { 'POST /files/update': { latencyMs: 400 } } });
    const runA = jobs.run(a, classicBulkSource(api));
    // While A is being sent, a second job (and an undo) is refused with a plain sentence; nothing of it is sent.
    await assert.rejects(
      jobs.run(b, classicBulkSource(api)),
      /A bulk action \("files [\d,]+"\) is still running in this window/,
    );
    await assert.rejects(jobs.planUndo(scope), /is still running in this window/);
    await runA;
    emu.setFaults(undefined);
    assert.equal(jobs.last, a.record, 'in memory, the last action is A');
    assert.equal(store.saved, jobs.last, 'the store holds the same action as memory');
    for (const id of ids.slice(2)) assert.equal(emu.store.files.get(id)?.metadata?.job, undefined, 'B sent nothing');

    // Once A has ended, B runs and becomes the kept action, in memory and in the store.
    await jobs.run(b, classicBulkSource(api));
    assert.equal(jobs.last, b.record, 'in memory, the last action is B');
    assert.equal(store.saved, jobs.last, 'the store (what Undo uses after a window reload) holds the same action');
  });
});
