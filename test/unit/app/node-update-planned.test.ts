/**
 * A CogniteFile bulk update planned chunk by chunk (updateManyPlanned): each chunk's nodes are read
 * with their properties when a write slot is free, planned on that read and upserted at once with
 * the version read. That read is the guard against re-creating a deleted node, so a node is read
 * once, not once to plan and again to check; a chunk read ahead that waited for its slot briefly is
 * sent at once (a node deleted meanwhile is made again by the upsert and deleted again); a node a
 * colleague writes between the read and the upsert (409) is read and planned again.
 */
import assert from 'node:assert/strict';
import { StaticTokenProvider } from '../../../src/cdf/auth/static-token';
import { CdfClient } from '../../../src/cdf/client';
import { COGNITE_FILE_VIEW } from '../../../src/cdf/model';
import { cogniteFileRecordsApi, REPLANS_ON_CONFLICT } from '../../../src/app';
import { diffRecord } from '../../../src/core/diff';
import { COGNITE_FILE, type CogniteFileRecord } from '../../../src/core/records';
import { upsertInstances } from '../../../src/emulator/dms/upsert';
import { useEmulator } from '../emulator/helpers';

const withTag = (tag: string) => (records: readonly CogniteFileRecord[]) =>
  records.map((r) =>
    COGNITE_FILE.encodeUpdate(r, diffRecord(COGNITE_FILE, r, { ...r, tags: [...(r.tags ?? []), tag] })!),
  );

type Ctx = ReturnType<typeof useEmulator>;
const clientOf = (ctx: Ctx) => {
  const { baseUrl, project, token } = ctx.emulator;
  return new CdfClient({ baseUrl, project, tokenProvider: new StaticTokenProvider(token) });
};
const nodeKeys = async (client: CdfClient, limit: number) =>
  (await client.models.listFileNodes({ limit })).items.map((n) => `${n.space}:${n.externalId}`);
/**
 * The client's data modeling requests, with a colleague who writes the node `key` names right before
 * an upsert naming it leaves (with the name `writeFirst` gives, when it gives one): after every read
 * and check the run makes, so that upsert meets a newer version whatever the timing (a write from
 * the plan callback could be caught by the versions check of a read that waited for its slot).
 */
const colleagueBeforeUpsert = (
  ctx: Ctx,
  client: CdfClient,
  key: string,
  writeFirst: (n: number) => string | undefined,
) => {
  const [space, externalId] = key.split(':') as [string, string];
  const models = Object.create(client.models) as CdfClient['models'];
  let upserts = 0;
  models.upsertFileNodes = (items, options) => {
    const name = items.some((i) => i.externalId === externalId) ? writeFirst(++upserts) : undefined;
    if (name) {
      const colleague = [
        { instanceType: 'node', space, externalId, sources: [{ source: COGNITE_FILE_VIEW, properties: { name } }] },
      ];
      upsertInstances(ctx.emulator.store, { items: colleague }, Date.now());
    }
    return client.models.upsertFileNodes(items, options);
  };
  return models;
};
const since = (ctx: Ctx, mark: number, path: string) =>
  ctx.emulator.requests.slice(mark).filter((r) => r.method === 'POST' && r.path.endsWith(path));

