import assert from 'node:assert/strict';
import { CogniteClient, CogniteError } from '@cognite/sdk';
import { useEmulator } from './helpers';
import { ASSET_VIEW, FILE_VIEW } from './dms-helpers';

/**
 * The official @cognite/sdk, unchanged, against the emulator's data modeling routes: what works
 * here should work against CDF, and the other way round.
 */
describe('conformance: @cognite/sdk instances against the emulator', function () {
  this.timeout(30_000);
  const ctx = useEmulator({ files: 2000, seed: 6, project: 'sdk-dms', token: 'sdk-token' });
  let sdk: CogniteClient;
  before(() => {
    sdk = new CogniteClient({
      appId: 'cdf-files-dms-conformance',
      project: ctx.emulator.project,
      baseUrl: ctx.emulator.baseUrl,
      oidcTokenProvider: () => Promise.resolve(ctx.emulator.token),
    });
  });
  const SPACE = 'plant_c_documents';
  const fileNodes = () =>
    [...ctx.emulator.store.nodes.sorted()].filter((n) => n.data['cdf_cdm/CogniteFile'] !== undefined);

  it('upserts with existingVersion and reads the node back with retrieve', async () => {
    const written = await sdk.instances.upsert({
      items: [
        {
          instanceType: 'node',
          space: SPACE,
          externalId: 'sdk_file_1',
          sources: [{ source: FILE_VIEW, properties: { name: 'sdk.pdf', tags: ['a', 'b'] } }],
        },
      ],
      autoCreateDirectRelations: false,
    });
    assert.equal(written.items[0]?.version, 1);
    assert.equal(written.items[0]?.wasModified, true);
    const again = await sdk.instances.upsert({
      items: [
        {
          instanceType: 'node',
          space: SPACE,
          externalId: 'sdk_file_1',
          existingVersion: 1,
          sources: [{ source: FILE_VIEW, properties: { description: 'from the SDK' } }],
        },
      ],
    });
    assert.equal(again.items[0]?.version, 2);
    const got = await sdk.instances.retrieve({
      items: [{ instanceType: 'node', space: SPACE, externalId: 'sdk_file_1' }],
      sources: [{ source: FILE_VIEW }],
    });
    assert.deepEqual(got.items[0]?.properties, {
      cdf_cdm: { 'CogniteFile/v1': { name: 'sdk.pdf', description: 'from the SDK', tags: ['a', 'b'] } },
    });
  });

  it('surfaces a version conflict as a CogniteError 409', async () => {
    await assert.rejects(
      sdk.instances.upsert({
        items: [
          {
            instanceType: 'node',
            space: SPACE,
            externalId: 'sdk_file_1',
            existingVersion: 1,
            sources: [{ source: FILE_VIEW, properties: { name: 'stale' } }],
          },
        ],
      }),
      (e: unknown) => e instanceof CogniteError && e.status === 409 && /version conflict/.test(e.message),
    );
  });

  it('lists with a filter and pages with the cursor, every CogniteFile node once', async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await sdk.instances.list({
        instanceType: 'node',
        sources: [{ source: FILE_VIEW }],
        filter: { hasData: [FILE_VIEW] },
        limit: 7,
        ...(cursor ? { cursor } : {}),
      });
      seen.push(...page.items.map((n) => `${n.space}:${n.externalId}`));
      cursor = page.nextCursor;
    } while (cursor);
    const expected = fileNodes().map((n) => `${n.space}:${n.externalId}`);
    assert.ok(expected.length > 50);
    assert.deepEqual([...seen].sort(), [...expected].sort());
  });

  it('searches a view and aggregates counts grouped by space-scoped properties', async () => {
    const found = await sdk.instances.search({ view: ASSET_VIEW, query: 'compressor', limit: 1000 });
    assert.ok(found.items.length > 0);
    for (const n of found.items) {
      const values = n.properties?.cdf_cdm?.['CogniteAsset/v1'] as Record<string, string>;
      assert.match(`${values.name} ${values.description ?? ''}`, /compressor/i);
    }
    const counts = await sdk.instances.aggregate({
      view: FILE_VIEW,
      groupBy: ['mimeType'],
      aggregates: [{ count: {} }],
    });
    const total = counts.items.reduce((sum, i) => sum + Number((i.aggregates[0] as { value: number }).value), 0);
    assert.equal(total, fileNodes().filter((n) => n.data['cdf_cdm/CogniteFile']?.mimeType !== undefined).length);
    const unique = await sdk.instances.aggregate({ view: FILE_VIEW, groupBy: ['mimeType'] });
    assert.deepEqual(
      unique.items.map((i) => i.group?.mimeType).sort(),
      counts.items.map((i) => i.group?.mimeType).sort(),
      'the same values, without counts',
    );
    for (const i of unique.items) assert.deepEqual(i.aggregates, []);
  });

  it('deletes, and the node and its classic file are gone', async () => {
    await sdk.instances.delete([{ instanceType: 'node', space: SPACE, externalId: 'sdk_file_1' }]);
    const got = await sdk.instances.retrieve({
      items: [{ instanceType: 'node', space: SPACE, externalId: 'sdk_file_1' }],
    });
    assert.equal(got.items.length, 0);
    assert.equal(ctx.emulator.store.files.getByInstanceId({ space: SPACE, externalId: 'sdk_file_1' }), undefined);
  });
});
