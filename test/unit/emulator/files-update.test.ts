import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { FileChangeUpdate, FileRecord } from '../../../src/cdf/model';
import { applyUpdate } from '../../../src/core/records';
import { client, testClock, useEmulator } from './helpers';

const clock = testClock();

describe('emulator: POST /files/update', () => {
  const ctx = useEmulator({ files: 200, seed: 3, now: clock.now });
  const c = () => client(ctx.emulator);
  const update = (items: unknown[]) => c().post('/files/update', { items });
  let nextId = 1000;
  let ds: { a: number; b: number };

  before(() => {
    const { store } = ctx.emulator;
    ds = {
      a: store.dataSets.getByExternalId('ds-engineering-documents')!.id,
      b: store.dataSets.getByExternalId('ds-inspection-integrity')!.id,
    };
  });

  /** A fresh record to change, so each test owns its data. */
  function arrange(fields: Partial<FileRecord> = {}): FileRecord {
    const id = nextId++;
    const record = {
      id,
      externalId: `test:${id}`,
      name: `T-${id}.pdf`,
      directory: '/plant-a/area-10/pid',
      source: 'Documentum',
      mimeType: 'application/pdf',
      metadata: { revision: 'A', discipline: 'Process' },
      assetIds: [11, 12],
      dataSetId: ds.a,
      labels: [{ externalId: 'PID' }],
      securityCategories: [5],
      sourceCreatedTime: 1_500_000_000_000,
      sourceModifiedTime: 1_600_000_000_000,
      geoLocation: { type: 'Feature', geometry: { type: 'Point', coordinates: [5, 60] } },
      uploaded: true,
      uploadedTime: 1_700_000_000_000,
      createdTime: 1_700_000_000_000,
      lastUpdatedTime: 1_700_000_000_000,
      ...fields,
    } as FileRecord;
    ctx.emulator.store.files.put(record);
    return record;
  }

  /** Sends one patch and checks the answer (and the stored record) is `applyUpdate` + a fresh lastUpdatedTime. */
  async function assertApplies(patch: FileChangeUpdate, fields: Partial<FileRecord> = {}): Promise<FileRecord> {
    const before = arrange(fields);
    clock.advance(1000);
    const res = await update([{ id: before.id, update: patch }]);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    const want = { ...applyUpdate(before, patch), lastUpdatedTime: clock.now() };
    assert.deepEqual(res.body.items, [want]);
    assert.deepEqual(ctx.emulator.store.files.get(before.id), want);
    return res.body.items[0] as FileRecord;
  }

  describe('every field and operation', () => {
    it('scalar set and setNull: externalId, directory, source, mimeType, dataSetId, times, geoLocation', async () => {
      await assertApplies({ externalId: { set: 'renamed:1' } });
      await assertApplies({ externalId: { setNull: true } });
      await assertApplies({ directory: { set: '/plant-b/area-20/drawings' } });
      await assertApplies({ directory: { setNull: true } });
      await assertApplies({ source: { set: 'SharePoint' }, mimeType: { set: 'image/png' } });
      await assertApplies({ source: { setNull: true }, mimeType: { setNull: true } });
      await assertApplies({ dataSetId: { set: ds.b } });
      const noDataSet = await assertApplies({ dataSetId: { setNull: true } });
      assert.equal('dataSetId' in noDataSet, false);
      await assertApplies({ sourceCreatedTime: { set: 0 }, sourceModifiedTime: { set: 1_650_000_000_000 } });
      await assertApplies({ sourceCreatedTime: { setNull: true }, sourceModifiedTime: { setNull: true } });
      await assertApplies({
        geoLocation: {
          set: {
            type: 'Feature',
            geometry: {
              type: 'LineString',
              coordinates: [
                [5, 60],
                [5.1, 60.1],
              ],
            },
            properties: { a: 1 },
          },
        },
      });
      const noGeo = await assertApplies({ geoLocation: { setNull: true } });
      assert.equal('geoLocation' in noGeo, false, 'geoLocation is left out after setNull');
    });

    it('setNull: false changes nothing (Postman collections send it)', async () => {
      const after = await assertApplies({ source: { setNull: false } });
      assert.equal(after.source, 'Documentum');
    });

    it('metadata: set replaces all, add overwrites keys, remove drops keys, set {} clears', async () => {
      await assertApplies({ metadata: { set: { only: 'this' } } });
      const added = await assertApplies({ metadata: { add: { revision: 'B', status: 'Approved' } } });
      assert.deepEqual(added.metadata, { revision: 'B', discipline: 'Process', status: 'Approved' });
      await assertApplies({ metadata: { remove: ['revision'] } });
      await assertApplies({ metadata: { add: { x: '1' }, remove: ['discipline'] } });
      await assertApplies({ metadata: { add: {}, remove: [] } }); // the JS SDK's typing forces both keys
      const cleared = await assertApplies({ metadata: { set: {} } });
      assert.equal('metadata' in cleared, false);
    });

    it('assetIds and securityCategories: set, add (no duplicates), remove', async () => {
      await assertApplies({ assetIds: { set: [1, 2, 3] } });
      const added = await assertApplies({ assetIds: { add: [12, 13] } });
      assert.deepEqual(added.assetIds, [11, 12, 13]);
      await assertApplies({ assetIds: { add: [14], remove: [11] } });
      const none = await assertApplies({ assetIds: { remove: [11, 12] } });
      assert.equal('assetIds' in none, false);
      await assertApplies({ securityCategories: { set: [7, 8] } });
      await assertApplies({ securityCategories: { add: [9], remove: [5] } });
    });

    it('labels: set, add is idempotent, removing an absent label is a no-op, removing the last drops the field', async () => {
      await assertApplies({ labels: { set: [{ externalId: 'DRAWING' }, { externalId: 'AS_BUILT' }] } });
      const idempotent = await assertApplies({ labels: { add: [{ externalId: 'PID' }, { externalId: 'HAZOP' }] } });
      assert.deepEqual(idempotent.labels, [{ externalId: 'PID' }, { externalId: 'HAZOP' }]);
      const absent = await assertApplies({ labels: { remove: [{ externalId: 'SUPERSEDED' }] } });
      assert.deepEqual(absent.labels, [{ externalId: 'PID' }]);
      const last = await assertApplies({ labels: { remove: [{ externalId: 'PID' }] } });
      assert.equal('labels' in last, false);
      await assertApplies({ labels: { set: [] } });
    });

    it('by externalId and by instanceId (the reduced field set)', async () => {
      const r = arrange();
      const byXid = await update([{ externalId: r.externalId, update: { source: { set: 'SAP' } } }]);
      assert.equal(byXid.body.items[0].source, 'SAP');
      const linked = arrange({ instanceId: { space: 'plant_documents', externalId: `doc_${r.id}` } });
      const byIid = await update([
        {
          instanceId: linked.instanceId,
          update: { metadata: { add: { checked: 'yes' } }, labels: { add: [{ externalId: 'HAZOP' }] } },
        },
      ]);
      assert.equal(byIid.status, 200);
      assert.equal(byIid.body.items[0].metadata.checked, 'yes');
    });

    it('an empty patch only bumps lastUpdatedTime', async () => {
      const r = arrange();
      clock.advance(5);
      const res = await update([{ id: r.id, update: {} }]);
      assert.deepEqual(res.body.items[0], { ...r, lastUpdatedTime: clock.now() });
    });

    it('applies many items in request order in one request', async () => {
      const rs = [arrange(), arrange(), arrange()];
      const res = await update([
        { id: rs[2]!.id, update: { source: { setNull: true } } },
        { externalId: rs[0]!.externalId, update: { source: { set: 'bla' } } },
        { id: rs[1]!.id, update: { directory: { set: '/x' } } },
      ]);
      assert.deepEqual(
        res.body.items.map((r: FileRecord) => r.id),
        [rs[2]!.id, rs[0]!.id, rs[1]!.id],
      );
    });
  });

  describe('all or nothing', () => {
    /** Sends the items and checks the store did not change at all. */
    async function assertRefused(items: unknown[], status: number, records: FileRecord[]) {
      const res = await update(items);
      assert.equal(res.status, status, JSON.stringify(res.body).slice(0, 500));
      assert.equal(res.body.error.code, status);
      for (const r of records) assert.deepEqual(ctx.emulator.store.files.get(r.id), r, 'nothing was applied');
      return res.body.error as { message: string; missing?: unknown[]; duplicated?: unknown[] };
    }

    it('unknown files → 400 with every one in missing', async () => {
      const r = arrange();
      const error = await assertRefused(
        [
          { id: r.id, update: { source: { set: 'changed' } } },
          { id: 4242, update: {} },
          { externalId: 'no-such', update: {} },
          { instanceId: { space: 'sp', externalId: 'nope' }, update: {} },
        ],
        400,
        [r],
      );
      assert.deepEqual(error.missing, [
        { id: 4242 },
        { externalId: 'no-such' },
        { instanceId: { space: 'sp', externalId: 'nope' } },
      ]);
    });

    it('an externalId another file has → 409 with duplicated', async () => {
      const [a, b] = [arrange(), arrange()];
      const error = await assertRefused(
        [
          { id: a.id, update: { source: { set: 'changed' } } },
          { id: b.id, update: { externalId: { set: a.externalId } } },
        ],
        409,
        [a, b],
      );
      assert.deepEqual(error.duplicated, [{ externalId: a.externalId }]);
    });

    it('two items setting the same new externalId → 409', async () => {
      const [a, b] = [arrange(), arrange()];
      const error = await assertRefused(
        [
          { id: a.id, update: { externalId: { set: 'same' } } },
          { id: b.id, update: { externalId: { set: 'same' } } },
        ],
        409,
        [a, b],
      );
      assert.deepEqual(error.duplicated, [{ externalId: 'same' }]);
    });

    it('the same file twice → 400 with duplicated, also when named once by id and once by externalId', async () => {
      const r = arrange();
      const byId = await assertRefused(
        [
          { id: r.id, update: {} },
          { id: r.id, update: {} },
        ],
        400,
        [r],
      );
      assert.deepEqual(byId.duplicated, [{ id: r.id }]);
      const mixed = await assertRefused(
        [
          { id: r.id, update: {} },
          { externalId: r.externalId, update: {} },
        ],
        400,
        [r],
      );
      assert.deepEqual(mixed.duplicated, [{ externalId: r.externalId }]);
    });

    it('name → 400 saying it cannot be updated', async () => {
      const r = arrange();
      const error = await assertRefused([{ id: r.id, update: { name: { set: 'new.pdf' } } }], 400, [r]);
      assert.match(error.message, /items\[0\]\.update\.name: name cannot be updated/);
    });

    it('set mixed with add/remove → 400 naming the field', async () => {
      const r = arrange();
      const error = await assertRefused([{ id: r.id, update: { assetIds: { set: [1], add: [2] } } }], 400, [r]);
      assert.match(error.message, /items\[0\]\.update\.assetIds: use either "set", or "add"\/"remove"/);
    });

    it('fields a linked file cannot change → 400, by instanceId and by id', async () => {
      const linked = arrange({ instanceId: { space: 'plant_documents', externalId: `doc_x${nextId}` } });
      const byIid = await assertRefused(
        [{ instanceId: linked.instanceId, update: { directory: { set: '/x' } } }],
        400,
        [linked],
      );
      assert.match(byIid.message, /update\.directory: cannot be updated on a file linked to a data modelling instance/);
      const byId = await assertRefused([{ id: linked.id, update: { mimeType: { set: 'x' } } }], 400, [linked]);
      assert.match(byId.message, /update\.mimeType/);
    });

    it('a result over a limit → 400 (labels > 10, metadata > 256 pairs or > 10240 bytes, assetIds > 1000)', async () => {
      const labels = Array.from({ length: 9 }, (_, i) => ({
        externalId: [
          'PID',
          'DATASHEET',
          'INSPECTION_REPORT',
          'WORK_ORDER_PHOTO',
          'DRAWING',
          'PROCEDURE',
          'AS_BUILT',
          'SAFETY_CRITICAL',
          'NEEDS_REVIEW',
        ][i]!,
      }));
      const r = arrange({
        labels,
        metadata: Object.fromEntries(Array.from({ length: 250 }, (_, i) => [`k${i}`, 'v'])),
      });
      const tooManyLabels = await assertRefused(
        [{ id: r.id, update: { labels: { add: [{ externalId: 'SUPERSEDED' }, { externalId: 'HAZOP' }] } } }],
        400,
        [r],
      );
      assert.match(tooManyLabels.message, /items\[0\].*labels/);
      const tooManyPairs = await assertRefused(
        [
          {
            id: r.id,
            update: { metadata: { add: Object.fromEntries(Array.from({ length: 7 }, (_, i) => [`n${i}`, 'v'])) } },
          },
        ],
        400,
        [r],
      );
      assert.match(tooManyPairs.message, /256/);
      const tooBig = await assertRefused(
        [{ id: r.id, update: { metadata: { add: { big: 'x'.repeat(9500) } } } }],
        400,
        [r],
      );
      assert.match(tooBig.message, /10240/);
      const manyAssets = arrange({ assetIds: Array.from({ length: 999 }, (_, i) => i + 1) });
      const tooManyAssets = await assertRefused(
        [{ id: manyAssets.id, update: { assetIds: { add: [5000, 5001] } } }],
        400,
        [manyAssets],
      );
      assert.match(tooManyAssets.message, /assetIds/);
    });

    it('a data set or label that does not exist → 400', async () => {
      const r = arrange();
      assert.match(
        (await assertRefused([{ id: r.id, update: { dataSetId: { set: 77 } } }], 400, [r])).message,
        /data set 77/,
      );
      assert.match(
        (await assertRefused([{ id: r.id, update: { labels: { add: [{ externalId: 'NOPE' }] } } }], 400, [r])).message,
        /"NOPE"/,
      );
    });

    it('malformed requests → 400 naming the path', async () => {
      const r = arrange();
      assert.equal((await update([])).status, 400);
      assert.equal((await c().post('/files/update', {})).status, 400);
      const tooMany = Array.from({ length: 1001 }, () => ({ id: r.id, update: {} }));
      assert.match((await update(tooMany)).body.error.message, /items/);
      const long = await assertRefused(
        [
          { id: r.id, update: {} },
          { id: r.id + 1, update: { source: { set: 'x'.repeat(129) } } },
        ],
        400,
        [r],
      );
      assert.match(long.message, /items\[1\]\.update\.source\.set/);
      const unknownField = await assertRefused([{ id: r.id, update: { colour: { set: 'red' } } }], 400, [r]);
      assert.match(unknownField.message, /items\[0\]\.update\.colour/);
      const twoIds = await assertRefused([{ id: r.id, externalId: 'x', update: {} }], 400, [r]);
      assert.match(twoIds.message, /exactly one of id, externalId or instanceId/);
      const badGeo = await assertRefused(
        [{ id: r.id, update: { geoLocation: { set: { type: 'Point', coordinates: [1, 2] } } } }],
        400,
        [r],
      );
      assert.match(badGeo.message, /items\[0\]\.update\.geoLocation/);
    });
  });

  it('gives the same result as applyUpdate for any valid patch (property)', async () => {
    const labelIds = ['PID', 'DATASHEET', 'DRAWING', 'HAZOP', 'AS_BUILT'];
    const label = fc.constantFrom(...labelIds).map((externalId) => ({ externalId }));
    const ids = fc.uniqueArray(fc.integer({ min: 1, max: 30 }), { maxLength: 5 });
    const labels = fc.uniqueArray(label, { maxLength: 4, selector: (l) => l.externalId });
    const meta = fc.dictionary(fc.constantFrom('a', 'b', 'revision', 'status'), fc.string({ maxLength: 8 }), {
      noNullPrototype: true,
    });
    const scalar = <T>(v: fc.Arbitrary<T>) =>
      fc.oneof(
        v.map((set) => ({ set })),
        fc.boolean().map((setNull) => ({ setNull })),
      );
    const patch: fc.Arbitrary<FileChangeUpdate> = fc.record(
      {
        externalId: scalar(fc.string({ minLength: 1, maxLength: 12 }).map((s) => `prop:${s}`)),
        directory: scalar(fc.constantFrom('/a', '/plant-a/area-10', '/b/c')),
        source: scalar(fc.string({ maxLength: 20 })),
        mimeType: scalar(fc.constantFrom('application/pdf', 'image/jpeg')),
        dataSetId: scalar(fc.constant(0)).map((p) => ('set' in p ? { set: ds.b } : p)),
        sourceCreatedTime: scalar(fc.integer({ min: 0, max: 2_000_000_000_000 })),
        metadata: fc.oneof(
          meta.map((set) => ({ set })),
          fc.record({ add: meta, remove: fc.array(fc.constantFrom('a', 'revision', 'x')) }, { requiredKeys: [] }),
        ),
        assetIds: fc.oneof(
          ids.map((set) => ({ set })),
          fc.record({ add: ids, remove: ids }, { requiredKeys: [] }),
        ),
        labels: fc.oneof(
          labels.map((set) => ({ set })),
          fc.record({ add: labels, remove: labels }, { requiredKeys: [] }),
        ),
      },
      { requiredKeys: [] },
    );
    await fc.assert(
      fc.asyncProperty(patch, async (generated) => {
        const before = arrange();
        // Unique per record: a generated externalId must not clash with one an earlier run set.
        const xid = generated.externalId;
        const p = xid && 'set' in xid ? { ...generated, externalId: { set: `${xid.set}:${before.id}` } } : generated;
        clock.advance(1);
        const res = await update([{ id: before.id, update: p }]);
        assert.equal(res.status, 200, JSON.stringify(res.body));
        assert.deepEqual(res.body.items[0], { ...applyUpdate(before, p), lastUpdatedTime: clock.now() });
      }),
      { numRuns: 60 },
    );
  });
});
