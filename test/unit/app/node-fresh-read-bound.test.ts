/**
 * A chunk read (or checked) ahead of its write slot guards its upsert without a versions re-check
 * while its answer is at most FRESH_READ_MS old (node-chunk-prep.ts); older, the re-check runs. A
 * node deleted within that window is made again by the upsert and deleted again at once
 * (node-made-again-around-upsert.test.ts). Real emulator over HTTP; the age by a fake clock.
 */
import assert from 'node:assert/strict';
import { StaticTokenProvider } from '../../../src/cdf/auth/static-token';
import { CdfClient } from '../../../src/cdf/client';
import { COGNITE_FILE_VIEW, nodeKeyOf, type CogniteFileUpsertItem } from '../../../src/cdf/model';
import { cogniteFileRecordsApi, nodeRefOf } from '../../../src/app';
import { FRESH_READ_MS, plannedRead, slimCheck, type ChunkHost } from '../../../src/app/node-chunk-prep';
import { diffRecord } from '../../../src/core/diff';
import { COGNITE_FILE, cogniteFileRecord, type CogniteFileRecord } from '../../../src/core/records';
import { useEmulator } from '../emulator/helpers';

const withTag = (tag: string) => (records: readonly CogniteFileRecord[]) =>
  records.map((r) =>
    COGNITE_FILE.encodeUpdate(r, diffRecord(COGNITE_FILE, r, { ...r, tags: [...(r.tags ?? []), tag] })!),
  );

