// Properties every field kind keeps, for every field of the classic file, with values within the
// model's limits (prototype-named metadata keys included).
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { EDITABLE_FIELD_NAMES, updateShapeOf, type EditableFieldName } from '../../../../src/cdf/model';
import { sameValue } from '../../../../src/core/fields/equality';
import type { ElementChanges, FieldKind } from '../../../../src/core/fields/kind';
import { kindOf } from '../../../../src/core/fields/registry';
import { FIELD_ARBS } from '../arbitraries';

/** A field's value, or unset (`undefined`, `null` or empty: all mean "none"). */
const valueArb = (name: EditableFieldName): fc.Arbitrary<unknown> =>
  fc.oneof({ weight: 4, arbitrary: FIELD_ARBS[name] as fc.Arbitrary<unknown> }, fc.constantFrom(undefined, null));

/** The elements that differ from `base` to `other`, only those whose position `keep` accepts. */
function changesOf(kind: FieldKind, base: unknown, other: unknown, keep: (i: number) => boolean): ElementChanges {
  const [b, o] = [kind.elements(base), kind.elements(other)];
  const keys = [...new Set([...b.keys(), ...o.keys()])].filter((k, i) => keep(i) && !sameValue(b.get(k), o.get(k)));
  return new Map(keys.map((k) => [k, o.get(k)]));
}

const threeValues = (name: EditableFieldName) => fc.tuple(valueArb(name), valueArb(name), valueArb(name));

describe('field kinds, properties, for every field of the classic file', function () {
  this.timeout(60_000);

  for (const name of EDITABLE_FIELD_NAMES) {
    const kind = kindOf(name);
    describe(`${name} (${kind.name})`, () => {
      it('apply(before, diff(before, after)) is after, exactly as rebase predicts; no diff when the same', () => {
        fc.assert(
          fc.property(valueArb(name), valueArb(name), (before, after) => {
            const patch = kind.diff(before, after);
            assert.equal(patch === undefined, kind.same(before, after));
            const applied = patch === undefined ? before : kind.apply(before, patch);
            assert.ok(kind.same(applied, after), 'the patch makes the value');
            if (patch !== undefined) assert.deepStrictEqual(applied, kind.rebase(before, after));
            if (patch !== undefined && updateShapeOf(name) !== 'scalar') assert.ok(!('set' in patch), 'add/remove');
          }),
        );
      });

      it('equality is an equivalence that ignores none-vs-empty and member order', () => {
        fc.assert(
          fc.property(valueArb(name), valueArb(name), (a, b) => {
            assert.ok(kind.same(a, a));
            assert.equal(kind.same(a, b), kind.same(b, a));
            assert.ok(kind.same(a, kind.withChanges(undefined, kind.elements(a))), 'rebuilt from its elements');
            if (Array.isArray(a)) assert.ok(kind.same(a, [...a].reverse()), 'order does not matter');
          }),
        );
        assert.ok(kind.same(undefined, null));
        if (kind.collection) assert.ok(kind.same(undefined, kind.withChanges(undefined, new Map())));
      });

      it('merge keeps both sides of disjoint edits, with no conflict', () => {
        fc.assert(
          fc.property(threeValues(name), fc.func(fc.boolean()), ([base, a, b], mineOwns) => {
            const own = (i: number) => mineOwns(i);
            const mineChanges = changesOf(kind, base, a, own);
            const theirChanges = changesOf(kind, base, b, (i) => !own(i));
            for (const key of mineChanges.keys()) theirChanges.delete(key);
            const mine = kind.withChanges(base, mineChanges);
            const theirs = kind.withChanges(base, theirChanges);
            const both = kind.withChanges(theirs, mineChanges);
            for (const prefer of ['mine', 'theirs'] as const) {
              const merged = kind.merge(base, mine, theirs, prefer);
              assert.deepEqual(merged.conflicts, []);
              assert.ok(kind.same(merged.value, both), `${JSON.stringify(merged.value)} vs ${JSON.stringify(both)}`);
            }
          }),
        );
      });

      it('merge: an untouched side takes the other; the same edit on both sides is no conflict', () => {
        fc.assert(
          fc.property(valueArb(name), valueArb(name), (base, edit) => {
            assert.ok(kind.same(kind.merge(base, edit, base, 'theirs').value, edit));
            assert.ok(kind.same(kind.merge(base, base, edit, 'mine').value, edit));
            const same = kind.merge(base, edit, edit, 'theirs');
            assert.deepEqual(same.conflicts, []);
            assert.ok(kind.same(same.value, edit));
          }),
        );
      });

      it('restore undoes an action still in place, leaves a value already back, and keeps a colleague edit', () => {
        fc.assert(
          fc.property(threeValues(name), ([pre, post, other]) => {
            const undone = kind.restore(name, pre, post, post);
            assert.ok(kind.same(undone.value, pre));
            assert.equal(undone.found, !kind.same(pre, post));
            assert.deepEqual(undone.conflicts, []);
            const back = kind.restore(name, pre, post, pre);
            assert.ok(kind.same(back.value, pre) && !back.found);
            // A colleague changed only elements the action did not touch: those survive the undo.
            const touched = changesOf(kind, pre, post, () => true);
            const theirs = changesOf(kind, post, other, () => true);
            for (const key of touched.keys()) theirs.delete(key);
            const now = kind.withChanges(post, theirs);
            const kept = kind.restore(name, pre, post, now);
            assert.deepEqual(kept.conflicts, []);
            assert.ok(kind.same(kept.value, kind.withChanges(pre, theirs)));
          }),
        );
      });

      it('restore leaves an element a colleague changed after the action, and reports it', () => {
        fc.assert(
          fc.property(threeValues(name), ([pre, post, other]) => {
            const [was, became, is] = [kind.elements(pre), kind.elements(post), kind.elements(other)] as const;
            // Elements the action changed that the colleague then set to a third value.
            const clash = new Map(
              [...changesOf(kind, pre, post, () => true).keys()]
                .filter((k) => !sameValue(is.get(k), was.get(k)) && !sameValue(is.get(k), became.get(k)))
                .map((k) => [k, is.get(k)]),
            );
            const now = kind.withChanges(post, clash);
            const undone = kind.restore(name, pre, post, now);
            assert.equal(undone.conflicts.length, clash.size);
            const left = kind.elements(undone.value);
            for (const [k, v] of clash)
              assert.ok(sameValue(left.get(k), v), `${String(k)} kept as the colleague left it`);
          }),
        );
      });
    });
  }
});
