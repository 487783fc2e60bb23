/**
 * Attack (issue 11, bulk jobs in core; resume/undo after the restructure): Resume refuses a CSV
 * import with "import the same file again to finish it (rows already applied plan no change). Undo
 * still works." Following that advice replaces the kept action with the re-import, which holds only
 * the rows that were still missing: Undo then restores those rows and silently leaves the rows the
 * first, partial run applied, although the user did one import of one file.
 * Expected: after "import the same file again to finish it", Undo restores every row of the import
 * (or the refusal does not promise that undo still works for the whole import).
 */
import assert from 'node:assert/strict';
import { StaticTokenProvider } from '../../../src/cdf/auth/static-token';
import { filesApiOf } from '../../../src/app/files-api-adapter';
import { CdfClient } from '../../../src/cdf/client/cdf-client';
import { parseChangesCsv } from '../../../src/core/bulk';
import { BulkJobs, planImport, resumeRefusal } from '../../../src/core/bulk';
import type { ActionStore, LoadedAction } from '../../../src/core/bulk';
import type { BulkActionRecord } from '../../../src/core/bulk';
import type { FilesApi } from '../../../src/core/ports';
import { startEmulator, type RunningEmulator } from '../../../src/emulator';
import { CLASSIC_FILE_BULK } from '../../../src/core/classic-file';
import { classicBulkSource } from '../../../src/app';

class MemoryStore implements ActionStore {
  record: BulkActionRecord | undefined;
  save(r: BulkActionRecord) {
    this.record = r;
    return Promise.resolve();
  }
  load(): Promise<LoadedAction> {
    return Promise.resolve(this.record ? { kind: 'found', record: this.record } : { kind: 'none' });
  }
  clear() {
    this.record = undefined;
    return Promise.resolve();
  }
}

describe('attack: finishing an interrupted CSV import as Resume advises', () => {
  let emu: RunningEmulator;
  let api: FilesApi;
  before(async () => {
    emu = await startEmulator({ files: 20, seed: 4 });
    api = filesApiOf(
      new CdfClient({ baseUrl: emu.baseUrl, project: emu.project, tokenProvider: new StaticTokenProvider(emu.token) }),
    );
  });
  after(() => emu.close());

  it('undo after the re-import restores every row of the import', async () => {
    const records = (await api.listFiles({ limit: 2 })).items;
    const [a, b] = records;
    const csv = `id,source\n${a!.id},imported-a\n${b!.id},imported-b\n`;
    const imported = parseChangesCsv(CLASSIC_FILE_BULK, csv);
    assert.deepEqual(imported.problems, []);
    const scope = { ...classicBulkSource(api), project: { baseUrl: emu.baseUrl, project: emu.project } };
    const jobs = new BulkJobs(new MemoryStore());

    // Run 1 is interrupted after the first file: here, only the first row's item reaches CDF.
    const first = await planImport(classicBulkSource(api), imported, 'changes.csv');
    const job1 = jobs.importJob(scope, first.target, first.plan);
    const interrupted = { ...job1, plan: { ...job1.plan, items: job1.plan.items.slice(0, 1) } };
    await jobs.run(interrupted, classicBulkSource(api));
    assert.ok(resumeRefusal(jobs.last!), 'resume of an import is refused with the advice to import again');

    // As advised: import the same file again.
    const second = await planImport(classicBulkSource(api), imported, 'changes.csv');
    assert.equal(second.plan.items.length, 1, 'the applied row plans no change');
    await jobs.run(jobs.importJob(scope, second.target, second.plan), classicBulkSource(api));

    // Undo.
    const { job } = await jobs.planUndo(scope);
    await jobs.run(job, classicBulkSource(api));
    const after = await api.retrieveExisting(records.map((r) => ({ id: r.id })));
    assert.deepEqual(
      after.map((r) => r.source),
      records.map((r) => r.source),
      'undo restored only the rows of the re-import; the first run of the same import stays applied',
    );
  });
});
