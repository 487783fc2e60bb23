// Bulk actions, CSV import/export and undo with metadata keys named like Object.prototype members:
// they are ordinary keys, and an operation, field or column named so is judged by its name, never
// by what the prototype happens to hold.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { fileUpdateItem, type FileRecord } from '../../../../src/cdf/model';
import { applyUpdate } from '../../../../src/core/records';
import {
  parseChangesCsv,
  planImportRow,
  planRecord,
  planUndo,
  recordsToCsv,
  validateOperation,
  type BulkOperation,
} from '../../../../src/core/bulk';
import { CLASSIC_FILE_BULK } from '../../../../src/core/classic-file';

const SEED = 20261204;
const NAMES = [
  '__proto__',
  'constructor',
  'toString',
  'hasOwnProperty',
  'valueOf',
  'prototype',
  'isPrototypeOf',
  '__defineGetter__',
] as const;

type Entries = [string, string][];
const mapOf = (entries: Entries): Record<string, string> =>
  JSON.parse(`{${entries.map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)}`).join(',')}}`) as Record<
    string,
    string
  >;
const entriesOf = (m: Record<string, string> | undefined): Entries =>
  Object.entries(m ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

const keyArb = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...NAMES) },
  { weight: 1, arbitrary: fc.constantFrom('rev', 'tag') },
);
const valueArb = fc.constantFrom('A', 'B', 'C');
const mapArb = fc.uniqueArray(fc.tuple(keyArb, valueArb), { selector: ([k]) => k, maxLength: 6 }).map(mapOf);
const opArb: fc.Arbitrary<BulkOperation> = fc.oneof(
  fc.record({ op: fc.constant('metadataAdd' as const), key: keyArb, value: valueArb }),
  fc.record({ op: fc.constant('metadataRemove' as const), key: keyArb }),
  fc
    .record({
      op: fc.constant('metadataRenameKey' as const),
      from: keyArb,
      to: keyArb,
      ifTargetExists: fc.constant('overwrite' as const),
    })
    .filter((op) => op.from !== op.to),
);

const record = (metadata: Record<string, string>, id = 1): FileRecord => {
  const r: FileRecord = { id, name: `F-${id}.pdf`, uploaded: true, createdTime: 1, lastUpdatedTime: 1 };
  if (Object.keys(metadata).length > 0) r.metadata = metadata;
  return r;
};

/** What the operations do, on a Map: the model the planner must agree with. */
function model(metadata: Record<string, string>, ops: BulkOperation[]): Entries {
  const m = new Map(Object.entries(metadata));
  for (const op of ops) {
    if (op.op === 'metadataAdd') m.set(op.key, op.value);
    else if (op.op === 'metadataRemove') m.delete(op.key);
    else if (op.op === 'metadataRenameKey' && m.has(op.from) && op.from !== op.to) {
      m.set(op.to, m.get(op.from)!);
      m.delete(op.from);
    }
  }
  return [...m.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

describe('bulk actions on prototype-named metadata keys (property tests)', function () {
  this.timeout(60_000);

  it('a planned action does to the metadata what the operations say, sends it all, and undo restores it', () => {
    fc.assert(
      fc.property(mapArb, fc.array(opArb, { minLength: 1, maxLength: 4 }), (metadata, ops) => {
        const before = record(metadata);
        const plan = planRecord(CLASSIC_FILE_BULK, before, ops);
        assert.notEqual(plan.outcome, 'refused', JSON.stringify(plan.problems));
        assert.deepEqual(entriesOf(plan.after.metadata), model(metadata, ops));
        if (plan.outcome !== 'change') return;
        const wire = JSON.parse(JSON.stringify(plan.update)) as typeof plan.update;
        assert.ok(fileUpdateItem.safeParse({ id: 1, update: wire }).success);
        const after = applyUpdate(before, wire);
        assert.deepEqual(entriesOf(after.metadata), model(metadata, ops));
        const undo = planUndo(CLASSIC_FILE_BULK, [{ outcome: 'applied', before, after }], [after]);
        assert.deepEqual(undo.conflicts, []);
        const restored = undo.items.reduce(
          (r, item) => applyUpdate(r, JSON.parse(JSON.stringify(item.update)) as typeof item.update),
          after,
        );
        assert.deepEqual(entriesOf(restored.metadata), entriesOf(metadata));
      }),
      { seed: SEED, numRuns: 1000 },
    );
  });

  it('an exported CSV imported back changes nothing; an edited cell changes exactly that key', () => {
    fc.assert(
      fc.property(mapArb, keyArb, valueArb, (metadata, key, value) => {
        const before = record(metadata);
        const csv = recordsToCsv(CLASSIC_FILE_BULK, [before]);
        const same = parseChangesCsv(CLASSIC_FILE_BULK, csv);
        assert.deepEqual(same.problems, []);
        assert.equal(planImportRow(CLASSIC_FILE_BULK, before, same.rows[0]!).outcome, 'unchanged');
        const edited = parseChangesCsv(CLASSIC_FILE_BULK, `id,metadata.${key}\n1,${value}\n`);
        assert.deepEqual(edited.problems, []);
        const plan = planImportRow(CLASSIC_FILE_BULK, before, edited.rows[0]!);
        assert.deepEqual(
          entriesOf(plan.after.metadata),
          model(metadata, [{ op: 'metadataAdd', key, value }]),
          JSON.stringify(plan),
        );
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  it('an operation named like a prototype member is unknown, not a crash', () => {
    for (const name of NAMES) {
      const op = validateOperation(CLASSIC_FILE_BULK, { op: name });
      assert.equal(op.length, 1, name);
      assert.match(op[0]!.message, /Unknown operation/);
    }
  });

  it('a field named like a prototype member is unknown (not read-only, not editable)', () => {
    for (const name of NAMES) {
      for (const op of [
        { op: 'set', field: name, value: 'x' },
        { op: 'clear', field: name },
      ]) {
        const problems = validateOperation(CLASSIC_FILE_BULK, op);
        assert.equal(problems.length, 1, `${op.op} ${name}`);
        assert.match(problems[0]!.message, /There is no field/);
      }
    }
  });

  it('a CSV column named like a prototype member is an unknown column', () => {
    for (const name of NAMES) {
      const csv = parseChangesCsv(CLASSIC_FILE_BULK, `id,${name}\n1,x\n`);
      assert.equal(csv.rows.length, 0, name);
      assert.match(csv.problems[0]?.message ?? '', /Unknown column/, name);
    }
  });
});
