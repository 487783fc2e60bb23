import assert from 'node:assert/strict';
import type { FileRecord, FileUpdateItem } from '../../../../src/cdf/model';
import { identityKey, matchReferences, pairRecords } from '../../../../src/cdf/client/update/item-references';

const byId = (id: number, update: FileUpdateItem['update'] = {}): FileUpdateItem => ({ id, update });
const byExt = (externalId: string, update: FileUpdateItem['update'] = {}): FileUpdateItem => ({ externalId, update });
const byInstance = (space: string, externalId: string): FileUpdateItem => ({
  instanceId: { space, externalId },
  update: {},
});
const record = (id: number, externalId?: string): FileRecord => ({
  id,
  name: `f${id}`,
  uploaded: false,
  createdTime: 0,
  lastUpdatedTime: 0,
  ...(externalId ? { externalId } : {}),
});

describe('matching missing / duplicated back to update items', () => {
  const items = [byId(1), byExt('a'), byInstance('sp', 'x'), byId(2, { externalId: { set: 'taken' } }), byExt('1')];

  it('names items the way the request named them', () => {
    assert.equal(identityKey(byId(7)), 'id:7');
    assert.equal(identityKey(byExt('7')), 'externalId:"7"');
    assert.notEqual(identityKey(byId(7)), identityKey(byExt('7')));
  });

  it('matches missing ids, external ids and instance ids', () => {
    const m = matchReferences(
      items,
      [{ id: 1 }, { externalId: 'a' }, { instanceId: { space: 'sp', externalId: 'x' } }],
      'missing',
    );
    assert.deepEqual([...m].sort(), [0, 1, 2]);
  });

  it('does not confuse an id with an external id that looks like it', () => {
    assert.deepEqual([...matchReferences(items, [{ externalId: '1' }], 'missing')], [4]);
    assert.deepEqual([...matchReferences(items, [{ id: 1 }], 'missing')], [0]);
  });

  it('matches a duplicated external id an item tries to set (409)', () => {
    assert.deepEqual([...matchReferences(items, [{ externalId: 'taken' }], 'duplicated')], [3]);
    // ...but a missing one is about identifiers only.
    assert.deepEqual([...matchReferences(items, [{ externalId: 'taken' }], 'missing')], []);
  });

  it('ignores references it cannot read', () => {
    assert.equal(matchReferences(items, [{ foo: 1 }, { id: 'x' }], 'missing').size, 0);
  });
});

describe('pairing returned records with sent items', () => {
  it('pairs by position when the counts agree', () => {
    const items = [byId(2), byId(1)];
    const records = [record(2), record(1)];
    assert.deepEqual(pairRecords(items, records), records);
  });

  it('falls back to identifiers, including a newly set external id, when counts differ', () => {
    const items = [byId(1), byExt('old', { externalId: { set: 'new' } }), byId(3)];
    const records = [record(3), record(9, 'new')];
    const paired = pairRecords(items, records);
    assert.equal(paired[0], undefined);
    assert.equal(paired[1]?.id, 9);
    assert.equal(paired[2]?.id, 3);
  });
});
