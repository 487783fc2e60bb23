/**
 * A node's save (cognite-file-records-api.ts update()) reads the node right before its upsert and
 * refuses one that is gone. A node deleted and made again under its key since the save decided on it
 * is there too, and may be at the very version the save read (a new node counts from 1 again): an
 * upsert with that `existingVersion` is accepted by CDF and writes the old document's values over
 * someone else's new node. The read's createdTime tells it apart: refused, nothing sent.
 */
import assert from 'node:assert/strict';
import { StaticTokenProvider } from '../../../src/cdf/auth/static-token';
import { CdfClient } from '../../../src/cdf/client';
import { COGNITE_FILE_VIEW } from '../../../src/cdf/model';
import { cogniteFileRecordsApi } from '../../../src/app';
import { RecordsMissingError } from '../../../src/core/ports';
import { COGNITE_FILE } from '../../../src/core/records';
import { recordSaveRequest, saveRecords } from '../../../src/core/save';
import { client as http, useEmulator } from '../emulator/helpers';

describe('app: a node made again while its save was being decided is not overwritten', () => {
  const ctx = useEmulator({ files: 200, seed: 5 });

  it('refuses the save as deleted; the new node keeps its values', async () => {
    const { baseUrl, project, token } = ctx.emulator;
    const client = new CdfClient({ baseUrl, project, tokenProvider: new StaticTokenProvider(token) });
    const api = cogniteFileRecordsApi(client.models);
    const raw = http(ctx.emulator);
    const [ref] = (await client.models.listFileNodes({ limit: 1 })).items;
    const key = `${ref!.space}:${ref!.externalId}`;
    const node = { instanceType: 'node', space: ref!.space, externalId: ref!.externalId };
    const write = async (properties: object) => {
      const res = await raw.post('/models/instances', {
        items: [{ ...node, sources: [{ source: COGNITE_FILE_VIEW, properties }] }],
      });
      assert.equal(res.status, 200, JSON.stringify(res.body));
    };
    const [base] = await api.retrieve([key]);
    await write({ description: 'theirs' }); // a colleague writes: the save reads and merges again
    const decidedAt = ctx.emulator.store.nodes.get(key)!.version;

    // Right after the save decided (on its last read) and before update() reads and sends, the
    // colleague deletes the node, makes it again, and writes it until it is at the version decided on.
    const update: typeof api.update = async (items, signal) => {
      assert.equal((await raw.post('/models/instances/delete', { items: [node] })).status, 200);
      await new Promise((resolve) => setTimeout(resolve, 5)); // another createdTime
      await write({ name: 'new node.pdf', description: 'made again' });
      while (ctx.emulator.store.nodes.get(key)!.version < decidedAt) await write({ tags: ['theirs'] });
      assert.equal(ctx.emulator.store.nodes.get(key)!.version, decidedAt, 'the new node at the version decided on');
      return api.update(items, signal);
    };
    const doc = { ...COGNITE_FILE.document.render(base!), name: 'mine.pdf' };
    const outcome = await saveRecords(
      recordSaveRequest({
        kind: COGNITE_FILE,
        base: base!,
        text: JSON.stringify(doc, null, 2),
        api: { ...api, update },
        resolveConflicts: () => Promise.resolve('cancel' as const),
      }),
    ).catch((e: unknown) => e);

    const [after] = await api.retrieve([key]);
    assert.equal(after!.name, 'new node.pdf', `the new node was overwritten (${String(outcome)})`);
    assert.equal(after!.description, 'made again');
    assert.ok(outcome instanceof RecordsMissingError, `refused as deleted, not ${String(outcome)}`);
    assert.match(outcome.message, /deleted/);
  });
});
