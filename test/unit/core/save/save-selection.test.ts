import assert from 'node:assert/strict';
import { StaticTokenProvider } from '../../../../src/cdf/auth/static-token';
import { CdfClient } from '../../../../src/cdf/client/cdf-client';
import type { FileRecord } from '../../../../src/cdf/model';
import { documentFromRecord } from '../../../../src/core/records';
import { planSelectionSave } from '../../helpers/classic-save';
import { type SelectionConflict } from '../../helpers/classic-save';
import { saveSelection } from '../../helpers/save-outcomes';
import { startEmulator, type RunningEmulator } from '../../../../src/emulator';

const render = (records: FileRecord[]) => JSON.stringify(records.map(documentFromRecord), null, 2) + '\n';

describe('edit a selection as one JSON array', () => {
  let emulator: RunningEmulator;
  let client: CdfClient;
  let records: FileRecord[];

  before(async () => {
    emulator = await startEmulator({ files: 200, seed: 3 });
    client = new CdfClient({
      baseUrl: emulator.baseUrl,
      project: emulator.project,
      tokenProvider: new StaticTokenProvider('demo'),
    });
    records = (await client.listFilesPage({ limit: 200 })).items.filter((r) => !r.instanceId && r.source).slice(0, 3);
  });
  after(() => emulator.close());

  const bases = () => new Map(records.map((r) => [r.id, r]));
  const api = () => ({
    retrieveExisting: (refs: { id: number }[]) => client.retrieveFiles(refs, { ignoreUnknownIds: true }),
    updateMany: (items: Parameters<CdfClient['updateFiles']>[0], o: Parameters<CdfClient['updateFiles']>[1]) =>
      client.updateFiles(items, o),
  });
  const edited = (change: (docs: Record<string, unknown>[]) => void) => {
    const docs = JSON.parse(render(records)) as Record<string, unknown>[];
    change(docs);
    return JSON.stringify(docs, null, 2);
  };

  it('reports each problem at its element, and plans nothing then', () => {
    const plan = planSelectionSave(
      bases(),
      edited((d) => (d[1]!.source = 5)),
    );
    assert.equal(plan.ok, false);
    assert.deepEqual(plan.problems[0]!.path, [1, 'source']);
    const foreign = planSelectionSave(
      bases(),
      edited((d) => (d[2]!.id = 1)),
    );
    assert.deepEqual(foreign.problems[0]!.path, [2, 'id']);
    assert.match(foreign.problems[0]!.message, /not part of this selection/);
  });

  it('treats an element removed from the array as no change', () => {
    const plan = planSelectionSave(
      bases(),
      edited((d) => d.splice(1, 1)),
    );
    assert.ok(plan.ok);
    assert.equal(plan.changes.length, 0);
  });

  it('refuses two elements with swapped ids and changes nothing on the server', async () => {
    const before = await client.retrieveFiles(records.map((r) => ({ id: r.id })));
    emulator.clearRequests();
    const text = edited((d) => {
      // With the other read-only fields deleted, the swap shows in the ids, and each element is
      // refused as a whole too: it no longer carries the evidence of which file it is.
      for (const doc of d)
        for (const field of ['name', 'uploaded', 'uploadedTime', 'createdTime', 'lastUpdatedTime']) delete doc[field];
      [d[0]!.id, d[1]!.id] = [d[1]!.id, d[0]!.id];
      d[0]!.source = 'meant for the first file';
    });
    const outcome = await saveSelection({
      bases: bases(),
      text,
      api: api(),
      resolveConflicts: () => Promise.reject(new Error('nothing should be asked')),
    });
    assert.equal(outcome.kind, 'invalid');
    const problems = outcome.kind === 'invalid' ? outcome.problems : [];
    assert.deepEqual(
      problems.filter((p) => p.path.length === 2).map((p) => [p.path, text.slice(p.offset, p.offset! + p.length!)]),
      [
        [[0, 'id'], String(records[1]!.id)],
        [[1, 'id'], String(records[0]!.id)],
      ],
    );
    assert.deepEqual(
      problems.filter((p) => p.path.length === 1).map((p) => [p.path, /has lost its read-only fields/.test(p.message)]),
      records.map((_, i) => [[i], true]),
    );
    assert.deepEqual(
      emulator.requests.map((r) => r.path),
      [],
      'nothing sent, not even a read',
    );
    assert.deepEqual(await client.retrieveFiles(records.map((r) => ({ id: r.id }))), before);
  });

  it('sends one batched request with the minimal update of each changed element', async () => {
    emulator.clearRequests();
    const outcome = await saveSelection({
      bases: bases(),
      text: edited((d) => {
        d[0]!.source = 'Selection A';
        d[2]!.metadata = { ...(d[2]!.metadata as object), checked: 'yes' };
      }),
      api: api(),
      resolveConflicts: () => Promise.reject(new Error('no conflict expected')),
    });
    assert.equal(outcome.kind, 'sent');
    const updates = emulator.requests.filter((r) => r.path.endsWith('/files/update'));
    assert.equal(updates.length, 1);
    assert.deepEqual(updates[0]!.body, {
      items: [
        { id: records[0]!.id, update: { source: { set: 'Selection A' } } },
        { id: records[2]!.id, update: { metadata: { add: { checked: 'yes' } } } },
      ],
    });
    if (outcome.kind === 'sent') for (const r of outcome.records) records[records.findIndex((x) => x.id === r.id)] = r;
  });

  it('merges a concurrent change to another field and asks once about the same field', async () => {
    await client.updateFilesOnce([
      { id: records[0]!.id, update: { mimeType: { set: 'text/x-other' } } },
      { id: records[1]!.id, update: { source: { set: 'Theirs' } } },
    ]);
    let asked: SelectionConflict[] = [];
    const outcome = await saveSelection({
      bases: bases(),
      text: edited((d) => {
        d[0]!.directory = '/selection/merged';
        d[1]!.source = 'Mine';
      }),
      api: api(),
      resolveConflicts: (c) => {
        asked = c;
        return Promise.resolve('overwrite');
      },
    });
    assert.equal(outcome.kind, 'sent');
    assert.deepEqual(
      asked.map((c) => [c.file.id, c.conflicts.map((x) => x.field)]),
      [[records[1]!.id, ['source']]],
    );
    const [a, b] = await client.retrieveFiles([{ id: records[0]!.id }, { id: records[1]!.id }]);
    assert.equal(a!.mimeType, 'text/x-other', 'their change kept');
    assert.equal(a!.directory, '/selection/merged');
    assert.equal(b!.source, 'Mine', 'overwrite chose mine');
  });
});