describe('app: how old a read made ahead may be and still guard its upsert', () => {
  /** When each request was answered (epoch ms), by request id. */
  const answeredAt = new Map<string, number>();
  const ctx = useEmulator({
    files: 3000,
    seed: 47,
    faults: { seed: 3, routes: { 'POST /models/instances': { latencyMs: 120 } } },
    onRequest: (r) => void answeredAt.set(r.requestId, Date.now()),
  });
  let client: CdfClient;
  let keys: string[];
  before(async () => {
    const { baseUrl, project, token } = ctx.emulator;
    client = new CdfClient({ baseUrl, project, tokenProvider: new StaticTokenProvider(token) });
    keys = (await client.models.listFileNodes({ limit: 8 })).items.map(nodeKeyOf);
  });
  /** Versions-only reads (byids asking for no view) since `mark`. */
  const versionReads = (mark: number) =>
    ctx.emulator.requests
      .slice(mark)
      .filter(
        (r) => r.path.endsWith('/models/instances/byids') && (r.body as { sources?: unknown }).sources === undefined,
      );

  it('sends a chunk read while the upsert before it was in flight without reading versions again', async () => {
    const api = cogniteFileRecordsApi(client.models);
    const mark = ctx.emulator.requests.length;
    const report = await api.updateManyPlanned(keys.slice(0, 6), withTag('fresh-1'), {
      chunkSize: 1,
      concurrency: { max: 1 },
    });
    assert.equal(report.applied.length, 6, JSON.stringify(report.items.map((i) => i.outcome)));
    assert.equal(versionReads(mark).length, 0, 'each chunk waited one upsert (120 ms) and was checked again');
  });

  it('checks a planned-already chunk while the upsert before it is in flight, once', async () => {
    const api = cogniteFileRecordsApi(client.models);
    const items = (await api.retrieve(keys.slice(0, 5))).map((r) => withTag('fresh-5')([r])[0]!);
    const mark = ctx.emulator.requests.length;
    const report = await api.updateMany(items, { chunkSize: 1, concurrency: { max: 1 } });
    assert.equal(report.applied.length, 5, JSON.stringify(report.items.map((i) => i.outcome)));
    const checks = versionReads(mark);
    const upserts = ctx.emulator.requests
      .slice(mark)
      .filter((r) => r.method === 'POST' && r.path.endsWith('/models/instances'));
    assert.equal(checks.length, 5, 'one versions read per chunk, none again');
    // Chunk k's check arrives before chunk k-1's upsert is answered: the slot does not wait for it.
    for (let k = 1; k < 5; k++)
      assert.ok(
        checks[k]!.time < answeredAt.get(upserts[k - 1]!.requestId)!,
        `chunk ${k + 1} was checked after the slot freed`,
      );
  });

  /** A host over `items` recording what the prep settles; `clock` is the fake time. */
  const hostOf = (items: CogniteFileUpsertItem[]) => {
    const settled: string[] = [];
    const host: ChunkHost = {
      signal: undefined,
      item: (i) => items[i]!,
      replace: (i, item) => void (items[i] = item),
      knowBefore: () => undefined,
      missing: (i) => void settled.push(`${i} missing`),
      refuse: (i) => void settled.push(`${i} refused`),
      unchanged: (i) => void settled.push(`${i} unchanged`),
    };
    return { host, settled };
  };
  const refsOf = (ks: readonly string[]) => ks.map((k) => nodeRefOf(k)!);
  /** An item naming `key` with nothing to write yet, as a planned run starts with (nodeUpdateManyPlanned). */
  const blank = (key: string): CogniteFileUpsertItem => ({
    instanceType: 'node',
    ...nodeRefOf(key)!,
    sources: [{ source: COGNITE_FILE_VIEW, properties: {} }],
  });
  /** Waits until the read made ahead is answered (the fake clock moved) and its continuation ran. */
  const answered = async (clock: () => number) => {
    while (clock() === 0) await new Promise((resolve) => setTimeout(resolve, 2));
    await new Promise((resolve) => setImmediate(resolve));
  };

  for (const [age, checks] of [
    [FRESH_READ_MS, 0],
    [FRESH_READ_MS + 1, 1],
  ] as const)
    it(`a planned chunk read ${age} ms before its slot: ${checks} versions read before its upsert`, async () => {
      let clock = 0;
      const chunk = [0, 1];
      const { host, settled } = hostOf(keys.slice(2, 4).map(blank));
      let plans = 0;
      const prep = plannedRead(
        host,
        {
          read: async (ks) => {
            const nodes = await client.models.retrieveFileNodes(refsOf(ks), { ignoreUnknownIds: true });
            clock = 5; // the read took 5 ms
            return nodes.map(cogniteFileRecord);
          },
          existing: (ks) => client.models.fileNodeStamps(refsOf(ks)),
        },
        (records) => (plans++, withTag('fresh-2')(records)),
        () => clock,
      );
      const mark = ctx.emulator.requests.length;
      prep.ahead(chunk);
      await answered(() => clock);
      clock = 5 + age;
      assert.deepEqual(await prep.ready(chunk), chunk);
      assert.deepEqual(settled, []);
      assert.equal(plans, 1, 'the nodes did not change: planned once');
      assert.equal(versionReads(mark).length, checks);
    });

  it('a planned chunk read too long before its slot whose node changed meanwhile is read and planned again', async () => {
    let clock = 0;
    const chunk = [0];
    const [key] = keys.slice(6, 7);
    const { host } = hostOf([blank(key!)]);
    const seen: number[] = [];
    const reads = {
      read: async (ks: readonly string[]) => {
        const nodes = await client.models.retrieveFileNodes(refsOf(ks), { ignoreUnknownIds: true });
        clock ||= 5;
        return nodes.map(cogniteFileRecord);
      },
      existing: (ks: readonly string[]) => client.models.fileNodeStamps(refsOf(ks)),
    };
    const plan = (records: readonly CogniteFileRecord[]) => (
      seen.push(records[0]!.version),
      withTag('fresh-4')(records)
    );
    const prep = plannedRead(host, reads, plan, () => clock);
    prep.ahead(chunk);
    await answered(() => clock);
    // A colleague writes the node while the chunk waits for its slot.
    const [node] = await client.models.retrieveFileNodes(refsOf([key!]));
    const record = cogniteFileRecord(node!);
    const colleague = COGNITE_FILE.encodeUpdate(
      record,
      diffRecord(COGNITE_FILE, record, { ...record, description: `theirs ${record.version}` })!,
    );
    await client.models.upsertFileNodes([colleague]);
    clock = 5 + FRESH_READ_MS + 1;
    assert.deepEqual(await prep.ready(chunk), chunk);
    assert.deepEqual(seen, [node!.version, node!.version + 1], 'planned again on the colleague’s version');
    assert.equal(host.item(0).existingVersion, node!.version + 1);
  });

  it('known nodes read too long before their slot: versions read again once, only the changed one whole', async () => {
    let clock = 0;
    const ks = (await client.models.listFileNodes({ limit: 12 })).items.slice(10, 12).map(nodeKeyOf);
    const { host } = hostOf(ks.map(blank));
    const known = new Map((await cogniteFileRecordsApi(client.models).retrieve(ks)).map((r) => [nodeKeyOf(r), r]));
    const given: CogniteFileRecord[] = [];
    const reads = {
      read: async (k: readonly string[]) =>
        (await client.models.retrieveFileNodes(refsOf(k), { ignoreUnknownIds: true })).map(cogniteFileRecord),
      existing: async (k: readonly string[]) => {
        const stamps = await client.models.fileNodeStamps(refsOf(k));
        clock ||= 5;
        return stamps;
      },
      known: (k: string) => known.get(k),
    };
    const plan = (records: readonly CogniteFileRecord[]) => (given.push(...records), withTag('fresh-6')(records));
    const prep = plannedRead(host, reads, plan, () => clock);
    const mark = ctx.emulator.requests.length;
    const chunk = [0, 1];
    prep.ahead(chunk);
    await answered(() => clock);
    const theirs = known.get(ks[1]!)!;
    await client.models.upsertFileNodes([
      COGNITE_FILE.encodeUpdate(theirs, diffRecord(COGNITE_FILE, theirs, { ...theirs, description: 'theirs' })!),
    ]);
    clock = 5 + FRESH_READ_MS + 1;
    assert.deepEqual(await prep.ready(chunk), chunk);
    assert.equal(versionReads(mark).length, 2, 'read ahead, then checked at the slot: never a third time');
    const whole = ctx.emulator.requests.slice(mark).filter((r) => (r.body as { sources?: unknown }).sources);
    assert.deepEqual(
      whole.map((r) => (r.body as { items: { externalId: string }[] }).items.map((i) => i.externalId)),
      [[theirs.externalId]],
    );
    assert.equal(given[0], known.get(ks[0]!), 'an unchanged node is planned on the known object');
    assert.equal(host.item(1).existingVersion, theirs.version + 1);
  });

  for (const [age, checks] of [
    [FRESH_READ_MS, 1],
    [FRESH_READ_MS + 1, 2],
  ] as const)
    it(`a planned-already chunk checked ${age} ms before its slot: ${checks} versions reads in all`, async () => {
      let clock = 0;
      const chunk = [0, 1];
      const records = (await client.models.retrieveFileNodes(refsOf(keys.slice(4, 6)))).map(cogniteFileRecord);
      const { host, settled } = hostOf(withTag('fresh-3')(records));
      const reads = {
        existing: async (ks: readonly string[]) => {
          const stamps = await client.models.fileNodeStamps(refsOf(ks));
          clock ||= 5; // the check took 5 ms
          return stamps;
        },
        known: () => undefined,
        readAt: () => undefined,
      };
      const prep = slimCheck(host, reads, () => clock);
      const mark = ctx.emulator.requests.length;
      prep.ahead(chunk);
      await answered(() => clock);
      clock = 5 + age;
      assert.deepEqual(await prep.ready(chunk), chunk);
      assert.deepEqual(settled, []);
      assert.equal(versionReads(mark).length, checks);
    });
});