describe('app: node updateManyPlanned reads each chunk once, right before its upsert', () => {
  const ctx = useEmulator({ files: 3000, seed: 31 });

  it('one read per chunk, with the view; upserts carry the version read and only the change', async () => {
    const client = clientOf(ctx);
    const keys = await nodeKeys(client, 30);
    const api = cogniteFileRecordsApi(client.models);
    const versions = new Map((await api.retrieve(keys)).map((r) => [COGNITE_FILE.key(r), r.version]));
    const mark = ctx.emulator.requests.length;
    const report = await api.updateManyPlanned(keys, withTag('planned-1'), { chunkSize: 10 });
    assert.equal(report.applied.length, 30);
    const reads = since(ctx, mark, '/models/instances/byids');
    const withView = reads.filter((read) => (read.body as { sources?: unknown }).sources);
    assert.equal(withView.length, 3, 'one read with properties per chunk, it plans: no read-back');
    // A chunk read ahead that waited for its slot longer than its read took gets a versions-only
    // check (timing: seen under load); never more than one per chunk.
    assert.ok(reads.length - withView.length <= 3, `${reads.length - withView.length} versions checks`);
    const upserts = since(ctx, mark, '/models/instances');
    assert.equal(upserts.length, 3);
    for (const upsert of upserts)
      for (const item of (
        upsert.body as {
          items: { existingVersion: number; space: string; externalId: string; sources: { properties: object }[] }[];
        }
      ).items) {
        assert.equal(item.existingVersion, versions.get(`${item.space}:${item.externalId}`));
        assert.deepEqual(Object.keys(item.sources[0]!.properties), ['tags']);
      }
    const after = new Map((await api.retrieve(keys)).map((r) => [COGNITE_FILE.key(r), r]));
    for (const { item, record } of report.applied) {
      assert.deepEqual(record, after.get(`${item.space}:${item.externalId}`), 'the report holds the node as written');
      assert.ok(record?.tags?.includes('planned-1'));
    }
  });

  it('a node missing at its chunk’s read is reported missing and never sent; a bad key throws unsent', async () => {
    const client = clientOf(ctx);
    const keys = await nodeKeys(client, 3);
    assert.ok(ctx.emulator.store.nodes.delete(keys[1]!));
    const api = cogniteFileRecordsApi(client.models);
    const report = await api.updateManyPlanned(keys, withTag('planned-2'), {});
    assert.equal(ctx.emulator.store.nodes.get(keys[1]!), undefined, 'the deleted node was created again');
    assert.deepEqual(
      report.items.map((i) => i.outcome),
      ['applied', 'failed', 'applied'],
    );
    const gone = report.items[1]!;
    assert.equal(gone.outcome === 'failed' && gone.failure.reason, 'missing');
    assert.equal(gone.sends, 0);
    const mark = ctx.emulator.requests.length;
    assert.equal((await api.updateManyPlanned([], withTag('x'), {})).total, 0);
    assert.equal((await api.updateMany([], {})).total, 0);
    assert.equal(since(ctx, mark, '/models/instances').length, 0, 'no upsert for nothing');
    const beforeBad = ctx.emulator.requests.length;
    await assert.rejects(api.updateManyPlanned([keys[0]!, 'no-colon'], withTag('x'), {}), /no-colon/);
    await assert.rejects(api.updateManyPlanned([keys[0]!, keys[0]!], withTag('x'), {}), /more than once/);
    assert.equal(ctx.emulator.requests.length, beforeBad, 'nothing read or sent');
    const upsertsBefore = since(ctx, beforeBad, '/models/instances').length;
    const outOfStep = await api.updateManyPlanned(keys, (records) => withTag('x')(records).reverse(), {});
    assert.deepEqual(
      outOfStep.items.map((i) => i.outcome),
      ['notSent', 'failed', 'notSent'],
      'a plan whose items name other nodes than were read sends nothing (the deleted node still reported missing)',
    );
    assert.equal(since(ctx, beforeBad, '/models/instances').length, upsertsBefore);
  });

  it('a node a colleague writes between the chunk’s read and its upsert: 409, read and planned again, both kept', async () => {
    const client = clientOf(ctx);
    const keys = await nodeKeys(client, 4);
    const api = cogniteFileRecordsApi(
      colleagueBeforeUpsert(ctx, client, keys[2]!, (n) => (n === 1 ? 'colleague.pdf' : undefined)),
    );
    let plans = 0;
    const mark = ctx.emulator.requests.length;
    const report = await api.updateManyPlanned(
      keys,
      (records) => {
        plans++;
        return withTag('planned-3')(records);
      },
      {},
    );
    assert.equal(report.applied.length, 4, JSON.stringify(report.items.map((i) => i.outcome)));
    assert.equal(report.items[2]!.sends, 2, 'the stale node was sent twice: refused 409, then planned again');
    assert.ok(
      since(ctx, mark, '/models/instances').some((r) => r.status === 409),
      'the first upsert was refused 409',
    );
    assert.ok(
      report.attempts.some((a) => a.status === 409),
      'and the report’s attempts say so',
    );
    assert.equal(plans, 2);
    const [now] = await api.retrieve([keys[2]!]);
    assert.equal(now!.name, 'colleague.pdf', 'the colleague’s write is kept');
    assert.ok(now!.tags?.includes('planned-3'), 'and ours is applied on top of it');
  });
});

