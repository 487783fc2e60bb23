/**
 * The cheap check of update items (plain-item.ts) accepts only what the update schema accepts: a
 * bulk job relies on it to refuse bad items before sending, so a false "valid" would send one.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { invalidItemReason } from '../../../../src/cdf/client/update/invalid-item';
import { isPlainlyValidItem } from '../../../../src/cdf/client/update/plain-item';
import { fileUpdateItem, type FileUpdateItem } from '../../../../src/cdf/model';

/** Values that are often wrong somewhere: wrong types, out of range, near and past each limit. */
const oddValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.string({ maxLength: 8 }),
  fc.constantFrom(
    '',
    'x'.repeat(128),
    'x'.repeat(129),
    'x'.repeat(255),
    'x'.repeat(256),
    'x'.repeat(512),
    'x'.repeat(513),
  ),
  fc.integer(),
  fc.constantFrom(0, -1, 1, 1.5, Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER + 2, NaN),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.array(fc.oneof(fc.string({ maxLength: 3 }), fc.integer({ min: -1, max: 3 })), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.oneof(fc.string({ maxLength: 4 }), fc.integer()), { maxKeys: 3 }),
  fc.constantFrom(
    { ['k'.repeat(42)]: 'v' },
    { ['k'.repeat(43)]: 'v' },
    { ['é'.repeat(64)]: 'v' },
    { ['é'.repeat(65)]: 'v' },
    { a: '€'.repeat(3400) },
    { a: '€'.repeat(3500) },
    { a: 'x'.repeat(10240) },
    Object.fromEntries(Array.from({ length: 257 }, (_, i) => [`k${i}`, ''])),
    Object.create(null) as object,
    JSON.parse('{"__proto__": "x"}') as object,
  ),
);

const FIELDS = [
  'externalId',
  'directory',
  'source',
  'mimeType',
  'dataSetId',
  'sourceCreatedTime',
  'sourceModifiedTime',
  'metadata',
  'assetIds',
  'labels',
  'name',
  'toString',
  '__proto__',
];
const PATCH_KEYS = ['set', 'setNull', 'add', 'remove', 'other'];

const patch: fc.Arbitrary<unknown> = fc.oneof(
  fc.dictionary(fc.constantFrom(...PATCH_KEYS), oddValue, { maxKeys: 3 }),
  oddValue,
);
const update = fc.dictionary(fc.constantFrom(...FIELDS), patch, { maxKeys: 3 });
const identifier: fc.Arbitrary<Record<string, unknown>> = fc.oneof(
  fc.record({ id: oddValue }),
  fc.record({ externalId: oddValue }),
  fc.record({ id: fc.integer({ min: 1, max: 9 }), externalId: fc.string({ maxLength: 3 }) }),
  fc.record({ instanceId: fc.constant({ space: 'sp', externalId: 'x' }) }),
);
/** What a bulk edit typically sends. */
const commonItem: fc.Arbitrary<FileUpdateItem> = fc
  .record({
    id: fc.integer({ min: 1, max: 1e12 }),
    update: fc.record(
      {
        metadata: fc.oneof(
          fc.record({ add: fc.dictionary(fc.string({ minLength: 1, maxLength: 20 }), fc.string({ maxLength: 40 })) }),
          fc.record({ remove: fc.array(fc.string({ maxLength: 20 })) }),
        ),
        source: fc.oneof(fc.record({ set: fc.string({ maxLength: 128 }) }), fc.constant({ setNull: true })),
        dataSetId: fc.record({ set: fc.integer({ min: 1, max: 1e12 }) }),
        directory: fc.record({ set: fc.string({ maxLength: 100 }) }),
      },
      { requiredKeys: [] },
    ),
  })
  .map((i) => JSON.parse(JSON.stringify(i)) as FileUpdateItem); // object literals, as a bulk edit builds them

/** A typical item with one patch value made odd: near the boundary between the two paths. */
const nearlyCommon: fc.Arbitrary<unknown> = fc
  .tuple(commonItem, fc.constantFrom(...FIELDS), fc.constantFrom(...PATCH_KEYS), oddValue, fc.boolean())
  .map(([generated, field, key, value, replace]) => {
    // A copy: fast-check shrinks from the generated value, which must stay as it was made.
    const base = JSON.parse(JSON.stringify(generated)) as FileUpdateItem;
    const update = base.update as Record<string, unknown>;
    // Own keys only: update["__proto__"] would be Object.prototype, and writing to it pollutes every object.
    const existing = Object.prototype.hasOwnProperty.call(update, field) ? update[field] : undefined;
    if (!replace && typeof existing === 'object' && existing !== null)
      (existing as Record<string, unknown>)[key] = value;
    else update[field] = { [key]: value };
    return base;
  });

const item: fc.Arbitrary<unknown> = fc.oneof(
  nearlyCommon,
  commonItem,
  fc.tuple(identifier, update).map(([who, u]) => ({ ...who, update: u })),
  fc.tuple(identifier, update, fc.constantFrom('extra', 'name')).map(([who, u, k]) => ({ ...who, update: u, [k]: 1 })),
  oddValue,
);

describe('the cheap check of update items', () => {
  it('accepts only what the update schema accepts', () => {
    let accepted = 0;
    fc.assert(
      fc.property(item, (candidate) => {
        if (!isPlainlyValidItem(candidate)) return;
        accepted++;
        const zod = fileUpdateItem.safeParse(candidate);
        assert.ok(zod.success, `accepted what the schema refuses: ${JSON.stringify(zod.error?.issues[0])}`);
      }),
      { numRuns: 5000, seed: 0x17e4 },
    );
    assert.ok(accepted >= 100, `only ${accepted} of 5000 went the cheap way: the property says little`);
  });

  it('gives the same verdict as the schema, whichever path decides', () => {
    fc.assert(
      fc.property(item, (candidate) => {
        if (typeof candidate !== 'object' || candidate === null) return; // Items are objects by type.
        const zod = fileUpdateItem.safeParse(candidate);
        assert.equal(invalidItemReason(candidate as FileUpdateItem) === undefined, zod.success);
      }),
      { numRuns: 3000, seed: 0x17e5 },
    );
  });

  it('takes the cheap path for the items a bulk edit makes', () => {
    fc.assert(
      fc.property(commonItem, (candidate) => {
        assert.ok(fileUpdateItem.safeParse(candidate).success);
        assert.ok(isPlainlyValidItem(candidate), JSON.stringify(candidate).slice(0, 200));
      }),
      { numRuns: 1000, seed: 0x17e6 },
    );
  });
});
