import assert from 'node:assert/strict';
import fc from 'fast-check';
import { useEmulator, type Json } from './helpers';
import { dms, fileItem, fileProps } from './dms-helpers';

/**
 * A model of patch semantics and versions: any sequence of writes (values, nulls, lists, relations,
 * with or without `replace`) leaves the node exactly as the model says, and its version grows by
 * one per write that changed something, never otherwise.
 */
const text = fc.string({ maxLength: 12 });
const values: Record<string, fc.Arbitrary<unknown>> = {
  name: text,
  description: text,
  directory: text.map((s) => `/${s}`),
  mimeType: fc.constantFrom('application/pdf', 'image/png'),
  tags: fc.array(fc.constantFrom('a', 'b', 'c'), { minLength: 1, maxLength: 3 }),
  isUploaded: fc.boolean(),
  sourceCreatedTime: fc
    .integer({ min: 0, max: 4_000_000_000_000 })
    .map((ms) => new Date(ms).toISOString().replace('Z', '+00:00')),
  category: fc
    .constantFrom('category_PID', 'category_DS')
    .map((externalId) => ({ space: 'document_reference', externalId })),
};
const write = fc.record({
  properties: fc
    .dictionary(fc.constantFrom(...Object.keys(values)), fc.constant(0))
    .chain((keys) =>
      fc.record(Object.fromEntries(Object.keys(keys).map((k) => [k, fc.option(values[k]!, { nil: null })]))),
    ),
  replace: fc.boolean(),
});

describe('emulator: data modeling upsert follows the patch model (property)', function () {
  this.timeout(60_000);
  const ctx = useEmulator({ files: 0 });
  let n = 0;

  it('holds for random write sequences', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(write, { minLength: 1, maxLength: 6 }), async (writes) => {
        const api = dms(ctx.emulator);
        const id = { space: 'plant_a_documents', externalId: `prop_${++n}` };
        let model: Record<string, unknown> = {};
        let version = 0;
        for (const w of writes) {
          const next: Json = w.replace ? {} : { ...model };
          for (const [k, v] of Object.entries(w.properties))
            if (v === null) delete next[k];
            else next[k] = v;
          const changed = version === 0 || JSON.stringify(sorted(next)) !== JSON.stringify(sorted(model));
          const r = await api.upsert([fileItem(id.space, id.externalId, w.properties)], { replace: w.replace });
          assert.equal(r.status, 200, JSON.stringify(r.body));
          if (changed) version += 1;
          assert.equal(r.body.items[0].wasModified, changed);
          assert.equal(r.body.items[0].version, version);
          model = next;
        }
        const got = await api.byIds([id]);
        assert.deepEqual(sorted(fileProps(got.body.items[0])), sorted(model));
      }),
      { numRuns: 60 },
    );
  });
});

const sorted = (o: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(o).sort(([a], [b]) => (a < b ? -1 : 1)));
