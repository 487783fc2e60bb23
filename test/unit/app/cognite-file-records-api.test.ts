// The CogniteFile node's port served over the emulator by HTTP: records read by key in order, a save
// as one upsert with the version it was decided on, refusals as core's types with nothing written.
import assert from 'node:assert/strict';
import { StaticTokenProvider } from '../../../src/cdf/auth/static-token';
import { CdfClient } from '../../../src/cdf/client';
import { cogniteFileRecordsApi, type CogniteFileRecordsApi } from '../../../src/app';
import { diffRecord } from '../../../src/core/diff';
import {
  OutcomeUnknownError,
  RecordsMissingError,
  ReferencesMissingError,
  VersionConflictError,
} from '../../../src/core/ports';
import { COGNITE_FILE, type CogniteFileRecord } from '../../../src/core/records';
import { useEmulator } from '../emulator/helpers';

type Body = {
  items: { existingVersion?: number; sources: { properties: object }[] }[];
  autoCreateDirectRelations?: boolean;
};

/** The upsert item that makes `changes` on `base`, as a save decides it. */
const itemFor = (base: CogniteFileRecord, changes: Partial<CogniteFileRecord>) =>
  COGNITE_FILE.encodeUpdate(base, diffRecord(COGNITE_FILE, base, { ...base, ...changes })!);

