import assert from 'node:assert/strict';
import fc from 'fast-check';
import { plainlyValidRecord, readRecord } from '../../../../src/cdf/client/update/read-records';
import { fileRecord } from '../../../../src/cdf/model';
import { recordArb } from '../../core/arbitraries';

/** A record as it arrives: through JSON, so no undefined values, no shared objects. */
const wire = (v: unknown): unknown => JSON.parse(JSON.stringify(v)) as unknown;

const FIELDS = [
  'id',
  'name',
  'uploaded',
  'createdTime',
  'lastUpdatedTime',
  'uploadedTime',
  'instanceId',
  'externalId',
  'directory',
  'source',
  'mimeType',
  'dataSetId',
  'assetIds',
  'labels',
  'metadata',
  'securityCategories',
  'sourceCreatedTime',
  'sourceModifiedTime',
  'geoLocation',
  'unknownKey',
  '__proto__',
];

/** Metadata near and past each of its limits, in characters of 1 and 3 UTF-8 bytes. */
const METADATA_NEAR_LIMITS: Record<string, string>[] = [
  { ['k'.repeat(42)]: 'v' },
  { ['k'.repeat(128)]: 'v' },
  { ['k'.repeat(129)]: 'v' },
  { ['é'.repeat(64)]: 'v' },
  { ['é'.repeat(65)]: 'v' },
  { ['€'.repeat(43)]: 'v' },
  { a: 'x'.repeat(3400) },
  { a: '€'.repeat(3400) },
  { a: '€'.repeat(3500) },
  { a: 'x'.repeat(10239) },
  { a: 'x'.repeat(10240) },
  Object.fromEntries(Array.from({ length: 256 }, (_, i) => [`k${i}`, ''])),
  Object.fromEntries(Array.from({ length: 257 }, (_, i) => [`k${i}`, ''])),
];

/** GeoJSON points, right and nearly right (the fast path takes a Feature of a Point). */
const GEO_NEAR_POINT: unknown[] = [
  { type: 'Feature', geometry: { type: 'Point', coordinates: [1.5, 2] } },
  { type: 'Feature', geometry: { type: 'Point', coordinates: [1.5, 2] }, properties: { a: 1 } },
  { type: 'Feature', geometry: { type: 'Point', coordinates: [1.5, 2] }, properties: null },
  { type: 'Feature', geometry: { type: 'Point', coordinates: [1.5, 2] }, properties: [] },
  { type: 'Feature', geometry: { type: 'Point', coordinates: [1.5, 2, 3] } },
  { type: 'Feature', geometry: { type: 'Point', coordinates: ['1', 2] } },
  { type: 'Feature', geometry: { type: 'Point', coordinates: [1, 2], bbox: [] } },
  { type: 'Feature', geometry: { type: 'Point', coordinates: [1, 2] }, id: 'x' },
  { type: 'feature', geometry: { type: 'Point', coordinates: [1, 2] } },
  { type: 'Feature', geometry: { type: 'MultiPoint', coordinates: [[1, 2]] } },
  { type: 'Feature', geometry: { type: 'Point' } },
];

/** Values that are often wrong for a field: wrong types, out of range, near and past each limit. */
const oddValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc.string({ minLength: 120, maxLength: 520 }),
  fc.constantFrom('', 'a', 'x'.repeat(128), 'x'.repeat(129), 'x'.repeat(255), 'x'.repeat(256), 'x'.repeat(257)),
  fc.integer(),
  fc.constantFrom(0, -1, 1, 1.5, Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER + 2, -0),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.integer({ min: -2, max: 5 }), { maxLength: 4 }),
  fc.array(fc.constantFrom(1, 2, 3), { minLength: 99, maxLength: 102 }),
  fc.array(fc.record({ externalId: fc.string({ maxLength: 3 }) }), { maxLength: 12 }),
  fc.array(fc.record({ externalId: fc.constant('a'), other: fc.constant(1) }), { maxLength: 2 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }), { maxKeys: 4 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.oneof(fc.string({ maxLength: 3 }), fc.integer()), { maxKeys: 3 }),
  fc.constantFrom(...METADATA_NEAR_LIMITS),
  fc.record({ space: fc.constantFrom('sp', '1x', 'a'), externalId: fc.constantFrom('e1', '_x', 'ok') }),
  fc.constantFrom<unknown>(...GEO_NEAR_POINT),
);

const mutated: fc.Arbitrary<unknown> = fc
  .tuple(
    recordArb,
    fc.array(fc.tuple(fc.constantFrom(...FIELDS), fc.option(oddValue, { nil: undefined })), { maxLength: 3 }),
  )
  .map(([record, changes]) => {
    const raw = wire(record) as Record<string, unknown>;
    for (const [key, value] of changes) {
      if (value === undefined) delete raw[key];
      else
        Object.defineProperty(raw, key, { value: wire(value), enumerable: true, writable: true, configurable: true });
    }
    return raw;
  });

describe('reading the records of an update answer', () => {
  it('the fast path accepts only what fileRecord accepts, and returns what it returns', () => {
    fc.assert(
      fc.property(mutated, (raw) => {
        const fast = plainlyValidRecord(raw);
        const zod = fileRecord.safeParse(raw);
        if (fast !== undefined) {
          assert.ok(zod.success, `fast path accepted what zod refuses: ${JSON.stringify(zod.error?.issues[0])}`);
          assert.deepEqual(fast, zod.data);
        }
        // Whatever the path, the answer is zod's.
        const read = readRecord(raw);
        assert.equal(read.success, zod.success);
        if (read.success && zod.success) assert.deepEqual(read.data, zod.data);
      }),
      { numRuns: 2000, seed: 0x1e4d },
    );
  });

  it('metadata near each limit: the same verdict as fileRecord', () => {
    const base = wire(fc.sample(recordArb, { numRuns: 1, seed: 3 })[0]) as Record<string, unknown>;
    for (const metadata of METADATA_NEAR_LIMITS) {
      const raw = { ...base, metadata };
      const fast = plainlyValidRecord(raw);
      const zod = fileRecord.safeParse(raw);
      if (fast !== undefined) assert.ok(zod.success, `accepted ${Object.keys(metadata)[0]?.slice(0, 5)}…`);
      assert.equal(readRecord(raw).success, zod.success);
    }
  });

  it('geoLocation points, right and nearly right: the same verdict and value as fileRecord', () => {
    // A record the fast path takes without its geoLocation, so the geoLocation alone decides.
    const base = fc
      .sample(recordArb, { numRuns: 50, seed: 3 })
      .map((r) => wire({ ...r, geoLocation: undefined }) as Record<string, unknown>)
      .find((r) => plainlyValidRecord(r) !== undefined)!;
    let fast = 0;
    for (const geoLocation of GEO_NEAR_POINT) {
      const raw = { ...base, geoLocation: wire(geoLocation) };
      const zod = fileRecord.safeParse(raw);
      const read = readRecord(raw);
      assert.equal(read.success, zod.success, JSON.stringify(geoLocation));
      if (read.success && zod.success) assert.deepEqual(read.data, zod.data);
      if (plainlyValidRecord(raw) !== undefined) fast++;
    }
    assert.equal(
      fast,
      3,
      `the three valid ones (two plain points, a MultiPoint by its schema) read without the record schema; ${fast} did`,
    );
  });

  it('takes the fast path for valid records as CDF returns them', () => {
    const records = fc.sample(recordArb, { numRuns: 300, seed: 7 }).map(wire);
    const fast = records.filter((r) => plainlyValidRecord(r) !== undefined).length;
    assert.ok(fast >= 290, `${fast} of 300 on the fast path`);
  });
});
