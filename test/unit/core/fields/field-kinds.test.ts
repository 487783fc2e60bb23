// Each field kind on examples: equality, diff, apply, merge, undo restore, description, typed input.
import assert from 'node:assert/strict';
import { FIELD_KINDS } from '../../../../src/core/fields/registry';

const { text, time, id, geometry, idSet, labels, keyValueMap } = FIELD_KINDS;
const L = (...ids: string[]) => ids.map((externalId) => ({ externalId }));
const noNames = () => undefined;

describe('field kinds, examples', () => {
  describe('text', () => {
    it('is the same when equal, unset, null and missing alike; "" is a value', () => {
      assert.ok(text.same('a', 'a') && text.same(undefined, null));
      assert.ok(!text.same('', undefined));
    });
    it('diffs to set or setNull, applies them', () => {
      assert.deepEqual(text.diff('a', 'b'), { set: 'b' });
      assert.deepEqual(text.diff('a', null), { setNull: true });
      assert.equal(text.diff('a', 'a'), undefined);
      assert.equal(text.apply('a', { set: 'b' }), 'b');
      assert.equal(text.apply('a', { setNull: true }), undefined);
    });
    it('merges: a conflict when both changed it differently, resolved by the preferred side', () => {
      const t = text.merge('A', 'mine', 'theirs', 'theirs');
      assert.deepEqual(t, { value: 'theirs', conflicts: [{ base: 'A', mine: 'mine', theirs: 'theirs' }] });
      assert.equal(text.merge('A', 'mine', 'theirs', 'mine').value, 'mine');
      assert.deepEqual(text.merge('A', 'mine', 'A', 'theirs'), { value: 'mine', conflicts: [] });
    });
    it('restores what the action set, and reports a colleague value instead of overwriting it', () => {
      assert.deepEqual(text.restore('source', 'A', 'B', 'B'), { value: 'A', conflicts: [], found: true });
      assert.deepEqual(text.restore('source', 'A', 'B', 'C'), {
        value: 'C',
        conflicts: [{ where: 'source', before: 'A', afterAction: 'B', now: 'C' }],
        found: false,
      });
    });
    it('describes a change and reads typed text as is', () => {
      assert.deepEqual(text.describe('source', 'A', undefined, noNames), ['source: "A" → (unset)']);
      assert.deepEqual(text.parseInput(' a b ', 'source'), { ok: true, value: ' a b ' });
    });
  });

  describe('time', () => {
    it('shows the date beside the milliseconds and reads either', () => {
      assert.deepEqual(time.describe('sourceCreatedTime', undefined, 0, noNames), [
        'sourceCreatedTime: (unset) → 0 (1970-01-01T00:00:00.000Z)',
      ]);
      assert.deepEqual(time.parseInput('2024-05-01T00:00:00Z', 'sourceCreatedTime'), {
        ok: true,
        value: 1714521600000,
      });
      assert.deepEqual(time.parseInput(' 5 ', 'sourceCreatedTime'), { ok: true, value: 5 });
      assert.equal(time.parseInput('yesterday', 'sourceCreatedTime').ok, false);
    });
  });

  describe('id', () => {
    it('shows the name of what it refers to and reads a whole number', () => {
      assert.deepEqual(
        id.describe('dataSetId', 1, 2, (k) => (k === 2 ? 'Plant B' : undefined)),
        ['dataSetId: 1 → 2 (Plant B)'],
      );
      assert.deepEqual(id.parseInput(' 42 ', 'dataSetId'), { ok: true, value: 42 });
      assert.equal(id.parseInput('4.2', 'dataSetId').ok, false);
      assert.equal(id.parseInput('0', 'dataSetId').ok, false);
    });
  });

  describe('geometry', () => {
    const a = { type: 'Feature', geometry: { type: 'Point', coordinates: [1, 2] } };
    it('is the same whatever the key order, and is sent whole', () => {
      assert.ok(geometry.same(a, { geometry: { coordinates: [1, 2], type: 'Point' }, type: 'Feature' }));
      const moved = { ...a, geometry: { type: 'Point', coordinates: [3, 4] } };
      assert.deepEqual(geometry.diff(a, moved), { set: moved });
      assert.equal(geometry.parseInput('{', 'geoLocation').ok, false);
    });
  });

  describe('idSet', () => {
    it('ignores order and repeats, diffs to add/remove even when emptied', () => {
      assert.ok(idSet.same([1, 2], [2, 1, 2]) && idSet.same([], undefined));
      assert.deepEqual(idSet.diff([1, 2], [2, 3]), { add: [3], remove: [1] });
      assert.deepEqual(idSet.diff([1, 2], null), { remove: [1, 2] });
      assert.deepEqual(idSet.apply([1, 2], { add: [3, 2], remove: [1] }), [2, 3]);
      assert.deepEqual(idSet.apply([1], { set: [5, 5, 6] }), [5, 6]);
    });
    it('merges per member and never conflicts', () => {
      assert.deepEqual(idSet.merge([1, 2], [2, 3], [1, 2, 4], 'theirs'), { value: [2, 4, 3], conflicts: [] });
    });
    it('restores only members still as the action left them', () => {
      assert.deepEqual(idSet.restore('assetIds', [1], [1, 2], [1, 2, 9]), {
        value: [1, 9],
        conflicts: [],
        found: true,
      });
      assert.deepEqual(idSet.restore('assetIds', [1], [1, 2], [1, 9]), { value: [1, 9], conflicts: [], found: false });
    });
    it('names members and reads lists', () => {
      assert.deepEqual(
        idSet.describe('assetIds', [1], [2], (k) => (k === 2 ? 'Pump' : undefined)),
        ['assetIds: + 2 (Pump), - 1'],
      );
      assert.deepEqual(idSet.parseInput('1, 2 3', 'assetIds'), { ok: true, value: [1, 2, 3] });
      assert.deepEqual(idSet.parseInput('[4]', 'assetIds'), { ok: true, value: [4] });
      assert.equal(idSet.parseInput('1, x', 'assetIds').ok, false);
    });
  });

  describe('labels', () => {
    it('is a set by external id, written as {externalId}', () => {
      assert.ok(labels.same(L('a', 'b'), L('b', 'a')));
      assert.deepEqual(labels.diff(L('a', 'b'), L('b', 'c')), { add: L('c'), remove: L('a') });
      assert.deepEqual(labels.apply(L('a'), { add: L('a', 'b') }), L('a', 'b'));
      assert.deepEqual(labels.merge(L('a'), L('a', 'm'), L('t'), 'theirs'), { value: L('t', 'm'), conflicts: [] });
    });
    it('describes with label names and reads a comma list that may hold spaces', () => {
      assert.deepEqual(
        labels.describe('labels', L('old'), L('pump'), (k) => (k === 'pump' ? 'Pump' : undefined)),
        ['labels: + pump (Pump), - old'],
      );
      assert.deepEqual(labels.parseInput('big pump, valve', 'labels'), { ok: true, value: L('big pump', 'valve') });
      assert.deepEqual(labels.parseInput('["a", {"externalId": "b"}]', 'labels'), { ok: true, value: L('a', 'b') });
    });
  });

  describe('keyValueMap', () => {
    it('diffs per key to add/remove, applies remove then add', () => {
      assert.deepEqual(keyValueMap.diff({ a: '1', b: '2' }, { a: '9', c: '3' }), {
        add: { a: '9', c: '3' },
        remove: ['b'],
      });
      assert.deepEqual(keyValueMap.diff({ a: '1' }, {}), { remove: ['a'] });
      assert.deepEqual(keyValueMap.apply({ a: '1' }, { remove: ['a'], add: { b: '2' } }), { b: '2' });
    });
    it('keeps "__proto__" and "toString" as data', () => {
      const proto = JSON.parse('{"__proto__": "x"}') as Record<string, string>;
      const applied = keyValueMap.apply({}, { add: proto }) as Record<string, string>;
      assert.ok(Object.hasOwn(applied, '__proto__') && Object.getPrototypeOf(applied) === Object.prototype);
      assert.equal(keyValueMap.same({}, { toString: 'x' }), false);
      assert.deepEqual(keyValueMap.diff({}, proto), { add: proto });
    });
    it('merges per key: a conflict only on the same key', () => {
      const r = keyValueMap.merge({ rev: 'A' }, { rev: 'B' }, { rev: 'C', area: '1' }, 'mine');
      assert.deepEqual(r, {
        value: { rev: 'B', area: '1' },
        conflicts: [{ key: 'rev', base: 'A', mine: 'B', theirs: 'C' }],
      });
    });
    it('restores per key and reports the key a colleague changed', () => {
      const r = keyValueMap.restore('metadata', { a: '1', b: '1' }, { a: '2', b: '2' }, { a: '2', b: 'x' });
      assert.deepEqual(r, {
        value: { a: '1', b: 'x' },
        conflicts: [{ where: 'metadata.b', before: '1', afterAction: '2', now: 'x' }],
        found: true,
      });
    });
    it('describes one line per key, sorted', () => {
      assert.deepEqual(keyValueMap.describe('metadata', { b: '1', c: '1' }, { a: '1', b: '2' }, noNames), [
        'metadata.a: + "1"',
        'metadata.b: "1" → "2"',
        'metadata.c: - "1"',
      ]);
    });
  });
});