describe('app: the CogniteFile records port against the emulator', () => {
  const ctx = useEmulator({ files: 3000, seed: 12 });
  let api: CogniteFileRecordsApi;
  let client: CdfClient;
  let keys: string[];
  before(async () => {
    const { baseUrl, project, token } = ctx.emulator;
    client = new CdfClient({ baseUrl, project, tokenProvider: new StaticTokenProvider(token) });
    api = cogniteFileRecordsApi(client.models);
    keys = (await client.models.listFileNodes({ limit: 60 })).items.map((n) => `${n.space}:${n.externalId}`);
    assert.ok(keys.length >= 40, `${keys.length} demo nodes`);
  });
  const upserts = () =>
    ctx.emulator.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/models/instances'));
  const stored = (key: string) => ctx.emulator.store.nodes.get(key);

  it('retrieves by key in the order asked; unknown keys are one typed error naming each', async () => {
    const asked = [keys[3]!, keys[0]!, keys[7]!];
    assert.deepEqual((await api.retrieve(asked)).map(COGNITE_FILE.key), asked);
    const ghost = `${keys[0]!.split(':')[0]}:no_such_node`;
    await assert.rejects(api.retrieve([keys[0]!, ghost, 'not-a-key']), (e: unknown) => {
      assert.ok(e instanceof RecordsMissingError, String(e));
      assert.deepEqual(e.keys, [ghost, 'not-a-key']);
      return true;
    });
    assert.deepEqual((await api.retrieveExisting([ghost, keys[1]!])).map(COGNITE_FILE.key), [keys[1]]);
  });

  it('saves with one upsert: only the changed properties, the opened version, no auto-created relations', async () => {
    const [base] = await api.retrieve([keys[0]!]);
    const before = upserts().length;
    const [saved] = await api.update([itemFor(base!, { name: 'renamed.pdf', tags: [...(base!.tags ?? []), 'new'] })]);
    assert.equal(upserts().length, before + 1, 'one request');
    const body = upserts().at(-1)!.body as Body;
    assert.equal(body.autoCreateDirectRelations, false);
    assert.equal(body.items[0]!.existingVersion, base!.version);
    assert.deepEqual(Object.keys(body.items[0]!.sources[0]!.properties).sort(), ['name', 'tags']);
    assert.equal(saved!.name, 'renamed.pdf');
    assert.equal(saved!.version, base!.version + 1);
    assert.deepEqual(saved!.assets, base!.assets, 'what was not named stays');
  });

  it('refuses a stale existingVersion as a VersionConflictError naming the node; nothing is written', async () => {
    const [base] = await api.retrieve([keys[1]!]);
    const [other] = await api.retrieve([keys[2]!]);
    await api.update([itemFor(base!, { description: 'someone else' })]); // the node moves on
    const now = structuredClone(stored(keys[1]!));
    const untouched = structuredClone(stored(keys[2]!));
    await assert.rejects(
      api.update([itemFor(other!, { name: 'also mine.pdf' }), itemFor(base!, { name: 'mine.pdf' })]),
      (e: unknown) => {
        assert.ok(e instanceof VersionConflictError, String(e));
        assert.deepEqual(e.keys, [keys[1]]);
        return true;
      },
    );
    assert.deepEqual(stored(keys[1]!), now, 'the stale node is as the other writer left it');
    assert.deepEqual(stored(keys[2]!), untouched, 'the request was one transaction');
  });

  it('refuses a mistyped asset as an error at its property, and creates no node for it', async () => {
    const [base] = await api.retrieve([keys[3]!]);
    const typo = { space: 'plant_assets', externalId: 'asset_no_such_pump' };
    const was = structuredClone(stored(keys[3]!));
    await assert.rejects(api.update([itemFor(base!, { assets: [...(base!.assets ?? []), typo] })]), (e: unknown) => {
      assert.ok(e instanceof ReferencesMissingError, String(e));
      assert.deepEqual(e.references, [{ key: keys[3], field: 'assets', target: 'plant_assets:asset_no_such_pump' }]);
      assert.match(e.message, /No such node: assets → plant_assets:asset_no_such_pump\./);
      return true;
    });
    assert.equal(stored('plant_assets:asset_no_such_pump'), undefined, 'no empty node was created');
    assert.deepEqual(stored(keys[3]!), was);
  });

  it('updates many in chunks, as many at once as the project allows, reporting each node', async () => {
    const targets = keys.slice(10, 40);
    const bases = await api.retrieve(targets);
    // two nodes move on meanwhile; one item names an asset that does not exist
    await api.update([itemFor(bases[4]!, { sourceId: 'x' }), itemFor(bases[17]!, { sourceId: 'y' })]);
    const items = bases.map((b, i) =>
      itemFor(b, i === 9 ? { assets: [{ space: 'plant_assets', externalId: 'ghost' }] } : { tags: ['bulk'] }),
    );
    const before = upserts().length;
    const progress: number[] = [];
    const report = await api.updateMany(items, { chunkSize: 7, onProgress: (p) => progress.push(p.pending) });
    assert.equal(report.total, 30);
    assert.deepEqual(
      report.failed.map((f) => [f.index, f.failure.reason]),
      [
        [4, 'conflict'],
        [9, 'invalid'],
        [17, 'conflict'],
      ],
    );
    assert.equal(report.applied.length, 27);
    for (const a of report.applied) assert.deepEqual(a.record?.tags, ['bulk']);
    const staleTags = (await api.retrieve([targets[4]!]))[0]!.tags ?? [];
    assert.ok(!staleTags.includes('bulk'), 'the stale node is not overwritten');
    assert.ok(report.stats.peakConcurrency <= 4, `peak ${report.stats.peakConcurrency} within the write limit 4`);
    assert.ok(report.stats.peakConcurrency > 1, 'chunks go out in parallel');
    const bodies = upserts()
      .slice(before)
      .map((r) => (r.body as Body).items.length);
    assert.ok(
      bodies.every((n) => n <= 7),
      `chunks ${bodies.join(',')}`,
    );
    assert.equal(progress.at(-1), 0);
  });

  it('says a write that got no answer may have been applied: update throws OutcomeUnknownError, updateMany reports unknown', async () => {
    const [base] = await api.retrieve([keys[41]!]);
    ctx.emulator.setFaults({ routes: { '/models/instances': { dropRate: 1, dropAfterHandling: true } } });
    try {
      await assert.rejects(api.update([itemFor(base!, { name: 'maybe.pdf' })]), OutcomeUnknownError);
      const report = await api.updateMany([itemFor(base!, { description: 'maybe' })], {});
      assert.deepEqual(
        report.items.map((o) => o.outcome),
        ['unknown'],
      );
    } finally {
      ctx.emulator.setFaults(undefined);
    }
    const [now] = await api.retrieve([keys[41]!]);
    assert.equal(now!.name, 'maybe.pdf', 'the first write was applied although no answer came');
  });
});
