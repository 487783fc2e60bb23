// The hand checks of cognite-file-fast.ts stand in for the zod models on the bulk update's hot path.
// They may only ever be stricter: whatever they accept, the zod model accepts and answers an equal
// value. And they must accept what CDF really answers, or they save nothing. Drawn: well-formed
// answers, and the same with one value anywhere swapped for an edge case (limits, NUL, impossible
// dates, unsafe integers, extra keys, prototype-named keys), always through JSON as an answer comes.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type * as z from 'zod/mini';
import {
  cogniteFileNodeList,
  COGNITE_FILE_PROPERTY_NAMES,
  fastCogniteFileNodeList,
  fastNodeStampList,
  fastNodeUpsertRequest,
  COGNITE_FILE_VIEW,
  COGNITE_FILE_WRITABLE_NAMES,
  nodeUpsertRequest,
  fastNodeUpsertResponse,
  nodeStampList,
  nodeUpsertResponse,
} from '../../../../src/cdf/model';

const SEED = 20261205;
const RUNS = 25;

const edgeStrings = [
  '',
  'a',
  'cdf_cdm',
  'A-b_c',
  '-x',
  'x_',
  'x'.repeat(43),
  'x'.repeat(44),
  'x'.repeat(256),
  'x'.repeat(257),
  'x'.repeat(128_001),
  'a\u0000b',
  '2024-05-01T12:00:00.000+00:00',
  '2024-02-30T00:00:00Z',
  '2024-05-01T24:00:00Z',
  '2024-05-01T12:00:00+01',
  '2024-05-01T12:00:00.1234Z',
  '0000-01-01T00:00:00Z',
  '2024-05-01',
];
const edgeNumbers = [0, 1, -1, 1.5, 2 ** 53, 2 ** 53 - 1, 1e21, -0];
const space = fc.stringMatching(/^[a-zA-Z][a-zA-Z0-9_-]{0,41}[a-zA-Z0-9]?$/);
const externalId = fc.string({ minLength: 1, maxLength: 20 }).filter((s) => !s.includes('\u0000'));
const relation = fc.record({ space, externalId });
const text = fc.string({ maxLength: 30 }).filter((s) => !s.includes('\u0000'));
const timestamp = fc
  .date({ min: new Date('0001-01-01T00:00:00Z'), max: new Date('9999-12-31T23:59:59Z'), noInvalidDate: true })
  .map((d) => d.toISOString().replace('Z', '+00:00'));
const valueOfKind: Record<string, fc.Arbitrary<unknown>> = {
  text,
  textList: fc.array(text, { maxLength: 4 }),
  timestamp,
  boolean: fc.boolean(),
  directRelation: relation,
  directRelationList: fc.array(relation, { maxLength: 3 }),
};
const KINDS: Record<string, string> = {
  name: 'text',
  description: 'text',
  tags: 'textList',
  aliases: 'textList',
  sourceId: 'text',
  sourceContext: 'text',
  source: 'directRelation',
  sourceCreatedTime: 'timestamp',
  sourceUpdatedTime: 'timestamp',
  sourceCreatedUser: 'text',
  sourceUpdatedUser: 'text',
  assets: 'directRelationList',
  mimeType: 'text',
  directory: 'text',
  category: 'directRelation',
  isUploaded: 'boolean',
  uploadedTime: 'timestamp',
};
const values = fc.record(
  Object.fromEntries(COGNITE_FILE_PROPERTY_NAMES.map((n) => [n, fc.oneof(valueOfKind[KINDS[n]!]!, fc.constant(null))])),
  { requiredKeys: [] },
);
const stamp = {
  instanceType: fc.constant('node'),
  space,
  externalId,
  version: fc.integer({ min: 1, max: 2 ** 40 }),
  createdTime: fc.integer({ min: 0, max: 2 ** 45 }),
  lastUpdatedTime: fc.integer({ min: 0, max: 2 ** 45 }),
};
const fileNode = fc.record(
  {
    ...stamp,
    type: relation,
    properties: fc.record({
      cdf_cdm: fc.record({ 'CogniteFile/v1': values, 'Other/v1': fc.constant({ x: 1 }) }, { requiredKeys: [] }),
      other_space: fc.constant({ 'V/1': { y: [1] } }),
    }),
    deletedTime: fc.constant(5),
  },
  { requiredKeys: ['instanceType', 'space', 'externalId', 'version', 'createdTime', 'lastUpdatedTime'] },
);

type Path = (string | number)[];

/** Every path to a value inside `json` (object keys and array indexes, any depth). */
function pathsOf(json: unknown, at: Path = []): Path[] {
  if (typeof json !== 'object' || json === null) return [];
  const keys: (string | number)[] = Array.isArray(json) ? json.map((_, i) => i) : Object.keys(json);
  return keys.flatMap((k) => [[...at, k], ...pathsOf((json as Record<string | number, unknown>)[k], [...at, k])]);
}

/** A copy of `json` (through JSON, as an answer comes) with the value at `path` set to `value`. */
function withValue(json: unknown, path: Path, value: unknown): unknown {
  const copy = JSON.parse(JSON.stringify(json)) as Record<string | number, unknown>;
  let at = copy;
  for (const k of path.slice(0, -1)) at = at[k] as Record<string | number, unknown>;
  // defineProperty: a key named `__proto__` becomes an own key, as JSON.parse makes it.
  Object.defineProperty(at, path[path.length - 1]!, { value, enumerable: true, writable: true, configurable: true });
  return JSON.parse(JSON.stringify(copy));
}

