// A record kind is a table of fields, each of a field kind: the classic file's table covers every
// updatable field, and a second table works with the same diff, apply and merge, unchanged.
import assert from 'node:assert/strict';
import { EDITABLE_FIELDS, EDITABLE_FIELD_NAMES } from '../../../../src/cdf/model';
import { applyRecord } from '../../../../src/core/apply';
import { diffRecord } from '../../../../src/core/diff';
import { FIELD_KINDS } from '../../../../src/core/fields/registry';
import { CLASSIC_FILE_FIELDS, type FieldTable } from '../../../../src/core/fields/record-kind';
import { mergeRecordsOf } from '../../../../src/core/merge';

interface Node {
  space: string;
  externalId: string;
  title?: string;
  tags?: { externalId: string }[];
  properties?: Record<string, string>;
}

/** A made-up second kind of record: nothing of the pipeline changes for it, only this table. */
const NODE: FieldTable = {
  fields: [
    { name: 'title', kind: FIELD_KINDS.text },
    { name: 'tags', kind: FIELD_KINDS.labels },
    { name: 'properties', kind: FIELD_KINDS.keyValueMap },
  ],
};

describe('record kinds', () => {
  it('the classic file: every updatable field once, with the kind its table names', () => {
    assert.deepEqual(
      CLASSIC_FILE_FIELDS.fields.map((f) => f.name),
      EDITABLE_FIELD_NAMES,
    );
    for (const field of CLASSIC_FILE_FIELDS.fields)
      assert.equal(field.kind, FIELD_KINDS[EDITABLE_FIELDS[field.name].kind]);
    assert.equal(CLASSIC_FILE_FIELDS.fields.find((f) => f.name === 'dataSetId')?.references, 'dataSets');
  });

  it('a second table diffs, applies and merges through the same code', () => {
    const base: Node = { space: 's', externalId: 'n', title: 'A', properties: { a: '1' } };
    const mine: Node = { ...base, title: 'B', properties: { a: '1', b: '2' } };
    const update = diffRecord(NODE, base, mine);
    assert.deepEqual(update, { title: { set: 'B' }, properties: { add: { b: '2' } } });
    assert.deepEqual(applyRecord(NODE, base, update), mine);
    const theirs: Node = { ...base, tags: [{ externalId: 'x' }], properties: { a: '9' } };
    const { merged, conflicts } = mergeRecordsOf(NODE, base, mine, theirs, 'theirs');
    assert.deepEqual(conflicts, []);
    assert.deepEqual(merged, { ...base, title: 'B', tags: [{ externalId: 'x' }], properties: { a: '9', b: '2' } });
  });
});
