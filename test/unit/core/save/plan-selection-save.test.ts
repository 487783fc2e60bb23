import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { FileRecord } from '../../../../src/cdf/model';
import { documentFromRecord } from '../../../../src/core/records';
import { planSelectionSave } from '../../helpers/classic-save';
import { fileRecord } from '../bulk/fixtures';

// Three files that differ only by id and editable fields: same name, same times (one upload batch),
// so that nothing but the id and its place tells one element from another.
const records: FileRecord[] = [
  fileRecord({ id: 11, source: 'A', metadata: { tag: 'a' } }),
  fileRecord({ id: 22, source: 'B', metadata: { tag: 'b' } }),
  fileRecord({ id: 33, source: 'C', metadata: { tag: 'c' } }),
];
const bases = () => new Map(records.map((r) => [r.id, r]));
const docs = () => records.map((r) => documentFromRecord(r) as Record<string, unknown>);
const text = (elements: Record<string, unknown>[]) => JSON.stringify(elements, null, 2) + '\n';

/** The text at a problem's range: proves the problem sits on the exact field, not just the element. */
const at = (source: string, p: { offset?: number; length?: number }) =>
  source.slice(p.offset ?? -1, (p.offset ?? 0) + (p.length ?? 0));

describe('Edit Selection as JSON: an element is its file only where it was opened', () => {
  it('refuses two elements whose ids were swapped, at both ids, and plans no update', () => {
    const elements = docs();
    elements[0]!.id = 22;
    elements[1]!.id = 11;
    const source = text(elements);
    const plan = planSelectionSave(bases(), source);
    assert.equal(plan.ok, false);
    assert.deepEqual(plan.changes, []);
    assert.deepEqual(
      plan.problems.map((p) => [p.path, at(source, p)]),
      [
        [[0, 'id'], '22'],
        [[1, 'id'], '11'],
      ],
    );
    assert.match(plan.problems[0]!.message, /File 22 was opened after file 11/);
    assert.equal(plan.problems[0]!.line, 3);
  });

  it('refuses swapped ids on files that differ in their read-only fields too, at the ids', () => {
    const two = [fileRecord({ id: 1, name: 'one.pdf', createdTime: 5 }), fileRecord({ id: 2, name: 'two.pdf' })];
    const elements = two.map((r) => documentFromRecord(r) as Record<string, unknown>);
    elements[0]!.id = 2;
    elements[1]!.id = 1;
    const plan = planSelectionSave(new Map(two.map((r) => [r.id, r])), text(elements));
    assert.deepEqual(plan.changes, []);
    const paths = plan.problems.map((p) => JSON.stringify(p.path));
    for (const expected of ['[0,"id"]', '[1,"id"]', '[0,"name"]', '[0,"createdTime"]', '[1,"name"]'])
      assert.ok(paths.includes(expected), `${expected} in ${paths.join(' ')}`);
  });

  it('refuses an element moved to another place, even unedited', () => {
    const [a, b, c] = docs();
    const plan = planSelectionSave(bases(), text([b!, c!, { ...a!, source: 'edited' }]));
    assert.equal(plan.ok, false);
    assert.deepEqual(plan.changes, []);
    assert.deepEqual(
      plan.problems.map((p) => p.path),
      [
        [0, 'id'],
        [1, 'id'],
        [2, 'id'],
      ],
    );
  });

  it('refuses an id edited to another file of the selection at both elements, and an unknown id at its own', () => {
    const duplicated = docs();
    duplicated[2]!.id = 11;
    const plan = planSelectionSave(bases(), text(duplicated));
    assert.deepEqual(plan.changes, []);
    assert.deepEqual(
      plan.problems.map((p) => p.path),
      [
        [0, 'id'],
        [2, 'id'],
      ],
    );
    assert.match(plan.problems[0]!.message, /File 11 appears 2 times/);

    const unknown = docs();
    unknown[1]!.id = 99;
    unknown[1]!.source = 'mine';
    const refused = planSelectionSave(bases(), text(unknown));
    assert.deepEqual(refused.changes, []);
    assert.deepEqual(
      refused.problems.map((p) => p.path),
      [[1, 'id']],
    );
  });

  it('refuses a changed read-only field at that field', () => {
    for (const field of ['createdTime', 'lastUpdatedTime', 'uploadedTime', 'uploaded', 'name', 'instanceId']) {
      const elements = docs();
      elements[1]![field] =
        field === 'uploaded'
          ? false
          : field === 'name'
            ? 'other.pdf'
            : field === 'instanceId'
              ? { space: 's', externalId: 'x' }
              : 7;
      elements[0]!.source = 'changed';
      const source = text(elements);
      const plan = planSelectionSave(bases(), source);
      assert.deepEqual(plan.changes, [], field);
      assert.deepEqual(
        plan.problems.map((p) => p.path),
        [[1, field]],
        field,
      );
    }
  });

  it('refuses an element that lost any read-only field its file has, at the element, without naming values', () => {
    const required = ['name', 'uploaded', 'createdTime', 'lastUpdatedTime']; // the fixture has no uploadedTime
    for (const field of required) {
      const elements = docs();
      delete elements[1]![field];
      elements[0]!.source = 'changed';
      const source = text(elements);
      const plan = planSelectionSave(bases(), source);
      assert.deepEqual(plan.changes, [], field);
      assert.deepEqual(
        plan.problems.map((p) => p.path),
        [[1]],
        field,
      );
      assert.ok(at(source, plan.problems[0]!).startsWith('{'), 'marked on the whole element');
      assert.match(plan.problems[0]!.message, new RegExp(`lost its read-only field ${field}\\b.*put back`));
      // The hint gives no values: they would be those of whichever file the id names now.
      assert.doesNotMatch(plan.problems[0]!.message, /\d{6,}/, field);
    }
    // A field the file does not have (no instanceId) is not required.
    assert.ok(planSelectionSave(bases(), text(docs().map(({ instanceId: _, ...d }) => d))).ok);
  });

  it('refuses an element whose id was changed to that of a removed element once its read-only fields are gone', () => {
    const [a, , c] = docs();
    const claimed: Record<string, unknown> = { ...a!, id: 22 };
    for (const field of ['name', 'uploaded', 'uploadedTime', 'createdTime', 'lastUpdatedTime']) delete claimed[field];
    const plan = planSelectionSave(bases(), text([claimed, c!]));
    assert.equal(plan.ok, false);
    assert.deepEqual(plan.changes, []);
  });

  it('accepts elements removed, in the order they were opened, and plans each against its own base', () => {
    // Files told apart by a read-only field (the name): with twins, an edit next to a removed twin is
    // ambiguous and refused (the next test).
    const named = records.map((r, i) => ({ ...r, name: `file-${i}.pdf` }));
    const [a, , c] = named.map((r) => documentFromRecord(r) as Record<string, unknown>);
    const plan = planSelectionSave(
      new Map(named.map((r) => [r.id, r])),
      text([
        { ...a!, source: 'A2' },
        { ...c!, source: 'C2' },
      ]),
    );
    assert.ok(plan.ok, JSON.stringify(plan.problems));
    assert.deepEqual(
      plan.changes.map((x) => [x.base.id, x.update]),
      [
        [11, { source: { set: 'A2' } }],
        [33, { source: { set: 'C2' } }],
      ],
    );
  });

  it('refuses an edit next to a removed twin at its id: it could be either file', () => {
    const [a, , c] = docs();
    const source = text([a!, { ...c!, source: 'C2' }]);
    const plan = planSelectionSave(bases(), source);
    assert.equal(plan.ok, false);
    assert.deepEqual(plan.changes, []);
    assert.deepEqual(
      plan.problems.map((p) => [p.path, at(source, p)]),
      [[[1, 'id'], '33']],
    );
    assert.match(plan.problems[0]!.message, /Files 33 and 22 are alike in every read-only field but the id/);
    // With every twin's element there, the places tell them apart: the same edit is planned.
    assert.ok(planSelectionSave(bases(), text([a!, docs()[1]!, { ...c!, source: 'C2' }])).ok);
  });

  it('property: any arrangement other than the opened order minus some elements is refused, with nothing planned', () => {
    const many = Array.from({ length: 6 }, (_, i) => fileRecord({ id: i + 1, source: `s${i}` }));
    const manyBases = new Map(many.map((r) => [r.id, r]));
    fc.assert(
      fc.property(fc.shuffledSubarray([0, 1, 2, 3, 4, 5]), fc.integer({ min: 0, max: 5 }), (order, edited) => {
        const elements = order.map((i) => documentFromRecord(many[i]!) as Record<string, unknown>);
        if (elements[edited]) elements[edited].source = 'edited';
        const plan = planSelectionSave(manyBases, text(elements));
        const inOrder = order.every((v, i) => i === 0 || order[i - 1]! < v);
        // All six are twins: an edit with any element removed could belong to a removed twin.
        const ambiguous = inOrder && order.length < 6 && elements[edited] !== undefined;
        assert.equal(plan.ok, inOrder && !ambiguous, JSON.stringify(order));
        if (ambiguous) {
          assert.deepEqual(plan.changes, []);
          assert.deepEqual(
            plan.problems.map((p) => p.path),
            [[edited, 'id']],
          );
        } else if (inOrder) {
          for (const change of plan.changes) assert.equal(change.base.id, elements[edited]!.id);
        } else {
          assert.deepEqual(plan.changes, []);
          // Every element out of its place is named, and only at its id.
          for (const p of plan.problems) assert.equal(p.path[1], 'id');
        }
      }),
      { numRuns: 300 },
    );
  });
});
