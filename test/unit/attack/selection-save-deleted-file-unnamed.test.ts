/**
 * Attack (issue 11, one save for N records; a record deleted mid-session): in an "Edit Selection as
 * JSON" document of several files, one edited file is deleted in CDF before the save. The save's
 * re-read throws for the whole selection, and the one failure the user sees says "the file no longer
 * exists in CDF (it was deleted)" without saying WHICH of the selection's files; its diagnostic goes
 * on the first line (there is no per-element placement for it). Nothing of the other files is saved,
 * so the user must find the deleted element by hand.
 * Expected: the failure names the deleted file (its id or name), so the user can remove that element.
 * (Corrected on t-fix-save: the save now saves the other files and reports the deleted one per
 * record, so the words come from the per-record report, not from an error thrown for the whole save.)
 */
import assert from 'node:assert/strict';
import { failuresOf } from '../../../src/app/describe-save-results';
import { StaticTokenProvider } from '../../../src/cdf/auth/static-token';
import { filesApiOf } from '../../../src/app/files-api-adapter';
import { CdfClient } from '../../../src/cdf/client/cdf-client';
import type { FileRecord } from '../../../src/cdf/model';
import { documentFromRecord } from '../../../src/core/records';
import { saveRecords } from '../../../src/core/save';
import { selectionSaveRequest } from '../helpers/classic-save';
import { startEmulator, type RunningEmulator } from '../../../src/emulator';

describe('attack: a selection save when one of its edited files was deleted', () => {
  let emu: RunningEmulator;
  let client: CdfClient;
  before(async () => {
    emu = await startEmulator({ files: 10, seed: 5 });
    client = new CdfClient({
      baseUrl: emu.baseUrl,
      project: emu.project,
      tokenProvider: new StaticTokenProvider(emu.token),
    });
  });
  after(() => emu.close());

  it('says which file of the selection is gone', async () => {
    const records = (await client.listFilesPage({ limit: 3 })).items;
    const docs = records.map((r) => documentFromRecord(r) as Record<string, unknown>);
    docs.forEach((d, i) => (d.metadata = { ...(d.metadata as object), edited: `yes ${i}` }));
    const gone = records[1]!;
    (emu.store.files as unknown as { delete(id: number): void }).delete(gone.id);
    const outcome = await saveRecords(
      selectionSaveRequest({
        bases: new Map<number, FileRecord>(records.map((r) => [r.id, r])),
        text: JSON.stringify(docs, null, 2) + '\n',
        api: filesApiOf(client),
        resolveConflicts: () => Promise.resolve('cancel'),
      }),
    );
    assert.equal(outcome.kind, 'done');
    const failures = outcome.kind === 'done' ? failuresOf(outcome.results) : [];
    assert.deepEqual(
      failures.map((f) => [f.key, f.code]),
      [[String(gone.id), 'record-deleted']],
      'only the deleted file is refused, and it is named',
    );
    for (const [i, r] of records.entries())
      if (r.id !== gone.id)
        assert.equal(
          (emu.store.files.get(r.id) as FileRecord).metadata?.edited,
          `yes ${i}`,
          'the other files are saved',
        );
  });
});
