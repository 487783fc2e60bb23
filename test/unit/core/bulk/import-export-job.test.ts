/**
 * CSV export and import through core's job loop (src/core/bulk/job/export-job.ts, plan-import.ts),
 * on plain Node against the emulator over HTTP: what the editor's Export and Import commands run.
 */
import assert from 'node:assert/strict';
import { StaticTokenProvider } from '../../../../src/cdf/auth/static-token';
import { filesApiOf } from '../../../../src/app/files-api-adapter';
import { CdfClient } from '../../../../src/cdf/client/cdf-client';
import { parseChangesCsv } from '../../../../src/core/bulk';
import { exportTarget, planImport, type BulkTarget } from '../../../../src/core/bulk';
import type { FilesApi } from '../../../../src/core/ports';
import { startEmulator, type RunningEmulator } from '../../../../src/emulator';
import { CLASSIC_FILE_BULK } from '../../../../src/core/classic-file';
import { classicBulkSource } from '../../../../src/app';

describe('export and import jobs against the emulator', () => {
  let emu: RunningEmulator;
  let api: FilesApi;
  before(async () => {
    emu = await startEmulator({ files: 30, seed: 3 });
    api = filesApiOf(
      new CdfClient({ baseUrl: emu.baseUrl, project: emu.project, tokenProvider: new StaticTokenProvider(emu.token) }),
    );
  });
  after(() => emu.close());

  it('exports as CSV, and the same CSV edited imports as one change plus one missing row', async () => {
    const files = [...emu.store.files.values()].filter((r) => !r.instanceId).slice(0, 5);
    const target: BulkTarget = { kind: 'ids', label: '5 files', refs: files.map((r) => ({ id: r.id })) };
    let text = '';
    const counts: number[] = [];
    const written = await exportTarget(
      classicBulkSource(api),
      target,
      'csv',
      (t) => Promise.resolve(void (text += t)),
      {
        onCount: (n) => counts.push(n),
      },
    );
    assert.equal(written, 5);
    assert.deepEqual(counts, [5]);
    const exported = parseChangesCsv(CLASSIC_FILE_BULK, text);
    assert.deepEqual(exported.problems, []);
    assert.deepEqual(
      exported.rows.map((r) => r.target),
      files.map((r) => ({ id: r.id })),
    );

    // The unchanged export plans nothing; a changed cell plans that file; a row of no file is missing.
    const same = await planImport(classicBulkSource(api), exported, 'files.csv');
    assert.equal(same.plan.counts.changed, 0);
    assert.equal(same.target.label, '5 rows of files.csv');
    const edited = parseChangesCsv(
      CLASSIC_FILE_BULK,
      `id,source\n${files[0]!.id},edited by import\n${files[1]!.id},\n999999999,nobody\n`,
    );
    const job = await planImport(classicBulkSource(api), edited, 'edited.csv');
    assert.deepEqual(
      job.plan.changes.map((c) => [c.before.id, c.after.source]),
      [[files[0]!.id, 'edited by import']],
    );
    assert.deepEqual(job.plan.missing, [{ id: 999999999 }]);
  });

  it('exports JSON Lines, one record a line, as the API returns it', async () => {
    const lines: string[] = [];
    const target: BulkTarget = { kind: 'filter', label: 'all', filter: {} };
    const written = await exportTarget(classicBulkSource(api), target, 'jsonl', (t) =>
      Promise.resolve(void lines.push(t)),
    );
    const records = lines
      .join('')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { id: number });
    assert.equal(written, emu.store.files.size);
    assert.equal(new Set(records.map((r) => r.id)).size, emu.store.files.size);
  });
});
