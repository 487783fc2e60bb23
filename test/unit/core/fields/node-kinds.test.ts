// The field kinds of data modeling properties: ISO timestamps equal by instant, direct relations by
// space and externalId, and text and relation lists taken as sets; each reads what a person types.
import assert from 'node:assert/strict';
import { directRelationKind, directRelationListKind, textListKind, timestampKind } from '../../../../src/core/fields';

const rel = (space: string, externalId: string) => ({ space, externalId });

describe('data modeling field kinds', () => {
  it('timestamp: the same instant in another spelling is no change; another instant is a set', () => {
    assert.equal(timestampKind.diff('2024-05-01T12:00:00.000+00:00', '2024-05-01T14:00:00+02:00'), undefined);
    assert.ok(timestampKind.same('2024-05-01T12:00:00.000+00:00', '2024-05-01T12:00:00Z'));
    assert.deepEqual(timestampKind.diff('2024-05-01T12:00:00Z', '2024-05-01T12:00:01Z'), {
      set: '2024-05-01T12:00:01Z',
    });
    assert.deepEqual(timestampKind.diff('2024-05-01T12:00:00Z', null), { setNull: true });
    assert.equal(timestampKind.diff(null, undefined), undefined);
  });

  it('timestamp: reads ISO text, a date, or epoch milliseconds; refuses anything else in words', () => {
    assert.deepEqual(timestampKind.parseInput(' 2024-05-01T12:00:00+02:00 ', 'x'), {
      ok: true,
      value: '2024-05-01T12:00:00+02:00',
    });
    assert.deepEqual(timestampKind.parseInput('2024-05-01', 'x'), {
      ok: true,
      value: '2024-05-01T00:00:00.000+00:00',
    });
    assert.deepEqual(timestampKind.parseInput('0', 'x'), { ok: true, value: '1970-01-01T00:00:00.000Z' });
    const bad = timestampKind.parseInput('yesterday', 'x');
    assert.equal(bad.ok, false);
    assert.match((bad as { message: string }).message, /ISO 8601/);
  });

  it('direct relation: equal by content, typed as space:externalId or JSON, shown with a name', () => {
    assert.equal(directRelationKind.diff(rel('a', 'x'), { externalId: 'x', space: 'a' }), undefined);
    assert.deepEqual(directRelationKind.diff(rel('a', 'x'), rel('a', 'y')), { set: rel('a', 'y') });
    assert.deepEqual(directRelationKind.parseInput('plant-a:P-101:left', 'category'), {
      ok: true,
      value: rel('plant-a', 'P-101:left'),
    });
    assert.deepEqual(directRelationKind.parseInput('{"space":"s","externalId":"e"}', 'c'), {
      ok: true,
      value: rel('s', 'e'),
    });
    assert.equal(directRelationKind.parseInput('no-colon', 'category').ok, false);
    assert.equal(directRelationKind.parseInput('9bad:x', 'category').ok, false);
    const [line] = directRelationKind.describe('category', null, rel('a', 'x'), (k) =>
      k === 'a:x' ? 'Datasheets' : undefined,
    );
    assert.equal(line, 'category: (unset) → a:x (Datasheets)');
  });

  it('relation list: ordered, by space:externalId, patched by add/remove (and order), each node once', () => {
    const before = [rel('a', '1'), rel('a', '2')];
    const after = [rel('a', '2'), rel('b', '1')];
    const patch = directRelationListKind.diff(before, after)!;
    assert.deepEqual(patch, { add: [rel('b', '1')], remove: [rel('a', '1')] });
    assert.deepEqual(directRelationListKind.apply([rel('a', '1'), rel('c', '9')], patch), [
      rel('c', '9'),
      rel('b', '1'),
    ]);
    // The order of a node's assets is kept and sent (the API stores the list as given): a reorder is a change.
    assert.ok(!directRelationListKind.same(before, [...before].reverse()));
    assert.deepEqual(directRelationListKind.diff(before, [...before].reverse()), { order: [...before].reverse() });
    // Applied to a newer copy, a reorder keeps what someone else added and removed meanwhile.
    const newer = [rel('a', '1'), rel('z', '9')];
    const reorder = directRelationListKind.diff(before, [...before].reverse())!;
    assert.deepEqual(directRelationListKind.apply(newer, reorder), [rel('a', '1'), rel('z', '9')]);
    const both = [rel('a', '2'), rel('z', '9'), rel('a', '1')];
    assert.deepEqual(directRelationListKind.apply(both, reorder), [rel('a', '2'), rel('a', '1'), rel('z', '9')]);
    assert.equal(directRelationListKind.members?.key({ space: 'a', externalId: '1', extra: 1 }), 'a:1');
    assert.deepEqual(directRelationListKind.parseInput('a:1, b:2', 'assets'), {
      ok: true,
      value: [rel('a', '1'), rel('b', '2')],
    });
    assert.equal(directRelationListKind.parseInput('a:1, 2', 'assets').ok, false);
  });

  it('text list: a set of strings; two sides adding different tags both keep theirs', () => {
    const merged = textListKind.merge(['pump'], ['pump', 'mine'], ['pump', 'theirs'], 'theirs');
    assert.deepEqual(merged, { value: ['pump', 'theirs', 'mine'], conflicts: [] });
    assert.deepEqual(textListKind.diff(['a', 'b'], ['b', 'c']), { add: ['c'], remove: ['a'] });
    assert.deepEqual(textListKind.parseInput('rev b, pump', 'tags'), { ok: true, value: ['rev b', 'pump'] });
    assert.equal(textListKind.members?.check(3) !== undefined, true);
    assert.equal(textListKind.members?.check('x'.repeat(128_001)) !== undefined, true);
  });
});
