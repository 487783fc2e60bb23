import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  EDITABLE_FIELDS,
  updateShapeOf,
  EDITABLE_FIELD_NAMES,
  LIMITS,
  fileRecord as fileRecordSchema,
  fileUpdateItem,
  type FileRecord,
} from '../../../../src/cdf/model';
import { applyUpdate } from '../../../../src/core/records';
import { planRecord, validateOperation, type BulkOperation } from '../../../../src/core/bulk';
import { sameFieldValue } from '../../../../src/core/field-values';
import { CLASSIC_FILE_BULK } from '../../../../src/core/classic-file';

// Small pools, so that operations often hit what records hold (and limits are reached).
const text = fc.string({ unit: fc.constantFrom('a', 'b', 'A', '.', '$', '/', 'é', '😀', ' '), maxLength: 6 });
const metadataKey = fc.constantFrom('rev', 'tag', 'area', 'Größe', '__proto__', 'constructor', 'a.b');
/** fast-check builds dictionaries without a prototype; records from JSON have Object's. */
const metadataArb = (minKeys: number, maxKeys: number) =>
  fc.dictionary(metadataKey, text, { minKeys, maxKeys }).map((m) => Object.fromEntries(Object.entries(m)));
const labelPool = Array.from({ length: LIMITS.labels + 2 }, (_, i) => ({ externalId: `l${i}` }));
const label = fc.constantFrom(...labelPool);
const id = fc.integer({ min: 1, max: 12 });
const directory = fc
  .array(fc.constantFrom('a', 'b', 'bc', 'ü', 'x.y'), { minLength: 0, maxLength: 3 })
  .map((parts) => '/' + parts.join('/'));
const geoLocation = fc.constantFrom(
  { type: 'Feature' as const, geometry: { type: 'Point' as const, coordinates: [1, 2] as [number, number] } },
  {
    type: 'Feature' as const,
    geometry: {
      type: 'LineString' as const,
      coordinates: [
        [0, 0],
        [1, 1],
      ] as [number, number][],
    },
    properties: { k: 1 },
  },
);
const time = fc.integer({ min: 0, max: 2_000_000_000_000 });

const recordArb: fc.Arbitrary<FileRecord> = fc
  .record(
    {
      externalId: text,
      directory,
      source: text,
      mimeType: fc.constantFrom('application/pdf', 'image/png'),
      dataSetId: id,
      assetIds: fc.uniqueArray(id, { minLength: 1, maxLength: 6 }),
      labels: fc.uniqueArray(label, { minLength: 1, maxLength: LIMITS.labels, selector: (l) => l.externalId }),
      metadata: metadataArb(1, 5),
      securityCategories: fc.uniqueArray(id, { minLength: 1, maxLength: 4 }),
      sourceCreatedTime: time,
      sourceModifiedTime: time,
      geoLocation,
      instanceId: fc.constant({ space: 'plant', externalId: 'doc_1' }),
    },
    { requiredKeys: [] },
  )
  .map((fields) => ({ id: 99, name: 'f.pdf', uploaded: true, createdTime: 1, lastUpdatedTime: 2, ...fields }));

const setLikeField = fc.constantFrom('labels' as const, 'assetIds' as const, 'securityCategories' as const);
const elements = (field: 'labels' | 'assetIds' | 'securityCategories') =>
  field === 'labels'
    ? fc.uniqueArray(label, { minLength: 1, maxLength: 3, selector: (l) => l.externalId })
    : fc.uniqueArray(id, { minLength: 1, maxLength: 3 });

const valueFor: { [F in (typeof EDITABLE_FIELD_NAMES)[number]]: fc.Arbitrary<unknown> } = {
  externalId: text,
  directory,
  source: text,
  mimeType: fc.constantFrom('text/plain', 'image/png'),
  dataSetId: id,
  assetIds: fc.uniqueArray(id, { maxLength: 5 }),
  labels: fc.uniqueArray(label, { maxLength: LIMITS.labels, selector: (l) => l.externalId }),
  metadata: metadataArb(0, 4),
  securityCategories: fc.uniqueArray(id, { maxLength: 4 }),
  sourceCreatedTime: time,
  sourceModifiedTime: time,
  geoLocation,
};

