/**
 * Well-formed JSON with values of the wrong shape: a string where a number belongs, an object for a
 * list, a number inside a label, an unknown field. Each is refused with a problem at (or inside) the
 * field that is wrong, and only there; nothing is sent.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  EDITABLE_FIELDS,
  EDITABLE_FIELD_NAMES,
  READ_ONLY_FIELD_NAMES,
  type EditableFieldName,
} from '../../../src/cdf/model';
import { documentFromRecord } from '../../../src/core/records';
import { recordArb } from '../core/arbitraries';
import { runCount, seedFor } from '../reliability/helpers/runs';
import { assertNothingSent, assertRefused } from './helpers/refusal';

const small = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.string({ maxLength: 8 }),
    fc.integer(),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(fc.string({ maxLength: 5 }), tie('value'), { maxKeys: 3, noNullPrototype: true }),
  ),
})).value;

/** Shapes that are wrong deep inside an otherwise right value. */
const DEEP_WRONG: Partial<Record<EditableFieldName, unknown[]>> = {
  labels: [[{ externalId: 5 }], [{}], [{ externalId: 'A', colour: 'red' }], ['PID'], [{ externalId: '' }], [null]],
  assetIds: [[1, 'x'], [1.5], [0], [-1], [2 ** 53], [true], [[1]]],
  securityCategories: [['1'], [0.1], [2 ** 60]],
  metadata: [{ k: 5 }, { k: null }, { k: {} }, { k: [] }, { k: true }],
  geoLocation: [
    { type: 'Point', coordinates: [1, 2] },
    { type: 'Feature' },
    { type: 'Feature', geometry: { type: 'Point', coordinates: [1] } },
    { type: 'Feature', geometry: { type: 'Circle', coordinates: [1, 2] } },
    { type: 'Feature', geometry: { type: 'Point', coordinates: ['1', 2] } },
    {
      type: 'Feature',
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [0, 0],
            [1, 0],
            [1, 1],
            [0, 1],
          ],
        ],
      },
    },
    { type: 'Feature', geometry: { type: 'Point', coordinates: [1, 2] }, extra: 1 },
  ],
  dataSetId: ['123', 1.5, 0, -5, 2 ** 53],
  sourceCreatedTime: [-1, '1700000000000', 1.5, 2 ** 53],
  sourceModifiedTime: [-1, 2 ** 60],
  externalId: [5, true, ['a'], { a: 1 }],
};

const wrongFor = (field: EditableFieldName): fc.Arbitrary<unknown> =>
  fc
    .oneof(small, fc.constantFrom(...(DEEP_WRONG[field] ?? [{}])))
    .filter((v) => v !== null && !EDITABLE_FIELDS[field].schema.safeParse(v).success);

describe('fuzz: values of the wrong type or shape', function () {
  this.timeout(60_000);

  it('an editable field with a wrong value: refused at that field, nowhere else, nothing sent', async () => {
    await fc.assert(
      fc.asyncProperty(
        recordArb.filter((r) => r.instanceId === undefined),
        fc.constantFrom(...EDITABLE_FIELD_NAMES).chain((field) => fc.tuple(fc.constant(field), wrongFor(field))),
        async (base, [field, value]) => {
          const doc = documentFromRecord(base) as Record<string, unknown>;
          doc[field] = value;
          const text = JSON.stringify(doc, null, 2);
          const problems = assertRefused(base, text);
          for (const p of problems) assert.equal(p.path[0], field, `a problem outside ${field}: ${p.message}`);
          await assertNothingSent(base, text);
        },
      ),
      { seed: seedFor(0xf022_03), numRuns: runCount(300) },
    );
  });

  it('a read-only field or the name with a value of another type: refused at that field', () => {
    fc.assert(
      fc.property(recordArb, fc.constantFrom(...READ_ONLY_FIELD_NAMES), small, (base, field, value) => {
        fc.pre(JSON.stringify(value) !== JSON.stringify(base[field] ?? null));
        const doc = documentFromRecord(base) as Record<string, unknown>;
        doc[field] = value;
        const problems = assertRefused(base, JSON.stringify(doc));
        assert.ok(problems.some((p) => p.path[0] === field && ['read-only', 'name-not-updatable'].includes(p.code)));
      }),
      { seed: seedFor(0xf022_04), numRuns: runCount(200) },
    );
  });

  it('a field a file record does not have: refused at its key, with a hint when it is a near miss', () => {
    const known = new Set<string>([...EDITABLE_FIELD_NAMES, ...READ_ONLY_FIELD_NAMES]);
    const key = fc.oneof(
      fc.string({ minLength: 1, maxLength: 12 }),
      fc.constantFrom(
        '__proto__',
        'constructor',
        'toString',
        'Metadata',
        'lables',
        'dataSetID',
        'asset_ids',
        'directry',
        '',
      ),
    );
    fc.assert(
      fc.property(
        recordArb,
        key.filter((k) => !known.has(k)),
        small,
        (base, k, value) => {
          const doc = documentFromRecord(base) as Record<string, unknown>;
          // defineProperty: an own "__proto__" key, as JSON.parse makes it.
          Object.defineProperty(doc, k, { value, enumerable: true, configurable: true, writable: true });
          const problems = assertRefused(base, JSON.stringify(doc), { at: [k], code: 'unknown-field' });
          assert.equal(problems.find((p) => p.code === 'unknown-field')?.onKey, true);
        },
      ),
      { seed: seedFor(0xf022_05), numRuns: runCount(200) },
    );
  });
});
