import assert from 'node:assert/strict';
import type { Asset, DataSet, LabelDefinition } from '../../../src/emulator';
import { client, idsOf, useEmulator } from './helpers';

describe('emulator: data set, label and asset look-ups', () => {
  const ctx = useEmulator({ files: 0 });
  const c = () => client(ctx.emulator);

  it('/datasets/list lists the data sets, filtered and paged', async () => {
    const all = await c().post('/datasets/list', {});
    assert.equal(all.status, 200);
    const sets = all.body.items as DataSet[];
    assert.ok(sets.length >= 5);
    for (const d of sets)
      assert.ok(d.id && d.name && d.externalId && typeof d.writeProtected === 'boolean' && d.createdTime);
    const locked = await c().post('/datasets/list', { filter: { writeProtected: true } });
    assert.deepEqual(
      (locked.body.items as DataSet[]).map((d) => d.externalId),
      ['ds-legacy-sharepoint'],
    );
    const prefixed = await c().post('/datasets/list', { filter: { externalIdPrefix: 'ds-m' } });
    assert.deepEqual(
      (prefixed.body.items as DataSet[]).map((d) => d.externalId),
      ['ds-maintenance-sap'],
    );
    const first = await c().post('/datasets/list', { limit: 2 });
    const rest = await c().post('/datasets/list', { limit: 1000, cursor: first.body.nextCursor });
    assert.deepEqual([...idsOf(first.body.items), ...idsOf(rest.body.items)], idsOf(sets));
    assert.equal(rest.body.nextCursor, undefined);
  });

  it('/datasets/byids returns them in request order; unknown ones → 400 missing', async () => {
    const ds = ctx.emulator.store.dataSets.getByExternalId('ds-inspection-integrity')!;
    const res = await c().post('/datasets/byids', { items: [{ externalId: 'ds-asset-hierarchy' }, { id: ds.id }] });
    assert.deepEqual(
      (res.body.items as DataSet[]).map((d) => d.externalId),
      ['ds-asset-hierarchy', 'ds-inspection-integrity'],
    );
    const unknown = await c().post('/datasets/byids', { items: [{ externalId: 'nope' }] });
    assert.equal(unknown.status, 400);
    assert.deepEqual(unknown.body.error.missing, [{ externalId: 'nope' }]);
    assert.equal(
      (await c().post('/datasets/byids', { items: [{ id: 1 }], ignoreUnknownIds: true })).body.items.length,
      0,
    );
  });

  it('/labels/list lists label definitions with prefix filter and cursor', async () => {
    const all = (await c().post('/labels/list', { limit: 1000 })).body.items as LabelDefinition[];
    assert.ok(all.some((l) => l.externalId === 'PID' && l.name === 'P&ID'));
    const pages: LabelDefinition[] = [];
    let cursor: string | undefined;
    do {
      const res = await c().post('/labels/list', { limit: 5, ...(cursor ? { cursor } : {}) });
      pages.push(...(res.body.items as LabelDefinition[]));
      cursor = res.body.nextCursor;
    } while (cursor);
    assert.deepEqual(pages, all);
    const s = await c().post('/labels/list', { filter: { externalIdPrefix: 'S' } });
    assert.deepEqual(
      (s.body.items as LabelDefinition[]).map((l) => l.externalId),
      ['SAFETY_CRITICAL', 'SUPERSEDED'],
    );
  });

  it('/assets/list: roots, children, subtrees, partitions and aggregates', async () => {
    const roots = (await c().post('/assets/list', { filter: { root: true } })).body.items as Asset[];
    assert.deepEqual(roots.map((a) => a.externalId).sort(), ['plant-a', 'plant-b', 'plant-c']);
    const plantA = roots.find((a) => a.externalId === 'plant-a')!;
    const areas = (await c().post('/assets/list', { filter: { parentIds: [plantA.id] } })).body.items as Asset[];
    assert.equal(areas.length, 4);
    for (const a of areas) assert.equal(a.parentExternalId, 'plant-a');
    const subtree = (
      await c().post('/assets/list', { filter: { assetSubtreeIds: [{ externalId: 'plant-a' }] }, limit: 1000 })
    ).body.items as Asset[];
    assert.ok(subtree.length > 50);
    for (const a of subtree) assert.equal(a.rootId, plantA.id);
    const parts = await Promise.all([1, 2].map((m) => c().post('/assets/list', { partition: `${m}/2`, limit: 1000 })));
    assert.equal(parts[0]!.body.items.length + parts[1]!.body.items.length, ctx.emulator.store.assets.size);
    const withAggregates = await c().post('/assets/byids', {
      items: [{ externalId: 'plant-a:area-10' }],
      aggregatedProperties: ['childCount', 'depth', 'path'],
    });
    const aggregates = withAggregates.body.items[0].aggregates;
    assert.equal(aggregates.depth, 1);
    assert.deepEqual(aggregates.path, [{ id: plantA.id }, { id: withAggregates.body.items[0].id }]);
    assert.ok(aggregates.childCount > 10);
  });

  it('/assets/list pages with a cursor', async () => {
    const all: Asset[] = [];
    let cursor: string | undefined;
    do {
      const res = await c().post('/assets/list', { limit: 100, ...(cursor ? { cursor } : {}) });
      all.push(...(res.body.items as Asset[]));
      cursor = res.body.nextCursor;
    } while (cursor);
    assert.equal(all.length, ctx.emulator.store.assets.size);
    assert.equal(new Set(idsOf(all)).size, all.length);
  });

  it('/assets/byids in request order; unknown → 400 missing', async () => {
    const res = await c().post('/assets/byids', { items: [{ externalId: 'plant-b' }, { externalId: 'plant-a' }] });
    assert.deepEqual(
      (res.body.items as Asset[]).map((a) => a.externalId),
      ['plant-b', 'plant-a'],
    );
    const unknown = await c().post('/assets/byids', { items: [{ externalId: 'x' }, { id: 5 }] });
    assert.deepEqual(unknown.body.error.missing, [{ externalId: 'x' }, { id: 5 }]);
  });

  it('/assets/search finds equipment by tag or words of its description', async () => {
    const byName = (await c().post('/assets/search', { search: { name: '20-K-2001' }, limit: 10 })).body
      .items as Asset[];
    assert.ok(byName.length > 0);
    assert.ok(byName[0]!.name.startsWith('20-K-2001'));
    const byQuery = (await c().post('/assets/search', { search: { query: 'export compressor' } })).body
      .items as Asset[];
    assert.ok(byQuery.length > 0);
    assert.match(byQuery[0]!.description!, /compressor/i);
    const filtered = (
      await c().post('/assets/search', { filter: { externalIdPrefix: 'plant-c:' }, search: { query: 'pump' } })
    ).body.items as Asset[];
    for (const a of filtered) assert.ok(a.externalId!.startsWith('plant-c:'));
    assert.equal((await c().post('/assets/search', { limit: 1001 })).status, 400);
  });
});