const EDGES: unknown[] = [
  ...edgeStrings,
  ...edgeNumbers,
  true,
  null,
  {},
  [],
  'edge',
  Array.from({ length: 1001 }, () => 't'),
  Array.from({ length: 1201 }, () => ({ space: 's', externalId: 'e' })),
  ['x'.repeat(64_001), 'x'.repeat(64_000)],
  [{ space: 's', externalId: 'e', extra: 1 }],
  { space: 's', externalId: 'e', extra: 1 },
  { space: 's' },
];

const answers = <T>(item: fc.Arbitrary<T>) =>
  fc
    .tuple(
      fc.array(item, { minLength: 1, maxLength: 2 }),
      fc.option(fc.constantFrom({ nextCursor: 'c' }, { typing: {} })),
    )
    .map(([items, extra]) => JSON.parse(JSON.stringify({ items, ...extra })) as unknown);

const cases: [string, fc.Arbitrary<unknown>, z.ZodMiniType, (json: unknown) => unknown][] = [
  ['nodes with the CogniteFile view', fileNode, cogniteFileNodeList, fastCogniteFileNodeList],
  ['node stamps', fc.record(stamp), nodeStampList, fastNodeStampList],
  ['upsert answers', fc.record({ ...stamp, wasModified: fc.boolean() }), nodeUpsertResponse, fastNodeUpsertResponse],
];

function agree(schema: z.ZodMiniType, fast: (json: unknown) => unknown, json: unknown): void {
  const quick = fast(json);
  if (quick === undefined) return;
  const parsed = schema.safeParse(json);
  assert.ok(parsed.success, `zod refuses what the fast check took: ${JSON.stringify(json).slice(0, 300)}`);
  assert.deepStrictEqual(quick, parsed.data);
}

describe('cdf model: the fast checks of node answers agree with the zod models', () => {
  for (const [what, item, schema, fast] of cases) {
    it(`${what}: a well-formed answer is taken fast; any value swapped or key added: only what zod takes, equal`, () => {
      fc.assert(
        fc.property(answers(item), fc.constantFrom('__proto__', 'constructor', 'extra'), (json, key) => {
          assert.ok(fast(json), 'a well-formed answer takes the fast path');
          agree(schema, fast, json);
          for (const path of pathsOf(json)) {
            for (const edge of EDGES) agree(schema, fast, withValue(json, path, edge));
            agree(schema, fast, withValue(json, [...path.slice(0, -1), key], 1));
          }
        }),
        { seed: SEED, numRuns: RUNS },
      );
    });
  }
});

const writes = fc.record(
  Object.fromEntries(
    COGNITE_FILE_WRITABLE_NAMES.map((n) => [n, fc.oneof(valueOfKind[KINDS[n]!]!, fc.constant(null))] as const),
  ),
  { requiredKeys: [] },
);
const upsertItem = fc.record(
  {
    instanceType: fc.constant('node'),
    space,
    externalId,
    existingVersion: fc.integer({ min: 0, max: 2 ** 40 }),
    sources: fc.tuple(fc.record({ source: fc.constant(COGNITE_FILE_VIEW), properties: writes })),
  },
  { requiredKeys: ['instanceType', 'space', 'externalId', 'sources'] },
);
const upsertRequest = fc.record(
  {
    items: fc.array(upsertItem, { minLength: 1, maxLength: 2 }),
    autoCreateDirectRelations: fc.boolean(),
    replace: fc.boolean(),
    skipOnVersionConflict: fc.boolean(),
  },
  { requiredKeys: ['items'] },
);

/** `value` with the value at `path` set to undefined (no JSON: code builds requests, not a parse). */
function withUndefined(value: unknown, path: Path): unknown {
  const copy = structuredClone(value) as Record<string | number, unknown>;
  let at = copy;
  for (const k of path.slice(0, -1)) at = at[k] as Record<string | number, unknown>;
  at[path[path.length - 1]!] = undefined;
  return copy;
}

function agreeOnWire(json: unknown): void {
  const quick = fastNodeUpsertRequest(json);
  if (quick === undefined) return;
  const parsed = nodeUpsertRequest.safeParse(json);
  assert.ok(parsed.success, `zod refuses what the fast check took: ${JSON.stringify(json).slice(0, 300)}`);
  const onWire = (v: unknown) => JSON.parse(JSON.stringify(v)) as unknown;
  assert.deepStrictEqual(onWire(quick), onWire(parsed.data), 'what goes on the wire differs (but for key order)');
}

describe('cdf model: the fast check of an upsert request agrees with the zod model', () => {
  it('a well-formed request is taken fast; any value swapped, unset or key added: only what zod takes, sent the same', () => {
    fc.assert(
      fc.property(upsertRequest, fc.constantFrom('__proto__', 'constructor', 'extra'), (request, key) => {
        assert.ok(fastNodeUpsertRequest(request), 'a well-formed request takes the fast path');
        agreeOnWire(request);
        for (const path of pathsOf(request)) {
          for (const edge of EDGES) agreeOnWire(withValue(request, path, edge));
          agreeOnWire(withValue(request, [...path.slice(0, -1), key], 1));
          agreeOnWire(withUndefined(request, path));
        }
        agreeOnWire({ ...request, items: Array.from({ length: 1001 }, () => request.items[0]) });
        agreeOnWire(withValue(request, ['items', 0, 'sources', 1], request.items[0]!.sources[0]));
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });
});
