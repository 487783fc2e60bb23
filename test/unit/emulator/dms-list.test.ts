import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { NodeRecord } from '../../../src/emulator/dms/instance-types';
import { useEmulator, type Json } from './helpers';
import { dms, FILE_VIEW, fileProps } from './dms-helpers';

const FILE = 'cdf_cdm/CogniteFile';
const DESCRIBABLE = 'cdf_cdm/CogniteDescribable';
const prop = (name: string) => ['cdf_cdm', 'CogniteFile/v1', name];

describe('emulator: data modeling list, filters, sort and cursors', function () {
  this.timeout(30_000);
  const ctx = useEmulator({ files: 3000, seed: 4 });
  const api = () => dms(ctx.emulator);
  const nodes = (): NodeRecord[] => ctx.emulator.store.nodes.sorted();
  const files = () => nodes().filter((n) => n.data[FILE] !== undefined);
  const keys = (items: { space: string; externalId: string }[]) => items.map((n) => `${n.space}:${n.externalId}`);

  /** Every page of a list request, following cursors. */
  async function listAll(body: Json): Promise<Json[]> {
    const out: Json[] = [];
    let cursor: string | undefined;
    do {
      const page = await api().list({ ...body, ...(cursor ? { cursor } : {}) });
      assert.equal(page.status, 200, JSON.stringify(page.body));
      out.push(...page.body.items);
      cursor = page.body.nextCursor;
    } while (cursor);
    return out;
  }

  it('filters like the language says: in on space, prefix on directory, equals on a relation, containsAny, not, exists', async () => {
    const spaces = ['plant_a_documents', 'plant_b_documents'];
    const inSpaces = await listAll({ filter: { in: { property: ['node', 'space'], values: spaces } } });
    assert.deepEqual(keys(inSpaces), keys(nodes().filter((n) => spaces.includes(n.space))));
    const under = await listAll({ filter: { prefix: { property: prop('directory'), value: '/plant-b/area-10' } } });
    const dir = (n: NodeRecord) => n.data[FILE]?.directory as string | undefined;
    assert.deepEqual(keys(under), keys(files().filter((n) => (dir(n) ?? '').startsWith('/plant-b/area-10'))));
    assert.ok(under.length > 0);
    const pid = { space: 'document_reference', externalId: 'category_PID' };
    const pids = await listAll({ filter: { equals: { property: prop('category'), value: pid } } });
    assert.ok(pids.length > 0);
    assert.deepEqual(
      keys(pids),
      keys(files().filter((n) => JSON.stringify(n.data[FILE]?.category) === JSON.stringify(pid))),
    );
    const tagged = await listAll({
      filter: { containsAny: { property: prop('tags'), values: ['SAFETY_CRITICAL', 'CONFIDENTIAL'] } },
      sources: [{ source: FILE_VIEW }],
    });
    for (const n of tagged)
      assert.ok(fileProps(n).tags.some((t: string) => ['SAFETY_CRITICAL', 'CONFIDENTIAL'].includes(t)));
    const noDirectory = await listAll({
      filter: { and: [{ hasData: [FILE_VIEW] }, { not: { exists: { property: prop('directory') } } }] },
    });
    assert.deepEqual(keys(noDirectory), keys(files().filter((n) => dir(n) === undefined)));
  });

  it('ranges over timestamps compare instants, whatever the offset written', async () => {
    const from = '2024-01-01T01:00:00+01:00';
    const got = await listAll({ filter: { range: { property: prop('uploadedTime'), gte: from } } });
    const ms = Date.parse(from);
    const expected = files().filter((n) => {
      const t = n.data[FILE]?.uploadedTime;
      return typeof t === 'string' && Date.parse(t) >= ms;
    });
    assert.ok(expected.length > 0);
    assert.deepEqual(keys(got), keys(expected));
  });

  it('refuses what it does not support, and wrong values, with a 400 naming the place', async () => {
    const bad = async (filter: Json, pattern: RegExp) => {
      const r = await api().list({ filter });
      assert.equal(r.status, 400, JSON.stringify(filter));
      assert.match(r.body.error.message, pattern);
    };
    await bad({ nested: { scope: prop('category'), filter: { matchAll: {} } } }, /filter\.nested: not supported/);
    await bad({ equals: { property: prop('nope'), value: 1 } }, /unknown property/);
    await bad({ equals: { property: prop('name'), value: 5 } }, /filter\.equals\.value: 5 is not a text value/);
    await bad({ range: { property: prop('uploadedTime'), gt: 'yesterday' } }, /not a timestamp value/);
    await bad({ and: [] }, /non-empty list/);
    await bad({ equals: { property: prop('name'), value: { parameter: 'p' } } }, /parameters/);
  });

  it('pages through any sort and page size without skipping or repeating (property)', async () => {
    const sortable = ['name', 'mimeType', 'directory', 'uploadedTime', 'isUploaded'];
    const sortArb = fc.array(
      fc.record({
        name: fc.constantFrom(...sortable),
        direction: fc.constantFrom('ascending', 'descending'),
        nullsFirst: fc.boolean(),
      }),
      { maxLength: 3 },
    );
    await fc.assert(
      fc.asyncProperty(sortArb, fc.integer({ min: 1, max: 400 }), async (sortSpec, limit) => {
        const sort = sortSpec.map((s) => ({
          property: prop(s.name),
          direction: s.direction,
          nullsFirst: s.nullsFirst,
        }));
        const body = { filter: { hasData: [FILE_VIEW] }, sort, limit };
        const first = await api().list(body);
        const rest = first.body.nextCursor ? await listAll({ ...body, cursor: first.body.nextCursor }) : [];
        const got = keys([...first.body.items, ...rest]);
        assert.equal(new Set(got).size, got.length, 'no node twice');
        assert.deepEqual([...got].sort(), keys(files()).sort(), 'every node once');
      }),
      { numRuns: 25 },
    );
  });

  it('a cursor holds its place when nodes are written meanwhile', async () => {
    const body = { filter: { hasData: [FILE_VIEW] }, sort: [{ property: prop('name') }], limit: 20 };
    const first = await api().list(body);
    const seen = keys(first.body.items);
    // Someone renames a node already seen to sort last, and one not yet seen to sort first.
    const [early] = first.body.items;
    const late = files().find((n) => !seen.includes(`${n.space}:${n.externalId}`))!;
    const rename = (n: { space: string; externalId: string }, name: string) => ({
      instanceType: 'node',
      space: n.space,
      externalId: n.externalId,
      sources: [{ source: FILE_VIEW, properties: { name } }],
    });
    await api().upsert([rename(early, 'zzzz-last.pdf'), rename(late, '0000-first.pdf')]);
    const rest = await listAll({ ...body, cursor: first.body.nextCursor });
    const all = [...seen, ...keys(rest)];
    const moved = `${late.space}:${late.externalId}`;
    assert.ok(!all.includes(moved), 'a node moved before the cursor is not returned (as with a keyset cursor)');
    assert.equal(all.filter((k) => k === `${early.space}:${early.externalId}`).length, 2, 'moved past it: seen again');
    assert.equal(new Set(all).size, files().length - 1);
  });

  it('byids keeps request order and leaves unknown ids out; names match a describable read', async () => {
    const [a, b] = files();
    const id = (n: NodeRecord) => ({ space: n.space, externalId: n.externalId });
    const got = await api().byIds([id(b!), { space: 'plant_a_documents', externalId: 'nope' }, id(a!)]);
    assert.deepEqual(keys(got.body.items), keys([b!, a!]));
    assert.equal(fileProps(got.body.items[0]).name, b!.data[DESCRIBABLE]?.name);
  });
});
