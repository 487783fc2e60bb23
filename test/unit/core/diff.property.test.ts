import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  updateShapeOf,
  EDITABLE_FIELD_NAMES,
  dmsFileChange,
  fileRecord,
  fileUpdateItem,
  type FileChangeUpdate,
  type FileRecord,
} from '../../../src/cdf/model';
import { omitEmpty } from '../../../src/core/apply';
import { applyUpdate } from '../../../src/core/records';
import { diff, diffToUpdateItem, planSave } from '../../../src/core/records';
import { documentFromRecord, renderDocument } from '../../../src/core/records';
import type { FileDocument } from '../../../src/core/records';
import { validateDocument } from '../../../src/core/records';
import { caseArb, recordArb } from './arbitraries';

// A fixed seed: a failure reproduces on every machine; fast-check prints the counterexample and its path.
const SEED = 20260525;
const RUNS = 2000;

/** The record `edited` describes: base's read-only fields, the document's editable ones. */
function expectedRecord(base: FileRecord, edited: FileDocument): FileRecord {
  const out: Record<string, unknown> = { ...base };
  for (const name of EDITABLE_FIELD_NAMES) out[name] = edited[name] ?? undefined;
  return normalize(out as FileRecord);
}

/** As the API would return it, with the id and label lists in a fixed order (they are sets). */
function normalize(record: FileRecord): FileRecord {
  const r = omitEmpty(record) as Record<string, unknown>;
  for (const name of EDITABLE_FIELD_NAMES) {
    const value = r[name];
    if (!Array.isArray(value)) continue;
    if (updateShapeOf(name) === 'idSet') r[name] = [...(value as number[])].sort((a, b) => a - b);
    if (updateShapeOf(name) === 'labels')
      r[name] = [...(value as { externalId: string }[])].sort((a, b) => (a.externalId < b.externalId ? -1 : 1));
  }
  return r as FileRecord;
}

/**
 * Scalars are set/setNull; collections are always add/remove of exactly what differs (never set, so
 * a concurrent change to other elements survives), never with an empty part.
 */
function assertPatchForm(base: FileRecord, edited: FileDocument, update: FileChangeUpdate): void {
  for (const [name, patch] of Object.entries(update) as [keyof FileChangeUpdate, Record<string, unknown>][]) {
    assert.ok(Object.keys(patch).length > 0, `${name}: empty patch`);
    if (updateShapeOf(name) === 'scalar') {
      assert.ok('set' in patch || patch.setNull === true, `${name}: ${JSON.stringify(patch)}`);
      continue;
    }
    assert.ok(!('set' in patch), `${name}: a collection sent as set: ${JSON.stringify(patch)}`);
    if ('add' in patch) assert.ok(Object.keys(patch.add as object).length > 0, `${name}: empty add`);
    if ('remove' in patch) assert.ok((patch.remove as unknown[]).length > 0, `${name}: empty remove`);
    const empty = updateShapeOf(name) === 'metadata' ? {} : [];
    assert.deepStrictEqual(patch, addRemoveOf(base[name] ?? empty, edited[name] ?? empty), name);
  }
}

/** The add/remove form, computed independently of diff(). */
function addRemoveOf(before: unknown, after: unknown): object {
  if (!Array.isArray(before) || !Array.isArray(after)) {
    const b = before as Record<string, string>;
    const a = after as Record<string, string>;
    const add = Object.fromEntries(Object.entries(a).filter(([k, v]) => !Object.hasOwn(b, k) || b[k] !== v));
    const remove = Object.keys(b).filter((k) => !Object.hasOwn(a, k));
    return { ...(Object.keys(add).length ? { add } : {}), ...(remove.length ? { remove } : {}) };
  }
  const key = (x: unknown) => JSON.stringify(x);
  const b = new Set(before.map(key));
  const a = new Set(after.map(key));
  const add = after.filter((x) => !b.has(key(x)));
  const remove = before.filter((x) => !a.has(key(x)));
  return { ...(add.length ? { add } : {}), ...(remove.length ? { remove } : {}) };
}

describe('diff engine (property tests, fast-check)', function () {
  this.timeout(60_000);

  it('generates records the model accepts and documents validation accepts', () => {
    fc.assert(
      fc.property(caseArb, ({ base, edited }) => {
        assert.ok(fileRecord.safeParse(base).success, 'generated record is invalid');
        assert.deepEqual(validateDocument(base, edited), []);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it('apply(base, diff(base, edited)) is the edited record, and every update is valid, collections as add/remove', () => {
    fc.assert(
      fc.property(caseArb, ({ base, edited }) => {
        const update = diff(base, edited);
        assert.deepStrictEqual(normalize(applyUpdate(base, update ?? {})), expectedRecord(base, edited));
        if (update === undefined) return;
        assert.ok(Object.keys(update).length > 0);
        const item = diffToUpdateItem(base, edited);
        assert.deepStrictEqual(item, { id: base.id, update });
        const parsed = fileUpdateItem.safeParse(item);
        assert.ok(parsed.success, JSON.stringify(parsed.error?.issues));
        if (base.instanceId)
          assert.ok(dmsFileChange.safeParse(update).success, 'linked file: field outside DMSFileChange');
        assertPatchForm(base, edited, update);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it('diff(x, documentFromRecord(x)) is nothing, and so is saving the rendered text unchanged', () => {
    fc.assert(
      fc.property(recordArb, (record) => {
        assert.equal(diff(record, documentFromRecord(record)), undefined);
        const plan = planSave(record, renderDocument(record));
        assert.ok(plan.ok, JSON.stringify(!plan.ok && plan.problems));
        assert.equal(plan.update, undefined);
        assert.equal(plan.item, undefined);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it('planSave of an edited text gives the same update as diff, and rendering the result then saving it round-trips', () => {
    fc.assert(
      fc.property(caseArb, ({ base, edited }) => {
        const plan = planSave(base, JSON.stringify(edited, null, 2));
        assert.ok(plan.ok, JSON.stringify(!plan.ok && plan.problems));
        assert.deepStrictEqual(plan.update, diff(base, edited));
        // The saved record, rendered and saved over the base, is the same change.
        const saved = applyUpdate(base, plan.update ?? {});
        const again = planSave(base, renderDocument(saved));
        assert.ok(again.ok, JSON.stringify(!again.ok && again.problems));
        assert.deepStrictEqual(normalize(applyUpdate(base, again.update ?? {})), normalize(saved));
        // ... and once saved, the document of the new record has nothing more to send.
        assert.equal(diff(saved, documentFromRecord(saved)), undefined);
      }),
      { seed: SEED, numRuns: RUNS / 2 },
    );
  });
});
