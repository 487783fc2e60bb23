/**
 * Edits the API cannot make: a read-only field (id, times, uploaded, instanceId), the name (which
 * `files/update` cannot change), and, on a file linked to a data modelling instance, the fields only
 * an unlinked file may change. Each is refused at its field, saying what to put back; keeping or
 * removing such a field is no edit and passes.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  EDITABLE_FIELDS,
  EDITABLE_FIELD_NAMES,
  READ_ONLY_FIELD_NAMES,
  type FileRecord,
  type ReadOnlyFieldName,
} from '../../../src/cdf/model';
import { planSave } from '../../../src/core/records';
import { documentFromRecord } from '../../../src/core/records';
import { FIELD_ARBS, recordArb } from '../core/arbitraries';
import { runCount, seedFor } from '../reliability/helpers/runs';
import { assertNothingSent, assertRefused } from './helpers/refusal';

/** A value of the right type that differs from the record's. */
function otherValue(base: FileRecord, field: ReadOnlyFieldName): unknown {
  switch (field) {
    case 'id':
      return base.id === 1 ? 2 : base.id - 1;
    case 'name':
      return `${base.name}.renamed`;
    case 'uploaded':
      return !base.uploaded;
    case 'uploadedTime':
    case 'createdTime':
    case 'lastUpdatedTime':
      return (base[field] ?? 0) === 0 ? 1 : 0;
    case 'instanceId':
      return { space: 'other_space', externalId: `${base.instanceId?.externalId ?? 'x'}Other` };
  }
}

const linkedRecordArb = recordArb.map((r): FileRecord =>
  r.instanceId ? r : { ...r, instanceId: { space: 'sp', externalId: `file${r.id}` } },
);

describe('fuzz: read-only fields, the name, and linked files', function () {
  this.timeout(60_000);

  it('changing a read-only field or the name: refused at that field, saying what to put back, nothing sent', async () => {
    await fc.assert(
      fc.asyncProperty(recordArb, fc.constantFrom(...READ_ONLY_FIELD_NAMES), async (base, field) => {
        const doc = documentFromRecord(base) as Record<string, unknown>;
        doc[field] = otherValue(base, field);
        const text = JSON.stringify(doc, null, 2);
        const code = field === 'name' ? 'name-not-updatable' : 'read-only';
        const problems = assertRefused(base, text, { at: [field], code });
        const p = problems.find((x) => x.code === code)!;
        // An older lastUpdatedTime is a stale text: putting back the newer time would confirm it, so it says reload.
        const stale = field === 'lastUpdatedTime' && (doc[field] as number) < base.lastUpdatedTime;
        if (stale) assert.match(p.message, /before a later change in CDF.*reload/);
        else if (field !== 'name' && base[field] !== undefined) assert.match(p.message, /put back/);
        if (field === 'name') assert.match(p.message, /create the file again|re-upload/);
        await assertNothingSent(base, text);
      }),
      { seed: seedFor(0xf022_09), numRuns: runCount(200) },
    );
  });

  it('keeping, reformatting or removing read-only fields is no edit', () => {
    fc.assert(
      fc.property(recordArb, fc.subarray(READ_ONLY_FIELD_NAMES), fc.constantFrom(0, 1, 4), (base, removed, indent) => {
        const doc = documentFromRecord(base) as Record<string, unknown>;
        for (const f of removed) delete doc[f];
        // Fields in reverse order: order never matters.
        const reordered = Object.fromEntries(Object.entries(doc).reverse());
        const plan = planSave(base, JSON.stringify(reordered, null, indent));
        assert.ok(plan.ok, JSON.stringify(!plan.ok && plan.problems));
        assert.equal(plan.update, undefined, 'nothing to send');
      }),
      { seed: seedFor(0xf022_0a), numRuns: runCount(150) },
    );
  });

  it('a linked file: fields outside DMSFileChange refused at the field; the others saved', () => {
    const fields = EDITABLE_FIELD_NAMES;
    fc.assert(
      fc.property(
        linkedRecordArb,
        fc.constantFrom(...fields).chain((f) => fc.tuple(fc.constant(f), FIELD_ARBS[f] as fc.Arbitrary<unknown>)),
        (base, [field, value]) => {
          fc.pre(JSON.stringify(value) !== JSON.stringify(base[field] ?? null));
          const doc = documentFromRecord(base) as Record<string, unknown>;
          doc[field] = value;
          const text = JSON.stringify(doc);
          const plan = planSave(base, text);
          if (EDITABLE_FIELDS[field].instanceLinkedMayChange) {
            // Sets compare as sets: a reordered list is no change, and that is fine too.
            if (!plan.ok) assert.fail(JSON.stringify(plan.problems));
          } else if (!plan.ok || plan.update) {
            assertRefused(base, text, { at: [field], code: 'instance-linked' });
          }
        },
      ),
      { seed: seedFor(0xf022_0b), numRuns: runCount(200) },
    );
  });
});
