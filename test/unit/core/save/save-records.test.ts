/**
 * The one save for N records: a selection's save follows a record's rules, element by element.
 * Against the emulator over real HTTP.
 */
import assert from 'node:assert/strict';
import { StaticTokenProvider } from '../../../../src/cdf/auth/static-token';
import { CdfClient } from '../../../../src/cdf/client/cdf-client';
import { filesApiOf } from '../../../../src/app/files-api-adapter';
import type { FileRecord } from '../../../../src/cdf/model';
import { documentFromRecord } from '../../../../src/core/records';
import { type SelectionConflict } from '../../helpers/classic-save';
import { saveSelection } from '../../helpers/save-outcomes';
import { startEmulator, type RunningEmulator } from '../../../../src/emulator';

describe('one save for a record and a selection', () => {
  let emulator: RunningEmulator;
  let client: CdfClient;
  let records: FileRecord[];

  before(async () => {
    emulator = await startEmulator({ files: 60, seed: 8 });
    client = new CdfClient({
      baseUrl: emulator.baseUrl,
      project: emulator.project,
      tokenProvider: new StaticTokenProvider('demo'),
    });
    records = (await client.listFilesPage({ limit: 60 })).items.filter((r) => !r.instanceId && r.source).slice(0, 3);
  });
  after(() => emulator.close());

  const api = () => filesApiOf(client);
  const text = (change: (docs: Record<string, unknown>[]) => void) => {
    const docs = records.map((r) => documentFromRecord(r) as Record<string, unknown>);
    change(docs);
    return JSON.stringify(docs, null, 2) + '\n';
  };

  it('names per file the fields a merge brought in, as the save of one record does', async () => {
    await client.updateFilesOnce([{ id: records[1]!.id, update: { mimeType: { set: 'text/x-theirs' } } }]);
    const outcome = await saveSelection({
      bases: new Map(records.map((r) => [r.id, r])),
      text: text((d) => {
        d[0]!.directory = '/alone';
        d[1]!.directory = '/merged';
      }),
      api: api(),
      resolveConflicts: () => Promise.reject(new Error('no conflict expected')),
    });
    assert.equal(outcome.kind, 'sent');
    assert.deepEqual(
      outcome.kind === 'sent' && outcome.results.map((r) => [r.base.id, r.status, r.merged, r.broughtIn]),
      [
        [records[0]!.id, 'saved', false, []],
        [records[1]!.id, 'saved', true, ['mimeType']],
      ],
    );
  });

  it('asks about a selection with what choosing mine would save, as a record does', async () => {
    await client.updateFilesOnce([
      { id: records[2]!.id, update: { source: { set: 'Theirs' }, mimeType: { set: 'text/x-other' } } },
    ]);
    let asked: SelectionConflict[] = [];
    const outcome = await saveSelection({
      bases: new Map(records.map((r) => [r.id, r])),
      text: text((d) => (d[2]!.source = 'Mine')),
      api: api(),
      resolveConflicts: (c) => {
        asked = c;
        return Promise.resolve('cancel');
      },
    });
    assert.equal(outcome.kind, 'cancelled');
    assert.deepEqual(
      asked.map((c) => [c.file.source, c.wouldSave.source, c.wouldSave.mimeType]),
      [['Theirs', 'Mine', 'text/x-other']],
    );
  });
});
