import assert from 'node:assert/strict';
import { StaticTokenProvider } from '../../../../src/cdf/auth/static-token';
import { CdfClient } from '../../../../src/cdf/client/cdf-client';
import { filesApiOf } from '../../../../src/app/files-api-adapter';
import type { FileRecord, FileUpdateItem } from '../../../../src/cdf/model';
import { renderDocument } from '../../../../src/core/records';
import { saveRecord } from '../../helpers/save-outcomes';
import { startEmulator, type RunningEmulator } from '../../../../src/emulator';

describe('saving one record: what a merge brought in', () => {
  let emulator: RunningEmulator;
  let client: CdfClient;
  let records: FileRecord[];

  before(async () => {
    emulator = await startEmulator({ files: 60, seed: 5 });
    client = new CdfClient({
      baseUrl: emulator.baseUrl,
      project: emulator.project,
      tokenProvider: new StaticTokenProvider('demo'),
    });
    records = (await client.listFilesPage({ limit: 60 })).items.filter((r) => !r.instanceId && r.source);
  });
  after(() => emulator.close());

  const edit = (record: FileRecord, change: (doc: Record<string, unknown>) => void) => {
    const doc = JSON.parse(renderDocument(record)) as Record<string, unknown>;
    change(doc);
    return JSON.stringify(doc, null, 2);
  };
  const otherClient = (id: number, update: FileUpdateItem['update']) => client.updateFiles([{ id, update }]);

  it('names nothing when nobody else wrote', async () => {
    const base = records[0]!;
    const outcome = await saveRecord({
      base,
      text: edit(base, (d) => (d.directory = '/alone')),
      api: filesApiOf(client),
      resolveConflicts: () => Promise.reject(new Error('no conflict expected')),
    });
    assert.equal(outcome.kind, 'saved');
    assert.deepEqual(outcome.kind === 'saved' && outcome.broughtIn, []);
  });

  it('names the fields someone else changed that the save kept', async () => {
    const base = records[1]!;
    await otherClient(base.id, { mimeType: { set: 'text/x-theirs' } });
    const outcome = await saveRecord({
      base,
      text: edit(base, (d) => (d.directory = '/merged')),
      api: filesApiOf(client),
      resolveConflicts: () => Promise.reject(new Error('no conflict expected')),
    });
    assert.equal(outcome.kind, 'saved');
    assert.ok(outcome.kind === 'saved' && outcome.merged);
    assert.deepEqual(outcome.kind === 'saved' && outcome.broughtIn, ['mimeType']);
  });

  it('asks with what choosing mine would save, and names the conflicting field when theirs is kept', async () => {
    const base = records[2]!;
    await otherClient(base.id, { source: { set: 'their source' }, mimeType: { set: 'text/x-theirs' } });
    let wouldSave: FileRecord | undefined;
    const outcome = await saveRecord({
      base,
      text: edit(base, (d) => (d.source = 'my source')),
      api: filesApiOf(client),
      resolveConflicts: (_c, _theirs, _mine, merged) => {
        wouldSave = merged;
        return Promise.resolve('theirs');
      },
    });
    assert.equal(wouldSave?.source, 'my source', 'the comparison shows my value on the conflicting field');
    assert.equal(wouldSave?.mimeType, 'text/x-theirs', 'and their other change, merged');
    assert.equal(outcome.kind, 'up-to-date');
    assert.deepEqual(outcome.kind === 'up-to-date' && [...outcome.broughtIn].sort(), ['mimeType', 'source']);
  });
});
