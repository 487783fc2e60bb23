import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  COGNITE_FILE_VIEW,
  fileProperty,
  HAS_FILE_DATA,
  instanceFilter,
  nodeField,
  type InstanceFilter,
} from '../../../../src/cdf/model';
import { useEmulator } from '../../emulator/helpers';
import { dms } from '../../emulator/dms-helpers';

const relation = fc.record({
  space: fc.constantFrom('plant_assets', 'document_reference', 'plant_a_documents'),
  externalId: fc.stringMatching(/^[a-z][a-z0-9_]{0,12}$/),
});
const text = fc.string({ maxLength: 8 });

/** Leaves over the properties the files view filters on, each with a value of the property's type. */
const leaf: fc.Arbitrary<InstanceFilter> = fc.oneof(
  fc
    .array(fc.constantFrom('plant_a_documents', 'plant_b_documents'), { minLength: 1, maxLength: 2 })
    .map((values): InstanceFilter => ({ in: { property: nodeField('space'), values } })),
  text.map((value): InstanceFilter => ({ prefix: { property: fileProperty('directory'), value: `/${value}` } })),
  text.map((value): InstanceFilter => ({ equals: { property: fileProperty('mimeType'), value } })),
  relation.map((value): InstanceFilter => ({ equals: { property: fileProperty('category'), value } })),
  fc
    .array(text, { minLength: 1, maxLength: 3 })
    .map((values): InstanceFilter => ({ containsAny: { property: fileProperty('tags'), values } })),
  fc
    .array(relation, { minLength: 1, maxLength: 3 })
    .map((values): InstanceFilter => ({ containsAll: { property: fileProperty('assets'), values } })),
  fc.boolean().map((value): InstanceFilter => ({ equals: { property: fileProperty('isUploaded'), value } })),
  relation.map((value): InstanceFilter => ({ equals: { property: fileProperty('source'), value } })),
  fc.constant<InstanceFilter>({ exists: { property: fileProperty('category') } }),
  fc
    .date({ min: new Date(0), max: new Date(Date.UTC(2100, 0, 1)), noInvalidDate: true })
    .map((d): InstanceFilter => ({ range: { property: fileProperty('sourceCreatedTime'), gte: d.toISOString() } })),
  fc.constant<InstanceFilter>(HAS_FILE_DATA),
);

const filter: fc.Arbitrary<InstanceFilter> = fc.letrec<{ f: InstanceFilter }>((tie) => ({
  f: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc.array(tie('f'), { minLength: 1, maxLength: 3 }).map((and): InstanceFilter => ({ and })),
    fc.array(tie('f'), { minLength: 1, maxLength: 3 }).map((or): InstanceFilter => ({ or })),
    tie('f').map((not): InstanceFilter => ({ not })),
  ),
})).f;

describe('cdf/model: the instances filter language', () => {
  const ctx = useEmulator({ files: 600, seed: 5 });

  it('every filter the model accepts is one the API takes (list and aggregate answer 200)', async () => {
    const api = dms(ctx.emulator);
    await fc.assert(
      fc.asyncProperty(filter, async (f) => {
        assert.ok(instanceFilter.safeParse(f).success, JSON.stringify(f));
        const listed = await api.list({ filter: f, limit: 5, sources: [{ source: COGNITE_FILE_VIEW }] });
        assert.equal(listed.status, 200, JSON.stringify(listed.body));
        const counted = await api.post('/models/instances/aggregate', {
          view: COGNITE_FILE_VIEW,
          filter: f,
          aggregates: [{ count: { property: 'externalId' } }],
        });
        assert.equal(counted.status, 200, JSON.stringify(counted.body));
      }),
      { numRuns: 60 },
    );
  });

  it('refuses what is not a filter before anything is sent', () => {
    for (const bad of [
      {},
      { equals: { property: ['name'], value: 'x' } },
      { and: [] },
      { prefix: { property: fileProperty('directory') } },
      { equals: { property: fileProperty('name'), value: 'x' }, or: [] },
      { nested: { scope: ['a', 'b'], filter: HAS_FILE_DATA } },
    ])
      assert.equal(instanceFilter.safeParse(bad).success, false, JSON.stringify(bad));
  });
});