describe('app: node updateManyPlanned gives up on a node a colleague keeps writing', () => {
  const ctx = useEmulator({ files: 3000, seed: 33 });

  it(`re-plans it ${REPLANS_ON_CONFLICT} times, then reports it a conflict; its neighbours applied`, async () => {
    const client = clientOf(ctx);
    const keys = await nodeKeys(client, 3);
    let writes = 0;
    const api = cogniteFileRecordsApi(colleagueBeforeUpsert(ctx, client, keys[1]!, () => `colleague-${++writes}.pdf`));
    const report = await api.updateManyPlanned(keys, withTag('planned-5'), {});
    assert.deepEqual(
      report.items.map((i) => i.outcome),
      ['applied', 'failed', 'applied'],
    );
    const stale = report.items[1]!;
    assert.equal(stale.outcome === 'failed' && stale.failure.reason, 'conflict');
    assert.equal(stale.sends, REPLANS_ON_CONFLICT + 1, 'sent once, then once per re-plan');
    assert.equal(writes, REPLANS_ON_CONFLICT + 1);
    const [now] = await api.retrieve([keys[1]!]);
    assert.equal(now!.name, `colleague-${writes}.pdf`, 'every colleague write kept, ours never on top of a stale read');
    assert.ok(!now!.tags?.includes('planned-5'));
  });
});

describe('app: node updateManyPlanned sends a chunk read ahead that waited for its slot', () => {
  const ctx = useEmulator({
    files: 3000,
    seed: 32,
    faults: { seed: 1, routes: { 'POST /models/instances': { latencyMs: 150 } } },
  });

  it('a node deleted while its chunk waited for a write slot is made again by the upsert and deleted again, reported missing', async () => {
    const client = clientOf(ctx);
    const keys = await nodeKeys(client, 3);
    const api = cogniteFileRecordsApi(client.models);
    const mark = ctx.emulator.requests.length;
    const fullReads = () =>
      since(ctx, mark, '/models/instances/byids').filter((r) => (r.body as { sources?: unknown }).sources && r.status);
    // Once the third chunk's read is answered (its node there), while the second chunk's upsert is
    // in progress, a colleague deletes the third node.
    let deleted = false;
    const watch = setInterval(() => {
      if (!deleted && fullReads().length >= 3) deleted = ctx.emulator.store.nodes.delete(keys[2]!);
    }, 1);
    try {
      const report = await api.updateManyPlanned(keys, withTag('planned-4'), { chunkSize: 1, concurrency: { max: 1 } });
      assert.ok(deleted, 'the third chunk was read ahead of its slot');
      assert.equal(ctx.emulator.store.nodes.get(keys[2]!), undefined, 'the node the upsert made is still there');
      assert.deepEqual(
        report.items.map((i) => i.outcome),
        ['applied', 'applied', 'failed'],
      );
      // Read well within FRESH_READ_MS: sent without a versions re-check, and the upsert's answer told.
      assert.equal(report.items[2]!.sends, 1);
      const third = report.items[2]!;
      assert.ok(third.outcome === 'failed' && third.failure.reason === 'missing');
      assert.match(third.failure.message, /it was deleted again; nothing of it remains/);
    } finally {
      clearInterval(watch);
    }
  });
});
