import assert from 'node:assert/strict';
import fc from 'fast-check';
import { client, useEmulator } from './helpers';
import { FILE_VIEW } from './dms-helpers';

/**
 * Whatever a client sends to the data modeling routes, the answer is the API's: a 2xx or a 4xx
 * error body, never a 500 and never a crash. Random JSON, and random mutations of valid requests.
 */
const ROUTES = ['list', 'byids', 'search', 'aggregate', 'delete', ''].map(
  (r) => `/models/instances${r ? `/${r}` : ''}`,
);

const valid: Record<string, unknown> = {
  '/models/instances': {
    items: [
      {
        instanceType: 'node',
        space: 'plant_a_documents',
        externalId: 'h',
        sources: [{ source: FILE_VIEW, properties: { name: 'x' } }],
      },
    ],
  },
  '/models/instances/list': { filter: { equals: { property: ['node', 'space'], value: 'plant_assets' } }, limit: 5 },
  '/models/instances/byids': { items: [{ instanceType: 'node', space: 'plant_assets', externalId: 'x' }] },
  '/models/instances/search': { view: FILE_VIEW, query: 'pump' },
  '/models/instances/aggregate': { view: FILE_VIEW, groupBy: ['mimeType'] },
  '/models/instances/delete': { items: [{ instanceType: 'node', space: 'plant_a_documents', externalId: 'none' }] },
};

/** Replaces one value somewhere in a JSON document. */
function mutate(doc: unknown, path: number[], replacement: unknown): unknown {
  if (path.length === 0 || doc === null || typeof doc !== 'object') return replacement;
  const entries = Object.entries(doc as Record<string, unknown>);
  if (entries.length === 0) return replacement;
  const [head, ...rest] = path;
  const i = head! % entries.length;
  const copy: Record<string, unknown> | unknown[] = Array.isArray(doc) ? [...(doc as unknown[])] : { ...doc };
  const key = entries[i]![0];
  (copy as Record<string, unknown>)[key] = mutate(entries[i]![1], rest, replacement);
  return copy;
}

describe('emulator: data modeling routes answer hostile requests with 4xx, never 500', function () {
  this.timeout(60_000);
  const ctx = useEmulator({ files: 200, seed: 7 });

  it('random JSON bodies', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...ROUTES), fc.jsonValue({ maxDepth: 4 }), async (route, body) => {
        const r = await client(ctx.emulator).post(route, JSON.stringify(body), {
          headers: { 'content-type': 'application/json' },
        });
        assert.ok(r.status < 500, `${route} ${JSON.stringify(body)} -> ${r.status} ${JSON.stringify(r.body)}`);
        if (r.status >= 400) assert.equal(typeof r.body.error.message, 'string');
      }),
      { numRuns: 150 },
    );
  });

  it('valid requests with one value replaced', async () => {
    const odd = fc.oneof(
      fc.jsonValue({ maxDepth: 2 }),
      fc.constantFrom('__proto__', 'constructor', '', '\u0000', 'x'.repeat(300), -1, 1e300, [], {}),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...ROUTES),
        fc.array(fc.nat(), { maxLength: 6 }),
        odd,
        async (route, path, replacement) => {
          const body = mutate(valid[route], path, replacement);
          const r = await client(ctx.emulator).post(route, body);
          assert.ok(r.status < 500, `${route} ${JSON.stringify(body)} -> ${r.status} ${JSON.stringify(r.body)}`);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('deep filters and bad cursors', async () => {
    let filter: unknown = { matchAll: {} };
    for (let i = 0; i < 50; i++) filter = { not: filter };
    const deep = await client(ctx.emulator).post('/models/instances/list', { filter });
    assert.equal(deep.status, 400);
    for (const odd of [
      { hasData: [null] },
      { instanceReferences: [null] },
      { equals: { property: ['node', 'type'], value: null } },
      { in: { property: ['node', 'space'], values: [null, 1] } },
      { containsAny: { property: ['cdf_cdm', 'CogniteFile/v1', 'assets'], values: [null] } },
    ]) {
      const r = await client(ctx.emulator).post('/models/instances/list', { filter: odd });
      assert.equal(r.status, 400, `${JSON.stringify(odd)} -> ${r.status} ${JSON.stringify(r.body)}`);
    }
    const cursor = await client(ctx.emulator).post('/models/instances/list', { cursor: 'not-a-cursor' });
    assert.equal(cursor.status, 400);
    const wrongShape = Buffer.from(JSON.stringify({ a: 1 })).toString('base64url');
    assert.equal((await client(ctx.emulator).post('/models/instances/list', { cursor: wrongShape })).status, 400);
  });
});
