import assert from 'node:assert/strict';
import type { NodeRecord } from '../../../src/emulator/dms/instance-types';
import { useEmulator, type Json } from './helpers';
import { ASSET_VIEW, dms, FILE_VIEW, fileItem } from './dms-helpers';

const FILE = 'cdf_cdm/CogniteFile';

describe('emulator: data modeling search, aggregate, statistics, spaces and views', function () {
  this.timeout(20_000);
  const ctx = useEmulator({ files: 3000, seed: 5 });
  const api = () => dms(ctx.emulator);
  const files = (): NodeRecord[] => ctx.emulator.store.nodes.sorted().filter((n) => n.data[FILE] !== undefined);

  it('search matches word prefixes of text properties, AND or OR, within a filter', async () => {
    const or = await api().post('/models/instances/search', { view: ASSET_VIEW, query: 'compress pump', limit: 1000 });
    const and = await api().post('/models/instances/search', {
      view: ASSET_VIEW,
      query: 'crude pump',
      operator: 'AND',
      limit: 1000,
    });
    const text = (n: Json) => {
      const v = n.properties.cdf_cdm['CogniteAsset/v1'];
      return `${v.name} ${v.description ?? ''}`.toLowerCase();
    };
    assert.ok(or.body.items.length > and.body.items.length && and.body.items.length > 0);
    for (const n of or.body.items) assert.match(text(n), /\bcompress|\bpump/);
    for (const n of and.body.items) assert.ok(/\bcrude/.test(text(n)) && /\bpump/.test(text(n)), text(n));
    const inArea = await api().post('/models/instances/search', {
      view: FILE_VIEW,
      query: 'pdf',
      properties: ['name'],
      filter: { prefix: { property: ['cdf_cdm', 'CogniteFile/v1', 'directory'], value: '/plant-a/' } },
    });
    assert.ok(inArea.body.items.length > 0);
    for (const n of inArea.body.items) assert.match(n.properties.cdf_cdm['CogniteFile/v1'].directory, /^\/plant-a\//);
  });

  it('aggregate counts by category and by tag (one group per list item), after a filter', async () => {
    const byCategory = await api().post('/models/instances/aggregate', {
      view: FILE_VIEW,
      groupBy: ['category'],
      aggregates: [{ count: {} }],
    });
    assert.equal(byCategory.status, 200, JSON.stringify(byCategory.body));
    const expected = new Map<string, number>();
    for (const n of files()) {
      const c = n.data[FILE]?.category as { externalId: string } | undefined;
      if (c) expected.set(c.externalId, (expected.get(c.externalId) ?? 0) + 1);
    }
    const got = new Map(
      byCategory.body.items.map((i: Json) => [i.group.category.externalId, i.aggregates[0].value] as [string, number]),
    );
    assert.deepEqual(got, expected);
    const bySpaceFilter = await api().post('/models/instances/aggregate', {
      view: FILE_VIEW,
      filter: { equals: { property: ['node', 'space'], value: 'plant_c_documents' } },
      groupBy: ['tags'],
      aggregates: [{ count: {} }],
    });
    const tagged = files().filter((n) => n.space === 'plant_c_documents');
    for (const item of bySpaceFilter.body.items) {
      const count = tagged.filter((n) =>
        (n.data['cdf_cdm/CogniteDescribable']?.tags as string[] | undefined)?.includes(item.group.tags),
      );
      assert.equal(item.aggregates[0].value, count.length, item.group.tags);
    }
    const total = await api().post('/models/instances/aggregate', { view: FILE_VIEW, aggregates: [{ count: {} }] });
    assert.deepEqual(total.body.items, [
      { instanceType: 'node', aggregates: [{ aggregate: 'count', property: 'externalId', value: files().length }] },
    ]);
    const avg = await api().post('/models/instances/aggregate', {
      view: FILE_VIEW,
      aggregates: [{ avg: { property: 'name' } }],
    });
    assert.equal(avg.status, 400);
  });

  it('aggregate with groupBy and no aggregates answers the unique values, with no count made up', async () => {
    // The API reference: "When you do not specify any aggregates, the fields listed in the groupBy
    // clause will return the unique values stored for each field."
    const unique = await api().post('/models/instances/aggregate', { view: FILE_VIEW, groupBy: ['mimeType'] });
    assert.equal(unique.status, 200, JSON.stringify(unique.body));
    const expected = new Set(files().flatMap((n) => (n.data[FILE]?.mimeType as string | undefined) ?? []));
    const values = unique.body.items.map((i: Json) => i.group.mimeType as string);
    assert.deepEqual(new Set(values), expected);
    assert.equal(values.length, expected.size, 'each value once');
    for (const item of unique.body.items) assert.deepEqual(item.aggregates, [], JSON.stringify(item));
  });

  it('statistics report the node count and the limits a client sizes its concurrency by', async () => {
    const before = await api().get('/models/statistics');
    assert.equal(before.body.instances.nodes, ctx.emulator.store.nodes.size);
    assert.equal(before.body.concurrentWriteLimit, 4);
    ctx.emulator.store.modelLimits = { ...ctx.emulator.store.modelLimits, concurrentWriteLimit: 1 };
    await api().upsert([fileItem('plant_a_documents', 'stats_node', { name: 's' })]);
    const after = await api().get('/models/statistics');
    assert.equal(after.body.instances.nodes, before.body.instances.nodes + 1);
    assert.equal(after.body.concurrentWriteLimit, 1);
  });

  it('spaces list with cursor and includeGlobal; views byids for the core views only', async () => {
    const own = await api().get('/models/spaces?limit=1000');
    const names = own.body.items.map((s: { space: string }) => s.space);
    assert.ok(names.includes('plant_assets') && !names.includes('cdf_cdm'));
    const withGlobal: string[] = [];
    let cursor = '';
    do {
      const page = await api().get(`/models/spaces?includeGlobal=true&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      withGlobal.push(...page.body.items.map((s: { space: string }) => s.space));
      cursor = page.body.nextCursor ?? '';
    } while (cursor);
    assert.deepEqual(withGlobal, [...names, 'cdf_cdm'].sort());
    const views = await api().post('/models/views/byids', {
      items: [
        { space: 'cdf_cdm', externalId: 'CogniteFile', version: 'v1' },
        { space: 'cdf_cdm', externalId: 'CogniteFile', version: 'v2' },
        { space: 'cdf_cdm', externalId: 'NotAView' },
      ],
    });
    assert.equal(views.body.items.length, 1);
    const file = views.body.items[0];
    assert.deepEqual(file.properties.assets.type.maxListSize, 1200);
    assert.equal(file.properties.equipment.connectionType, 'multi_reverse_direct_relation');
    assert.deepEqual(
      file.mappedContainers.map((c: { externalId: string }) => c.externalId),
      ['CogniteDescribable', 'CogniteSourceable', 'CogniteFile'],
    );
  });

  it('enforces non-nullable properties and the read-only core space', async () => {
    const category = {
      instanceType: 'node',
      space: 'document_reference',
      externalId: 'category_new',
      sources: [
        {
          source: { type: 'view', space: 'cdf_cdm', externalId: 'CogniteFileCategory', version: 'v1' },
          properties: { name: 'New' },
        },
      ],
    };
    const noCode = await api().upsert([category]);
    assert.equal(noCode.status, 400);
    assert.match(noCode.body.error.message, /"code".*required/);
    const core = await api().upsert([fileItem('cdf_cdm', 'x', { name: 'x' })]);
    assert.equal(core.status, 400);
    assert.match(core.body.error.message, /system space/);
  });
});
