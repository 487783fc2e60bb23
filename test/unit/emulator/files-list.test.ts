import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { FileRecord } from '../../../src/cdf/model';
import { allRecords, client, idsOf, useEmulator } from './helpers';

type Page = {
  items: FileRecord[];
  nextCursor?: string;
  error?: { code: number; message: string; missing?: unknown[] };
};

describe('emulator: files/list and GET /files', () => {
  const ctx = useEmulator({ files: 1500, seed: 4 });
  const post = (body: unknown) => client(ctx.emulator).post<Page>('/files/list', body);

  async function listAll(body: Record<string, unknown>): Promise<FileRecord[]> {
    const out: FileRecord[] = [];
    let cursor: string | undefined;
    do {
      const res = await post({ ...body, ...(cursor ? { cursor } : {}) });
      assert.equal(res.status, 200, JSON.stringify(res.body));
      out.push(...res.body.items);
      cursor = res.body.nextCursor;
    } while (cursor);
    return out;
  }

  /** What a filter should return, computed from the store by a straightforward reading of the spec. */
  const expected = (keep: (r: FileRecord) => boolean) => idsOf(allRecords(ctx.emulator).filter(keep));

  async function assertFilter(filter: Record<string, unknown>, keep: (r: FileRecord) => boolean) {
    const got = idsOf(await listAll({ filter, limit: 1000 }));
    const want = expected(keep);
    assert.ok(want.length > 0, `the demo data has matches for ${JSON.stringify(filter)}`);
    assert.ok(want.length < ctx.emulator.store.files.size, `the filter ${JSON.stringify(filter)} narrows`);
    assert.deepEqual(got, want);
  }

  it('returns 100 records by default, with an opaque nextCursor', async () => {
    const res = await post({});
    assert.equal(res.body.items.length, 100);
    assert.equal(typeof res.body.nextCursor, 'string');
  });

  it('pages through every record exactly once, in id order, without an empty last page', async () => {
    const all = await listAll({ limit: 1000 });
    assert.equal(all.length, 1500);
    const ids = idsOf(all);
    assert.deepEqual(
      ids,
      [...ids].sort((a, b) => a - b),
    );
    assert.equal(new Set(ids).size, 1500);
    const last = await post({ limit: 500, cursor: (await post({ limit: 1000 })).body.nextCursor });
    assert.equal(last.body.items.length, 500);
    assert.equal(last.body.nextCursor, undefined);
  });

  it('rejects a limit outside 1..1000, a bad cursor and unknown fields, naming them', async () => {
    for (const limit of [0, 1001, 2.5]) {
      const res = await post({ limit });
      assert.equal(res.status, 400);
      assert.equal(res.body.error!.code, 400);
      assert.match(res.body.error!.message, /limit/);
    }
    assert.match((await post({ cursor: 'garbage' })).body.error!.message, /cursor/i);
    const unknown = await post({ filter: { nmae: 'x' } });
    assert.equal(unknown.status, 400);
    assert.match(unknown.body.error!.message, /filter\.nmae/);
  });

  it('splits the records into partitions M/N that together hold each exactly once', async () => {
    const parts = await Promise.all([1, 2, 3].map((m) => listAll({ partition: `${m}/3`, limit: 200 })));
    const ids = parts.flatMap(idsOf);
    assert.equal(ids.length, 1500);
    assert.equal(new Set(ids).size, 1500);
    for (const part of parts) assert.ok(part.length > 350, 'partitions are balanced');
    for (const bad of ['0/3', '4/3', '1/11', 'x']) assert.equal((await post({ partition: bad })).status, 400, bad);
  });

  it('pages every partition completely for any page size and partition count (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 10 }), fc.integer({ min: 150, max: 1000 }), async (n, limit) => {
        const parts = await Promise.all(
          Array.from({ length: n }, (_, m) => listAll({ partition: `${m + 1}/${n}`, limit })),
        );
        const ids = parts.flatMap(idsOf);
        return ids.length === 1500 && new Set(ids).size === 1500;
      }),
      { numRuns: 8 },
    );
  });

  it('keeps a cursor valid after the record it points at is deleted', async () => {
    const first = await post({ limit: 10 });
    const lastId = first.body.items[9]!.id;
    const expectedNext = (await post({ limit: 1, cursor: first.body.nextCursor })).body.items[0]!.id;
    const record = ctx.emulator.store.files.get(lastId)!;
    ctx.emulator.store.files.delete(lastId);
    try {
      const next = await post({ limit: 1, cursor: first.body.nextCursor });
      assert.equal(next.body.items[0]!.id, expectedNext);
    } finally {
      ctx.emulator.store.files.put(record);
    }
  });

  describe('filters (each narrows exactly as documented)', () => {
    it('name (exact), directoryPrefix (case-sensitive), mimeType, source, externalIdPrefix, uploaded', async () => {
      const some = allRecords(ctx.emulator)[7]!;
      await assertFilter({ name: some.name }, (r) => r.name === some.name);
      await assertFilter({ directoryPrefix: '/plant-a/' }, (r) => r.directory?.startsWith('/plant-a/') ?? false);
      assert.equal((await listAll({ filter: { directoryPrefix: '/PLANT-A/' } })).length, 0);
      await assertFilter({ mimeType: 'image/jpeg' }, (r) => r.mimeType === 'image/jpeg');
      await assertFilter({ source: 'SAP' }, (r) => r.source === 'SAP');
      await assertFilter({ externalIdPrefix: 'documentum:' }, (r) => r.externalId?.startsWith('documentum:') ?? false);
      await assertFilter({ uploaded: false }, (r) => !r.uploaded);
    });

    it('metadata (every given pair)', async () => {
      await assertFilter(
        { metadata: { plant: 'plant-b', area: '20' } },
        (r) => r.metadata?.plant === 'plant-b' && r.metadata.area === '20',
      );
    });

    it('assetIds, assetExternalIds, assetSubtreeIds and rootAssetIds', async () => {
      const { store } = ctx.emulator;
      const pump =
        store.assets.getByExternalId('plant-a:10-P-1001A') ?? store.assets.getByExternalId('plant-a:10-P-1001')!;
      await assertFilter({ assetIds: [pump.id] }, (r) => r.assetIds?.includes(pump.id) ?? false);
      await assertFilter({ assetExternalIds: [pump.externalId] }, (r) => r.assetIds?.includes(pump.id) ?? false);
      const area = store.assets.getByExternalId('plant-a:area-10')!;
      const inArea = new Set(
        store.assets
          .sorted()
          .filter((a) => a.parentId === area.id)
          .map((a) => a.id)
          .concat(area.id),
      );
      await assertFilter({ assetSubtreeIds: [{ externalId: 'plant-a:area-10' }] }, (r) =>
        (r.assetIds ?? []).some((a) => inArea.has(a)),
      );
      const root = store.assets.getByExternalId('plant-c')!;
      await assertFilter({ rootAssetIds: [{ id: root.id }] }, (r) =>
        (r.assetIds ?? []).some((a) => store.assets.get(a)?.rootId === root.id),
      );
    });

    it('dataSetIds by id or externalId; an unknown externalId is a 400 with missing', async () => {
      const ds = ctx.emulator.store.dataSets.getByExternalId('ds-maintenance-sap')!;
      await assertFilter({ dataSetIds: [{ externalId: 'ds-maintenance-sap' }] }, (r) => r.dataSetId === ds.id);
      await assertFilter({ dataSetIds: [{ id: ds.id }] }, (r) => r.dataSetId === ds.id);
      const res = await post({ filter: { dataSetIds: [{ externalId: 'no-such-data-set' }] } });
      assert.equal(res.status, 400);
      assert.deepEqual(res.body.error!.missing, [{ externalId: 'no-such-data-set' }]);
    });

    it('labels containsAny / containsAll', async () => {
      const has = (r: FileRecord, x: string) => r.labels?.some((l) => l.externalId === x) ?? false;
      await assertFilter(
        { labels: { containsAny: [{ externalId: 'PID' }, { externalId: 'HAZOP' }] } },
        (r) => has(r, 'PID') || has(r, 'HAZOP'),
      );
      await assertFilter(
        { labels: { containsAll: [{ externalId: 'PID' }, { externalId: 'SAFETY_CRITICAL' }] } },
        (r) => has(r, 'PID') && has(r, 'SAFETY_CRITICAL'),
      );
    });

    it('time ranges are inclusive, and source* ranges skip files without the field', async () => {
      const t = allRecords(ctx.emulator)[3]!.createdTime;
      await assertFilter({ createdTime: { min: t } }, (r) => r.createdTime >= t);
      await assertFilter({ createdTime: { max: t } }, (r) => r.createdTime <= t);
      await assertFilter(
        { lastUpdatedTime: { min: Date.UTC(2024, 0, 1) } },
        (r) => r.lastUpdatedTime >= Date.UTC(2024, 0, 1),
      );
      await assertFilter(
        { uploadedTime: { max: Date.UTC(2022, 0, 1) } },
        (r) => (r.uploadedTime ?? Infinity) <= Date.UTC(2022, 0, 1),
      );
      await assertFilter({ sourceCreatedTime: { min: 0 } }, (r) => r.sourceCreatedTime !== undefined);
      await assertFilter(
        { sourceModifiedTime: { min: Date.UTC(2015, 0, 1), max: Date.UTC(2020, 0, 1) } },
        (r) =>
          r.sourceModifiedTime !== undefined &&
          r.sourceModifiedTime >= Date.UTC(2015, 0, 1) &&
          r.sourceModifiedTime <= Date.UTC(2020, 0, 1),
      );
    });

    it('geoLocation within / intersects / disjoint (either case of the relation)', async () => {
      // A box around Nordhavn Gas Plant (plant-a): its photos carry points, its layouts polygons.
      const box = {
        type: 'Polygon',
        coordinates: [
          [
            [5.0, 60.5],
            [5.1, 60.5],
            [5.1, 60.6],
            [5.0, 60.6],
            [5.0, 60.5],
          ],
        ],
      };
      const geo = (r: FileRecord) => r.geoLocation !== undefined;
      const atPlantA = (r: FileRecord) => geo(r) && r.directory?.startsWith('/plant-a/') === true;
      const within = idsOf(await listAll({ filter: { geoLocation: { relation: 'within', shape: box } }, limit: 1000 }));
      const plantAWithGeo = expected((r) => atPlantA(r) || (geo(r) && r.metadata?.maintenancePlant === 'NO01-A'));
      assert.ok(within.length > 0);
      assert.deepEqual(within, plantAWithGeo);
      const intersects = idsOf(
        await listAll({ filter: { geoLocation: { relation: 'INTERSECTS', shape: box } }, limit: 1000 }),
      );
      assert.deepEqual(intersects, within);
      const disjoint = idsOf(
        await listAll({ filter: { geoLocation: { relation: 'disjoint', shape: box } }, limit: 1000 }),
      );
      assert.deepEqual(
        disjoint,
        expected((r) => geo(r) && !within.includes(r.id)),
      );
      const point = { type: 'Point', coordinates: [5.04, 60.55] };
      assert.equal((await post({ filter: { geoLocation: { relation: 'within', shape: point } } })).status, 200);
    });

    it('several fields together (AND)', async () => {
      await assertFilter(
        { mimeType: 'application/pdf', directoryPrefix: '/plant-b', uploaded: true },
        (r) => r.mimeType === 'application/pdf' && (r.directory?.startsWith('/plant-b') ?? false) && r.uploaded,
      );
    });
  });

  describe('GET /files with query parameters', () => {
    const get = (query: string) => client(ctx.emulator).get<Page>(`/files?${query}`);

    it('takes limit, cursor and partition like the POST variant', async () => {
      const first = await get('limit=7');
      assert.equal(first.body.items.length, 7);
      const next = await get(`limit=7&cursor=${encodeURIComponent(first.body.nextCursor!)}`);
      assert.deepEqual(idsOf(next.body.items), idsOf((await post({ limit: 14 })).body.items).slice(7));
      const part = await get('limit=5&partition=2/4');
      assert.deepEqual(part.body.items, (await post({ limit: 5, partition: '2/4' })).body.items);
    });

    it('maps every filter parameter (JSON arrays where the spec says so)', async () => {
      const ds = ctx.emulator.store.dataSets.getByExternalId('ds-engineering-documents')!;
      const some = allRecords(ctx.emulator).find((r) => r.assetIds && r.sourceCreatedTime && r.externalId)!;
      const cases: [string, Record<string, unknown>][] = [
        ['mimeType=application%2Fpdf&source=Documentum', { mimeType: 'application/pdf', source: 'Documentum' }],
        ['uploaded=false', { uploaded: false }],
        [`name=${encodeURIComponent(some.name)}`, { name: some.name }],
        ['externalIdPrefix=sap%3A', { externalIdPrefix: 'sap:' }],
        [`assetIds=${encodeURIComponent(JSON.stringify(some.assetIds))}`, { assetIds: some.assetIds }],
        [`dataSetIds=${encodeURIComponent(JSON.stringify([{ id: ds.id }]))}`, { dataSetIds: [{ id: ds.id }] }],
        ['assetExternalIds=' + encodeURIComponent('["plant-b:area-20"]'), { assetExternalIds: ['plant-b:area-20'] }],
        [
          'assetSubtreeExternalIds=' + encodeURIComponent('["plant-b:area-20"]'),
          { assetSubtreeIds: [{ externalId: 'plant-b:area-20' }] },
        ],
        [
          `minCreatedTime=${Date.UTC(2022, 0, 1)}&maxCreatedTime=${Date.UTC(2023, 0, 1)}`,
          { createdTime: { min: Date.UTC(2022, 0, 1), max: Date.UTC(2023, 0, 1) } },
        ],
        [`minSourceCreatedTime=${some.sourceCreatedTime}`, { sourceCreatedTime: { min: some.sourceCreatedTime } }],
      ];
      for (const [query, filter] of cases) {
        const viaGet = await get(`limit=1000&${query}`);
        assert.equal(viaGet.status, 200, `${query}: ${JSON.stringify(viaGet.body)}`);
        const viaPost = await post({ limit: 1000, filter });
        assert.deepEqual(idsOf(viaGet.body.items), idsOf(viaPost.body.items), query);
      }
    });

    it('answers 400 for malformed parameters', async () => {
      for (const query of [
        'limit=abc',
        'limit=0',
        'uploaded=yes',
        'minCreatedTime=x',
        'assetIds=[1,',
        'partition=1/20',
      ])
        assert.equal((await get(query)).status, 400, query);
    });
  });
});
