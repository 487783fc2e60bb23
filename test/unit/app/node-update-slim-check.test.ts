/**
 * A CogniteFile bulk update checks each chunk's nodes right before its upsert (an upsert would create
 * a deleted node again), but that check reads only versions: no view, so no properties on either end.
 * The report's records still equal a read-back: built from the node this port read before when the
 * check finds it at the same incarnation and version, read back otherwise. And the check still
 * refuses a node deleted after the plan's read, also one deleted while earlier chunks were sent.
 */
import assert from 'node:assert/strict';
import { StaticTokenProvider } from '../../../src/cdf/auth/static-token';
import { CdfClient } from '../../../src/cdf/client';
import { cogniteFileRecordsApi } from '../../../src/app';
import { diffRecord } from '../../../src/core/diff';
import { COGNITE_FILE, type CogniteFileRecord } from '../../../src/core/records';
import { useEmulator } from '../emulator/helpers';

const withTag = (base: CogniteFileRecord, tag: string) =>
  COGNITE_FILE.encodeUpdate(base, diffRecord(COGNITE_FILE, base, { ...base, tags: [...(base.tags ?? []), tag] })!);

describe('app: node updateMany checks each chunk by version only, and still never re-creates a deleted node', () => {
  const ctx = useEmulator({ files: 3000, seed: 21 });
  let client: CdfClient;
  let keys: string[];
  before(async () => {
    const { baseUrl, project, token } = ctx.emulator;
    client = new CdfClient({ baseUrl, project, tokenProvider: new StaticTokenProvider(token) });
    keys = (await client.models.listFileNodes({ limit: 30 })).items.map((n) => `${n.space}:${n.externalId}`);
    assert.equal(keys.length, 30, `${keys.length} demo nodes`);
  });
  const byIdsSince = (mark: number) =>
    ctx.emulator.requests.slice(mark).filter((r) => r.path.endsWith('/models/instances/byids'));
  const readBack = async (api: ReturnType<typeof cogniteFileRecordsApi>) =>
    new Map((await api.retrieve(keys)).map((r) => [COGNITE_FILE.key(r), r]));

  it('asks no view right before each upsert, reads no node again, and reports the records a read-back returns', async () => {
    const api = cogniteFileRecordsApi(client.models);
    const items = (await api.retrieve(keys)).map((r) => withTag(r, 'slim-1'));
    const mark = ctx.emulator.requests.length;
    const report = await api.updateMany(items, { chunkSize: 10 });
    assert.equal(report.applied.length, 30);
    const reads = byIdsSince(mark);
    assert.equal(reads.length, 3, 'one check per chunk, nothing read back');
    for (const read of reads) assert.equal((read.body as { sources?: unknown }).sources, undefined, 'no view asked');
    const after = await readBack(api);
    for (const { item, record } of report.applied)
      assert.deepEqual(record, after.get(`${item.space}:${item.externalId}`));
  });

  it('reads the records back when this port did not read the nodes itself', async () => {
    const planned = (await cogniteFileRecordsApi(client.models).retrieve(keys)).map((r) => withTag(r, 'slim-2'));
    const api = cogniteFileRecordsApi(client.models);
    const report = await api.updateMany(planned, { chunkSize: 10 });
    assert.equal(report.applied.length, 30);
    const after = await readBack(api);
    for (const { item, record } of report.applied)
      assert.deepEqual(record, after.get(`${item.space}:${item.externalId}`));
  });

  it('a node deleted while the chunks before it were sent stays deleted, reported missing', async () => {
    const api = cogniteFileRecordsApi(client.models);
    const records = await api.retrieve(keys.slice(0, 3));
    const doomed = keys[2]!;
    let chunksDone = 0;
    const report = await api.updateMany(
      records.map((r) => withTag(r, 'slim-3')),
      {
        chunkSize: 1,
        concurrency: { max: 1 },
        // A colleague deletes the third node once the first chunk is answered, long after the plan's read.
        onProgress: (p) => {
          if (p.applied === 1 && chunksDone++ === 0) assert.ok(ctx.emulator.store.nodes.delete(doomed));
        },
      },
    );
    assert.equal(ctx.emulator.store.nodes.get(doomed), undefined, 'the deleted node was created again');
    assert.deepEqual(
      report.items.map((i) => i.outcome),
      ['applied', 'applied', 'failed'],
    );
    const last = report.items[2]!;
    assert.equal(last.outcome === 'failed' && last.failure.reason, 'missing');
    // Checked before the delete (ahead, while the chunk before it was sent): the upsert made it
    // again and it was deleted again. Checked after: never sent.
    const told = last.outcome === 'failed' && /deleted again; nothing of it remains/.test(last.failure.message);
    assert.ok(last.sends === 0 || told, JSON.stringify(last));
  });
});

describe('app: node updateMany asks the write limit and checks its first chunk together', () => {
  const STATISTICS_MS = 400;
  const ctx = useEmulator({
    files: 3000,
    seed: 22,
    faults: { seed: 1, routes: { 'GET /models/statistics': { latencyMs: STATISTICS_MS } } },
  });

  it('sends the first check while /models/statistics is still being answered', async () => {
    const { baseUrl, project, token } = ctx.emulator;
    const client = new CdfClient({ baseUrl, project, tokenProvider: new StaticTokenProvider(token) });
    const api = cogniteFileRecordsApi(client.models);
    const keys = (await client.models.listFileNodes({ limit: 4 })).items.map((n) => `${n.space}:${n.externalId}`);
    const items = (await api.retrieve(keys)).map((r) => withTag(r, 'together'));
    const mark = ctx.emulator.requests.length;
    const report = await api.updateMany(items, { chunkSize: 2 });
    assert.equal(report.applied.length, 4);
    const since = ctx.emulator.requests.slice(mark);
    const stats = since.find((r) => r.path.endsWith('/models/statistics'))!;
    const check = since.find((r) => r.path.endsWith('/models/instances/byids'))!;
    assert.ok(
      check.time - stats.time < STATISTICS_MS / 2,
      `the check arrived ${check.time - stats.time} ms after the statistics request`,
    );
  });
});
