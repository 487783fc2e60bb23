// Undo of an ordered list (a CogniteFile's aliases, assets): the first member is the preferred one,
// so undo puts a removed member back in its place, not at the end; a colleague's later write is kept.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { orderedTextListKind as kind } from '../../../../src/core/fields';

describe('ordered list: undo restores the order', () => {
  it('nobody wrote since the action: the list before the action, exactly', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.string({ minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 6 }),
        fc.nat(),
        (pre, n) => {
          const post = pre.filter((_, i) => i !== n % pre.length);
          const restored = kind.restore('aliases', pre, post, post);
          assert.deepEqual(restored.value, pre);
          assert.equal(restored.found, true);
          assert.deepEqual(restored.conflicts, []);
        },
      ),
    );
  });

  it('someone added a member since: theirs stays, the removed first member is first again', () => {
    const restored = kind.restore('aliases', ['a', 'b', 'c'], ['b', 'c'], ['b', 'c', 'theirs']);
    assert.deepEqual(restored.value, ['a', 'b', 'c', 'theirs']);
    assert.deepEqual(restored.conflicts, []);
  });

  it('someone reordered since: their order is kept and reported', () => {
    const restored = kind.restore('aliases', ['a', 'b', 'c'], ['b', 'c'], ['c', 'b']);
    assert.deepEqual(restored.value, ['c', 'b', 'a']);
    assert.deepEqual(
      restored.conflicts.map((c) => c.where),
      ['aliases (order)'],
    );
  });

  it('an action that never applied (the list is as before): nothing to restore', () => {
    const restored = kind.restore('aliases', ['a', 'b'], ['b'], ['a', 'b']);
    assert.equal(restored.found, false);
    assert.deepEqual(restored.value, ['a', 'b']);
  });
});
