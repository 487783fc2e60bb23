import assert from 'node:assert/strict';
import { StaticTokenProvider } from '../../../src/cdf/auth/static-token';
import { CdfClient } from '../../../src/cdf/client/cdf-client';
import { connectionBaseUrl } from '../../../src/cdf/client/connection';
import { CdfApiError } from '../../../src/cdf/client/errors';
import { filesApiOf } from '../../../src/app/files-api-adapter';
import type { FilesApi } from '../../../src/core/ports';
import { startEmulator, type RunningEmulator } from '../../../src/emulator';

describe('the editor port (FilesApi) served by the client, against the emulator', () => {
  let emu: RunningEmulator;
  let api: FilesApi;

  before(async () => {
    emu = await startEmulator({ files: 120, seed: 3 });
    api = filesApiOf(
      new CdfClient({ baseUrl: emu.baseUrl, project: emu.project, tokenProvider: new StaticTokenProvider(emu.token) }),
    );
  });
  after(() => emu.close());

  it('lists a page with a cursor, counts, and retrieves in order', async () => {
    const page = await api.listFiles({ limit: 50 });
    assert.equal(page.items.length, 50);
    assert.ok(page.nextCursor);
    assert.equal(await api.countFiles({}), 120);
    const ids = page.items
      .slice(0, 3)
      .map((f) => f.id)
      .reverse();
    assert.deepEqual(
      (await api.retrieveFiles(ids)).map((f) => f.id),
      ids,
    );
  });

  it('saves one all-or-nothing update and throws the API error for a missing file', async () => {
    const [first] = (await api.listFiles({ limit: 1 })).items;
    const [saved] = await api.updateFiles([{ id: first!.id, update: { source: { set: 'adapter' } } }]);
    assert.equal(saved?.source, 'adapter');
    await assert.rejects(
      api.updateFiles([{ id: 1, update: { source: { set: 'x' } } }]),
      (e: unknown) => e instanceof CdfApiError && e.status === 400 && e.missing.length === 1,
    );
  });

  it('serves the bulk side too: existing ids only, every file through the partitions, one report per item', async () => {
    const [first, second] = (await api.listFiles({ limit: 2 })).items;
    const existing = await api.retrieveExisting([{ id: second!.id }, { id: 1 }, { id: first!.id }]);
    assert.deepEqual(existing.map((f) => f.id).sort(), [first!.id, second!.id].sort());
    const seen = new Set<number>();
    for await (const records of api.listPartitioned!({}, undefined)) for (const r of records) seen.add(r.id);
    assert.equal(seen.size, 120);
    const report = await api.updateMany(
      [
        { id: first!.id, update: { source: { set: 'port' } } },
        { id: 1, update: { source: { set: 'x' } } },
      ],
      {},
    );
    assert.deepEqual(
      report.items.map((o) => o.outcome),
      ['applied', 'failed'],
    );
  });

  it('feeds completion: data sets, labels, assets', async () => {
    assert.ok((await api.listDataSets()).length > 0);
    const labels = await api.listLabels();
    assert.ok(labels.every((l) => typeof l.externalId === 'string' && typeof l.name === 'string'));
    const assets = await api.searchAssets('pump', 5);
    assert.ok(assets.length <= 5);
  });

  it('offers assets before anything is typed (an empty search query is no request CDF accepts)', async () => {
    const assets = await api.searchAssets('', 5);
    assert.equal(assets.length, 5);
    assert.ok(assets.every((a) => a.name));
  });

  it('retrieves assets by id for their names, leaving unknown ids out', async () => {
    const [first, second] = await api.searchAssets('pump', 2);
    assert.ok(first && second, 'the demo has pumps');
    const named = await api.retrieveAssets([second.id, 987654321987, first.id]);
    assert.deepEqual(
      named.map((a) => [a.id, a.name]),
      [
        [second.id, second.name],
        [first.id, first.name],
      ],
    );
  });
});

describe('connection base URLs', () => {
  it('come from a cluster name or a checked base URL', () => {
    const auth = { kind: 'demo' } as const;
    assert.equal(
      connectionBaseUrl({ name: 'a', cluster: 'westeurope-1', project: 'p', auth }),
      'https://westeurope-1.cognitedata.com',
    );
    assert.equal(
      connectionBaseUrl({ name: 'b', baseUrl: 'https://example.com/cdf/', project: 'p', auth }),
      'https://example.com/cdf',
    );
    assert.throws(() => connectionBaseUrl({ name: 'c', baseUrl: 'http://example.com', project: 'p', auth }), /https/);
    assert.throws(() => connectionBaseUrl({ name: 'd', project: 'p', auth }), /cluster or a base URL/);
  });
});
