// Properties of the CogniteFile kind's write, over generated nodes and edits: the upsert item a
// change becomes, applied as CDF applies it, gives the edited node; and decided on an older copy but
// encoded against the one CDF holds now, it keeps every change of the other writer it does not touch.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { CogniteFileUpsertItem, DirectRelation } from '../../../../src/cdf/model';
import { diffRecord } from '../../../../src/core/diff';
import { COGNITE_FILE, type CogniteFileRecord } from '../../../../src/core/records';

const SEED = 20261204;
const RUNS = 500;

const relation: fc.Arbitrary<DirectRelation> = fc.record({
  space: fc.constantFrom('plant-a', 'plant-b'),
  externalId: fc.constantFrom('P-101', 'P-102', 'P-103', 'V-1', 'x:y'),
});
const texts = fc.uniqueArray(fc.constantFrom('pump', 'valve', 'rev-b', 'Ünïcode', 'with space', ''), {
  maxLength: 5,
});
const relations = fc.uniqueArray(relation, { maxLength: 4, selector: (r) => `${r.space}:${r.externalId}` });
const timestamp = fc
  .date({ min: new Date('1990-01-01'), max: new Date('2040-01-01'), noInvalidDate: true })
  .map((d) => d.toISOString().replace('Z', '+00:00'));

/** Each writable property: a value of its kind, or absent. */
const VALUES: Record<string, fc.Arbitrary<unknown>> = Object.fromEntries(
  COGNITE_FILE.fields.map((f) => {
    const arb =
      f.kind.name === 'textList'
        ? texts
        : f.kind.name === 'directRelationList'
          ? relations
          : f.kind.name === 'directRelation'
            ? relation
            : f.kind.name === 'timestamp'
              ? timestamp
              : fc.constantFrom('a', 'b', 'P-101.pdf', '');
    return [f.name, arb];
  }),
);
const values = fc.record(VALUES, { requiredKeys: [] });

const recordArb: fc.Arbitrary<CogniteFileRecord> = fc
  .tuple(values, fc.integer({ min: 1, max: 1000 }))
  .map(([v, version]) => ({
    space: 'plant-a',
    externalId: 'doc',
    version,
    createdTime: 1,
    lastUpdatedTime: 2,
    ...v,
  }));

/** Another writer's copy: some of base's properties replaced or cleared. */
const editOf = (base: CogniteFileRecord) =>
  fc.tuple(values, fc.subarray(COGNITE_FILE.fields.map((f) => f.name))).map(([v, cleared]) => {
    const out: Record<string, unknown> = { ...base, ...v };
    for (const name of cleared) delete out[name];
    return out as CogniteFileRecord;
  });

/** What `POST /models/instances` does (patch semantics): named properties written, `null` clears. */
function upsertApplied(record: CogniteFileRecord, item: CogniteFileUpsertItem): CogniteFileRecord {
  const out: Record<string, unknown> = { ...record };
  for (const [name, value] of Object.entries(item.sources[0].properties)) {
    if (value === null) delete out[name];
    else out[name] = value;
  }
  return out as CogniteFileRecord;
}

const field = (r: CogniteFileRecord, name: string): unknown => (r as Record<string, unknown>)[name];

describe('the CogniteFile write (properties)', () => {
  it('applied as CDF applies it, the upsert item gives the edited node, naming only what changed', () => {
    fc.assert(
      fc.property(
        recordArb.chain((base) => fc.tuple(fc.constant(base), editOf(base))),
        ([base, edited]) => {
          const patches = diffRecord(COGNITE_FILE, base, edited);
          const changed = COGNITE_FILE.fields.filter((f) => !f.kind.same(field(base, f.name), field(edited, f.name)));
          if (!patches) return assert.equal(changed.length, 0);
          const item = COGNITE_FILE.encodeUpdate(base, patches);
          assert.equal(item.existingVersion, base.version);
          assert.deepEqual(Object.keys(item.sources[0].properties).sort(), changed.map((f) => f.name).sort());
          const after = upsertApplied(base, item);
          for (const f of COGNITE_FILE.fields)
            assert.ok(f.kind.same(field(after, f.name), field(edited, f.name)), f.name);
        },
      ),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it('encoded against a newer copy, keeps every change of the other writer that mine does not touch', () => {
    fc.assert(
      fc.property(
        recordArb.chain((base) => fc.tuple(fc.constant(base), editOf(base), editOf(base))),
        ([base, mine, theirs0]) => {
          const theirs = { ...theirs0, version: base.version + 1 };
          const patches = diffRecord(COGNITE_FILE, base, mine);
          if (!patches) return;
          const item = COGNITE_FILE.encodeUpdate(theirs, patches);
          assert.equal(item.existingVersion, theirs.version);
          const after = upsertApplied(theirs, item);
          for (const f of COGNITE_FILE.fields) {
            const [b, m, t, a] = [base, mine, theirs, after].map((r) => field(r, f.name));
            if (f.kind.same(b, m)) assert.ok(f.kind.same(a, t), `${f.name}: theirs kept`);
            else if (!f.kind.collection) assert.ok(f.kind.same(a, m), `${f.name}: mine written`);
            else {
              // a set: theirs, plus what I added, minus what I removed
              const keys = (v: unknown) => [...f.kind.elements(v).keys()];
              const [bk, mk, tk, ak] = [b, m, t, a].map((v) => new Set(keys(v)));
              const want = new Set([...tk!, ...[...mk!].filter((k) => !bk!.has(k))]);
              for (const k of bk!) if (!mk!.has(k)) want.delete(k);
              assert.deepEqual([...ak!].sort(), [...want].sort(), f.name);
            }
          }
        },
      ),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it('a field holding the same value object on both sides (a bulk after-image) diffs as a copy of it does', () => {
    fc.assert(
      fc.property(
        recordArb.chain((base) => fc.tuple(fc.constant(base), editOf(base))),
        ([base, edited]) => {
          const copies = diffRecord(COGNITE_FILE, structuredClone(base), structuredClone(edited));
          assert.deepEqual(diffRecord(COGNITE_FILE, base, edited), copies);
          assert.equal(diffRecord(COGNITE_FILE, base, { ...base }), undefined);
        },
      ),
      { seed: SEED, numRuns: RUNS },
    );
  });
});