const operationArb: fc.Arbitrary<BulkOperation> = fc.oneof(
  fc
    .constantFrom(...EDITABLE_FIELD_NAMES)
    .chain((field) => valueFor[field].map((value) => ({ op: 'set', field, value }))),
  fc.constantFrom(...EDITABLE_FIELD_NAMES).map((field) => ({ op: 'clear', field })),
  setLikeField.chain((field) => elements(field).map((values) => ({ op: 'add', field, values }))),
  setLikeField.chain((field) => elements(field).map((values) => ({ op: 'remove', field, values }))),
  fc.record({ op: fc.constant('metadataAdd'), key: metadataKey, value: text }),
  fc.record({ op: fc.constant('metadataRemove'), key: metadataKey }),
  fc.record({
    op: fc.constant('metadataRenameKey'),
    from: metadataKey,
    to: metadataKey,
    ifTargetExists: fc.constantFrom('refuse', 'overwrite'),
  }),
  fc.record(
    {
      op: fc.constant('metadataReplace'),
      find: fc.constantFrom('a', '.', '$', 'é', 'A+', '(a|b)', '^', '😀'),
      replacement: fc.constantFrom('', 'b', '$&$&', 'x$1'),
      regex: fc.boolean(),
      flags: fc.constantFrom('i', 'u'),
      keys: fc.uniqueArray(metadataKey, { minLength: 1, maxLength: 2 }),
    },
    { requiredKeys: ['op', 'find', 'replacement'] },
  ),
  fc.record({ op: fc.constant('directoryMove'), from: directory, to: directory }),
) as fc.Arbitrary<BulkOperation>;

const validOperation = operationArb.filter((op) =>
  validateOperation(CLASSIC_FILE_BULK, op).every((p) => p.severity !== 'error'),
);

describe('planRecord, property: the update it plans produces exactly the record it predicts', function () {
  this.timeout(20_000);

  it('for random records and random operation lists', () => {
    const outcomes = { change: 0, unchanged: 0, refused: 0 };
    fc.assert(
      fc.property(recordArb, fc.array(validOperation, { minLength: 1, maxLength: 5 }), (record, ops) => {
        assert.ok(fileRecordSchema.safeParse(record).success, 'the generator makes valid records');
        const plan = planRecord(CLASSIC_FILE_BULK, record, ops);
        outcomes[plan.outcome]++;
        if (plan.outcome !== 'change') {
          assert.equal(plan.after, record);
          return;
        }
        assert.deepEqual(applyUpdate(record, plan.update), plan.after);
        const item = fileUpdateItem.safeParse({ id: record.id, update: plan.update });
        assert.ok(item.success, JSON.stringify(item.error?.issues));
        assert.ok(fileRecordSchema.safeParse(plan.after).success, 'the result keeps every limit');
        for (const name of EDITABLE_FIELD_NAMES) {
          const patch = plan.update[name];
          if (patch === undefined) continue;
          assert.ok(!sameFieldValue(name, record[name], plan.after[name]), `minimal: ${name} really changes`);
          if (updateShapeOf(name) !== 'scalar') assert.ok(!('set' in patch), `${name} is add/remove`);
          if (record.instanceId) assert.ok(EDITABLE_FIELDS[name].instanceLinkedMayChange, `${name} on a linked file`);
        }
      }),
      { seed: 20_240_601, numRuns: 3000 },
    );
    // The generators must reach every outcome often, or the property proves little.
    for (const [outcome, n] of Object.entries(outcomes)) assert.ok(n > 200, `${outcome}: ${n}`);
  });
});
