import assert from 'node:assert/strict';
import { CogniteClient } from '@cognite/sdk';
import { StaticTokenProvider } from '../../../../src/cdf/auth/static-token';
import {
  CdfApiError,
  CdfClient,
  CdfInvalidRequestError,
  NodesNotFoundError,
  VersionConflictError,
} from '../../../../src/cdf/client';
import {
  COGNITE_FILE_VIEW,
  cogniteFileValues,
  fileProperty,
  nodeField,
  type CogniteFileUpsertItem,
  type CogniteFileWrite,
} from '../../../../src/cdf/model';
import { useEmulator } from '../../emulator/helpers';

const SPACE = 'plant_a_documents';
const item = (externalId: string, properties: CogniteFileWrite, existingVersion?: number): CogniteFileUpsertItem => ({
  instanceType: 'node',
  space: SPACE,
  externalId,
  ...(existingVersion === undefined ? {} : { existingVersion }),
  sources: [{ source: COGNITE_FILE_VIEW, properties }],
});

/** The client's data modeling calls against the emulator over HTTP. */
describe('cdf/client: data modeling requests (CogniteFile nodes) against the emulator', () => {
  const ctx = useEmulator({ files: 3000, seed: 8 });
  let client: CdfClient;
  before(() => {
    const { baseUrl, project, token } = ctx.emulator;
    client = new CdfClient({ baseUrl, project, tokenProvider: new StaticTokenProvider(token) });
  });
  const writes = () => ctx.emulator.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/models/instances'));

  it('lists every CogniteFile node through cursors, once each, as many as aggregate counts', async () => {
    const seen = new Set<string>();
    let pages = 0;
    for await (const page of client.models.listAllFileNodes({ limit: 40 })) {
      pages++;
      for (const n of page.items) {
        assert.ok(!seen.has(`${n.space}:${n.externalId}`), 'no node twice');
        seen.add(`${n.space}:${n.externalId}`);
        assert.ok(cogniteFileValues(n).name, 'read through the CogniteFile view');
      }
    }
    assert.ok(pages > 1, `${pages} pages`);
    assert.equal(await client.models.countFileNodes(undefined), seen.size);
    const bySpace = await client.models.countFileNodesBy('directory', undefined);
    assert.ok(bySpace.length > 1 && bySpace.every((g) => typeof g.value === 'string' && g.count > 0));
  });

  it('filters in the instances filter language and counts the same nodes', async () => {
    const filter = {
      and: [
        { equals: { property: nodeField('space'), value: SPACE } },
        { equals: { property: fileProperty('mimeType'), value: 'application/pdf' } },
      ],
    };
    const page = await client.models.listFileNodes({ filter, limit: 1000 });
    assert.ok(page.items.length > 0);
    for (const n of page.items) {
      assert.equal(n.space, SPACE);
      assert.equal(cogniteFileValues(n).mimeType, 'application/pdf');
    }
    assert.equal(await client.models.countFileNodes(filter), page.items.length);
  });

  it('retrieves in the order asked and names the nodes that do not exist', async () => {
    const page = await client.models.listFileNodes({ limit: 3 });
    const ids = page.items.map((n) => ({ space: n.space, externalId: n.externalId })).reverse();
    assert.deepEqual(
      (await client.models.retrieveFileNodes(ids)).map((n) => n.externalId),
      ids.map((i) => i.externalId),
    );
    const ghost = { space: SPACE, externalId: 'no_such_node' };
    await assert.rejects(client.models.retrieveFileNodes([ids[0]!, ghost]), (e: unknown) => {
      assert.ok(e instanceof NodesNotFoundError);
      assert.deepEqual(e.missing, [ghost]);
      return true;
    });
  });

  it('searches names with instances/search', async () => {
    const [first] = (await client.models.listFileNodes({ limit: 1 })).items;
    const name = cogniteFileValues(first!).name!;
    const word = name.split(/[^A-Za-z0-9]+/).find((w) => w.length >= 3)!;
    const found = await client.models.searchFileNodes({ query: word, limit: 1000 });
    assert.ok(
      found.some((n) => n.externalId === first!.externalId),
      `"${word}" finds ${name}`,
    );
  });

  it('upserts with existingVersion; a stale one is a VersionConflictError naming only it, nothing written', async () => {
    const [a, b] = await client.models.upsertFileNodes([item('client_a', { name: 'a.pdf' }), item('client_b', {})]);
    assert.equal(a?.version, 1);
    const sent = writes().at(-1)!.body as { autoCreateDirectRelations?: boolean };
    assert.equal(sent.autoCreateDirectRelations, false, 'never creates direct relation targets');
    await client.models.upsertFileNodes([item('client_b', { tags: ['other writer'] }, b!.version)]);
    await assert.rejects(
      client.models.upsertFileNodes([item('client_a', { name: 'a2.pdf' }, 1), item('client_b', { name: 'b2' }, 1)]),
      (e: unknown) => {
        assert.ok(e instanceof VersionConflictError, String(e));
        assert.deepEqual(e.nodes, [{ space: SPACE, externalId: 'client_b', existingVersion: 1, currentVersion: 2 }]);
        assert.match(e.message, /client_b/);
        return true;
      },
    );
    const [readA] = await client.models.retrieveFileNodes([{ space: SPACE, externalId: 'client_a' }]);
    assert.equal(cogniteFileValues(readA!).name, 'a.pdf', 'the request was one transaction');
  });

  it('refuses a mistyped direct relation (400 naming it) rather than creating an empty node', async () => {
    const asset = { space: 'plant_assets', externalId: 'asset_typo' };
    await assert.rejects(client.models.upsertFileNodes([item('client_c', { assets: [asset] })]), (e: unknown) => {
      assert.ok(e instanceof CdfApiError && e.status === 400, String(e));
      assert.deepEqual(e.missing, [{ instanceType: 'node', ...asset }]);
      return true;
    });
    assert.equal(ctx.emulator.store.nodes.get('plant_assets:asset_typo'), undefined);
  });

  it('sends nothing for bad input: a read-only property, an unknown filter', async () => {
    const before = ctx.emulator.requests.length;
    const readOnly = { isUploaded: true } as unknown as CogniteFileWrite;
    await assert.rejects(client.models.upsertFileNodes([item('client_d', readOnly)]), CdfInvalidRequestError);
    const badFilter = { equals: { property: ['name'], value: 1 } };
    await assert.rejects(client.models.listFileNodes({ filter: badFilter as never }), CdfInvalidRequestError);
    assert.equal(ctx.emulator.requests.length, before);
  });

  it('retries reads the project throttles (429 over its concurrent read limit)', async () => {
    ctx.emulator.store.modelLimits = { ...ctx.emulator.store.modelLimits, concurrentReadLimit: 1 };
    ctx.emulator.setFaults({ routes: { 'POST /models/instances/aggregate': { latencyMs: 30 } } });
    try {
      const counts = await Promise.all(Array.from({ length: 4 }, () => client.models.countFileNodes(undefined)));
      assert.equal(new Set(counts).size, 1);
      const throttled = ctx.emulator.requests.filter((r) => r.path.endsWith('/aggregate') && r.status === 429);
      assert.ok(throttled.length > 0, 'the emulator throttled some');
    } finally {
      ctx.emulator.setFaults(undefined);
      ctx.emulator.store.modelLimits = { ...ctx.emulator.store.modelLimits, concurrentReadLimit: 8 };
    }
  });

  it('reads the statistics and the spaces', async () => {
    const stats = await client.models.statistics();
    assert.equal(stats.concurrentWriteLimit, ctx.emulator.store.modelLimits.concurrentWriteLimit);
    const spaces = await client.models.listSpaces();
    assert.ok(spaces.some((s) => s.space === SPACE));
    assert.ok(!spaces.some((s) => s.isGlobal));
    assert.ok((await client.models.listSpaces({ includeGlobal: true })).some((s) => s.space === 'cdf_cdm'));
  });

  it('lists the same nodes as @cognite/sdk instances.list does', async () => {
    const { baseUrl, project, token } = ctx.emulator;
    const sdk = new CogniteClient({
      appId: 'parity',
      project,
      baseUrl,
      oidcTokenProvider: () => Promise.resolve(token),
    });
    const filter = { hasData: [COGNITE_FILE_VIEW] };
    const theirs = await sdk.instances.list({
      instanceType: 'node',
      filter,
      sources: [{ source: COGNITE_FILE_VIEW }],
      limit: 200,
    });
    const ours = await client.models.listFileNodes({ limit: 200 });
    assert.deepEqual(
      ours.items.map((n) => [n.externalId, n.version, cogniteFileValues(n).name]),
      theirs.items.map((n) => [
        n.externalId,
        n.version,
        (n.properties as Record<string, Record<string, { name?: string }>>)['cdf_cdm']!['CogniteFile/v1']!.name,
      ]),
    );
  });
});
