import assert from 'node:assert/strict';
import type { FileRecord } from '../../../src/cdf/model';
import { omitEmpty } from '../../../src/core/apply';
import { allRecords, client, idsOf, useEmulator } from './helpers';

describe('emulator: reading files (GET /files/{id}, byids, search, aggregate)', () => {
  const ctx = useEmulator({ files: 800, seed: 2 });
  const c = () => client(ctx.emulator);
  const records = () => allRecords(ctx.emulator);

  describe('GET /files/{id}', () => {
    it('returns the bare record', async () => {
      const r = records()[5]!;
      const res = await c().get(`/files/${r.id}`);
      assert.equal(res.status, 200);
      assert.deepEqual(res.body, r);
    });

    it('answers 400 with missing for an unknown id, and 400 for an id that is not one', async () => {
      const unknown = await c().get('/files/42');
      assert.equal(unknown.status, 400);
      assert.deepEqual(unknown.body.error.missing, [{ id: 42 }]);
      assert.equal((await c().get('/files/abc')).status, 400);
      assert.equal((await c().get('/files/0')).status, 400);
    });
  });

  describe('POST /files/byids', () => {
    it('returns the records in request order, by id, externalId or instanceId', async () => {
      const linked = records().find((r) => r.instanceId)!;
      const [a, b] = records()
        .filter((r) => r.externalId)
        .slice(10, 12) as [FileRecord, FileRecord];
      const res = await c().post('/files/byids', {
        items: [{ externalId: b.externalId }, { instanceId: linked.instanceId }, { id: a.id }],
      });
      assert.equal(res.status, 200);
      assert.deepEqual(idsOf(res.body.items), [b.id, linked.id, a.id]);
    });

    it('names every unknown identifier in missing, or leaves them out with ignoreUnknownIds', async () => {
      const known = records()[0]!;
      const items = [
        { id: 1 },
        { id: known.id },
        { externalId: 'nope' },
        { instanceId: { space: 'x', externalId: 'y' } },
      ];
      const res = await c().post('/files/byids', { items });
      assert.equal(res.status, 400);
      assert.deepEqual(res.body.error.missing, [
        { id: 1 },
        { externalId: 'nope' },
        { instanceId: { space: 'x', externalId: 'y' } },
      ]);
      const ignoring = await c().post('/files/byids', { items, ignoreUnknownIds: true });
      assert.equal(ignoring.status, 200);
      assert.deepEqual(idsOf(ignoring.body.items), [known.id]);
    });

    it('refuses the same identifier twice (400 duplicated), an empty list and more than 1000 items', async () => {
      const id = records()[0]!.id;
      const twice = await c().post('/files/byids', { items: [{ id }, { id }] });
      assert.equal(twice.status, 400);
      assert.deepEqual(twice.body.error.duplicated, [{ id }]);
      assert.equal((await c().post('/files/byids', { items: [] })).status, 400);
      const many = Array.from({ length: 1001 }, (_, i) => ({ id: i + 1 }));
      const tooMany = await c().post('/files/byids', { items: many, ignoreUnknownIds: true });
      assert.equal(tooMany.status, 400);
      assert.match(tooMany.body.error.message, /items/);
    });
  });

  describe('POST /files/search', () => {
    it('finds files by name, best matches first, and has no cursor', async () => {
      const res = await c().post('/files/search', { search: { name: 'compressor datasheet' }, limit: 20 });
      assert.equal(res.status, 200);
      assert.ok(res.body.items.length > 0);
      assert.equal(res.body.nextCursor, undefined);
      const names: string[] = res.body.items.map((r: FileRecord) => r.name.toLowerCase());
      assert.ok(names[0]!.includes('compressor datasheet'), names[0]);
      for (const n of names) assert.ok(n.includes('compressor') || n.includes('datasheet'), n);
    });

    it('combines the name search with a filter, and honours limit up to 1000', async () => {
      const res = await c().post('/files/search', {
        search: { name: 'pump' },
        filter: { directoryPrefix: '/plant-c/' },
        limit: 5,
      });
      assert.equal(res.body.items.length, 5);
      for (const r of res.body.items as FileRecord[]) assert.ok(r.directory!.startsWith('/plant-c/'));
      assert.equal((await c().post('/files/search', { limit: 1001 })).status, 400);
      assert.equal((await c().post('/files/search', { limit: 1000 })).body.items.length, 800);
    });

    it('with no name (absent or null, as the Python SDK sends) is the filter alone, 100 by default', async () => {
      const all = await c().post('/files/search', {});
      assert.equal(all.body.items.length, 100);
      const nulled = await c().post('/files/search', {
        search: { name: null },
        filter: { uploaded: false },
        limit: 1000,
      });
      assert.deepEqual(idsOf(nulled.body.items), idsOf(records().filter((r) => !r.uploaded)));
    });
  });

  describe('POST /files/aggregate', () => {
    it('counts every file, or those a filter keeps', async () => {
      assert.deepEqual((await c().post('/files/aggregate', {})).body, { items: [{ count: 800 }] });
      const res = await c().post('/files/aggregate', { filter: { mimeType: 'application/pdf' } });
      assert.deepEqual(res.body, {
        items: [{ count: records().filter((r) => r.mimeType === 'application/pdf').length }],
      });
      assert.equal((await c().post('/files/aggregate', { aggregate: 'sum' })).status, 400);
    });
  });

  it('never returns null fields, empty lists or empty metadata (CDF omits them)', async () => {
    const res = await c().post('/files/list', { limit: 1000 });
    for (const r of res.body.items as FileRecord[]) assert.deepEqual(r, omitEmpty(r));
  });
});
