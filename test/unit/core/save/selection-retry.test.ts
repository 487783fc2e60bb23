/**
 * "Save again to retry" after a partly applied selection save, with the bases kept the way
 * SelectionFiles keeps them (a TextBase per file, picked by each element's lastUpdatedTime): the retry
 * sends only what is still missing, and keeps what a colleague added meanwhile.
 */
import { CLASSIC_FILE } from '../../../../src/core/records';
import assert from 'node:assert/strict';
import { StaticTokenProvider } from '../../../../src/cdf/auth/static-token';
import { CdfClient } from '../../../../src/cdf/client/cdf-client';
import { filesApiOf } from '../../../../src/app/files-api-adapter';
import type { FileUpdateItem } from '../../../../src/cdf/model';
import { documentFromRecord } from '../../../../src/core/records';
import { saveSelection } from '../../helpers/save-outcomes';
import { TextBase } from '../../../../src/core/save';
import { lastUpdatedTimesById } from '../../helpers/classic-save';
import { startEmulator, type RunningEmulator } from '../../../../src/emulator';

describe('retrying a partly applied selection save', () => {
  let emu: RunningEmulator;
  let client: CdfClient;
  before(async () => {
    emu = await startEmulator({ files: 20, seed: 6 });
    client = new CdfClient({
      baseUrl: emu.baseUrl,
      project: emu.project,
      tokenProvider: new StaticTokenProvider(emu.token),
    });
  });
  after(() => emu.close());

  it('sends only what is still missing and keeps a key a colleague added to the applied file', async () => {
    const records = (await client.listFilesPage({ limit: 20 })).items.filter((r) => !r.instanceId).slice(0, 2);
    const known = new Map(records.map((r) => [r.id, new TextBase(CLASSIC_FILE, r)]));
    const sent: FileUpdateItem[][] = [];
    const bulk = filesApiOf(client);
    const files = filesApiOf(client);
    const save = async (text: string) => {
      const times = lastUpdatedTimesById(text);
      const outcome = await saveSelection({
        bases: new Map([...known].map(([id, b]) => [id, b.baseAt(times.get(id))])),
        text,
        api: {
          retrieveExisting: (refs, s) => files.retrieveExisting(refs, s),
          updateMany: (items, o) => (sent.push(items), bulk.updateMany(items, o)),
        },
        resolveConflicts: () => Promise.resolve('theirs'),
      });
      if (outcome.kind === 'sent') {
        const shown = new Map(outcome.shown.map((r) => [r.id, r]));
        for (const r of outcome.records) known.get(r.id)!.saved(shown.get(r.id)!, r, false);
      }
      return outcome;
    };
    const docs = records.map((r) => documentFromRecord(r) as Record<string, unknown>);
    docs[0]!.source = 'edited-0';
    docs[1]!.labels = [{ externalId: 'no-such-label' }];
    const first = await save(JSON.stringify(docs, null, 2));
    assert.ok(first.kind === 'sent' && first.report.applied.length === 1 && first.report.failed.length === 1);

    await client.updateFilesOnce([{ id: records[0]!.id, update: { metadata: { add: { colleague: 'keep me' } } } }]);
    docs[1]!.labels = documentFromRecord(records[1]!).labels; // the failing part fixed
    docs[1]!.directory = '/retried';
    sent.length = 0;
    const retry = await save(JSON.stringify(docs, null, 2));
    assert.equal(retry.kind, 'sent', JSON.stringify(retry));
    assert.deepEqual(sent, [[{ id: records[1]!.id, update: { directory: { set: '/retried' } } }]]);
    const [zero] = await client.retrieveFiles([{ id: records[0]!.id }]);
    assert.equal(zero!.metadata?.colleague, 'keep me');
    assert.equal(zero!.source, 'edited-0');
  });
});
