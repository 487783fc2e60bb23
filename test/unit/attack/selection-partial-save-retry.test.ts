/**
 * Attack (Edit Selection as JSON, read-only fields vs base): after a selection save where some files
 * were applied and others failed, SelectionFiles.save keeps the user's text ("Your edits are kept;
 * save again to retry them") and moves the applied files' bases to the records CDF returned. The kept
 * text still holds the applied files' OLD lastUpdatedTime, so the retry is refused at that element
 * ("lastUpdatedTime is read-only; put back ...") although the user changed nothing there.
 * Expected: saving the same text again (with the failing part fixed) plans only what is still missing.
 */
import assert from 'node:assert/strict';
import { StaticTokenProvider } from '../../../src/cdf/auth/static-token';
import { CdfClient } from '../../../src/cdf/client/cdf-client';
import { filesApiOf } from '../../../src/app/files-api-adapter';
import type { FileRecord } from '../../../src/cdf/model';
import { documentFromRecord } from '../../../src/core/records';
import { planSelectionSave } from '../helpers/classic-save';
import { saveSelection } from '../helpers/save-outcomes';
import { startEmulator, type RunningEmulator } from '../../../src/emulator';

describe('attack: retrying a partially applied selection save', () => {
  let emu: RunningEmulator;
  let client: CdfClient;
  before(async () => {
    emu = await startEmulator({ files: 20, seed: 3 });
    client = new CdfClient({
      baseUrl: emu.baseUrl,
      project: emu.project,
      tokenProvider: new StaticTokenProvider(emu.token),
    });
  });
  after(() => emu.close());

  it('"save again to retry" is not refused for the files that were already applied', async () => {
    const bulk = filesApiOf(client);
    const api = filesApiOf(client);
    const records = (await client.listFilesPage({ limit: 2 })).items;
    const bases = new Map<number, FileRecord>(records.map((r) => [r.id, r]));
    const docs = records.map((r) => documentFromRecord(r) as Record<string, unknown>);
    docs[0]!.source = 'edited-0';
    docs[1]!.labels = [{ externalId: 'no-such-label' }]; // this one fails
    const outcome = await saveSelection({
      bases,
      text: JSON.stringify(docs, null, 2) + '\n',
      api: {
        retrieveExisting: (refs, s) => api.retrieveExisting(refs, s),
        updateMany: (i, o) => bulk.updateMany(i, o),
      },
      resolveConflicts: () => Promise.resolve('theirs'),
    });
    assert.equal(outcome.kind, 'sent');
    if (outcome.kind !== 'sent') return;
    assert.equal(outcome.report.applied.length, 1);
    assert.equal(outcome.report.failed.length, 1);
    // As SelectionFiles.save does: an applied file's base is what the kept text shows of it (it was
    // outcome.records, CDF's answers, when this attack was written: a base the text never showed).
    for (const r of outcome.shown) bases.set(r.id, r);

    docs[1]!.labels = []; // the user fixes the failing element and saves the kept text again
    const retry = planSelectionSave(bases, JSON.stringify(docs, null, 2) + '\n');
    assert.deepEqual(
      retry.problems.map((p) => p.message),
      [],
      'the applied element is refused only because its lastUpdatedTime is the one it was opened with',
    );
    // Only what is still missing: nothing for the applied element.
    assert.deepEqual(
      retry.changes.map((c) => c.base.id).filter((id) => id === records[0]!.id),
      [],
    );
  });
});
