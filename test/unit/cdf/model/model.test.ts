import assert from 'node:assert/strict';
import { fileRecord, fileUpdateItem, metadataMap, LIMITS } from '../../../../src/cdf/model';

describe('file record model', () => {
  it('accepts a minimal record and rejects an id past 2^53-1', () => {
    const base = { id: 1, name: 'a.pdf', uploaded: false, createdTime: 0, lastUpdatedTime: 0 };
    assert.ok(fileRecord.safeParse(base).success);
    assert.equal(fileRecord.safeParse({ ...base, id: LIMITS.maxId + 1 }).success, false);
  });
  it('counts metadata keys in UTF-8 bytes', () => {
    assert.ok(metadataMap.safeParse({ ['é'.repeat(64)]: 'v' }).success);
    assert.equal(metadataMap.safeParse({ ['é'.repeat(65)]: 'v' }).success, false);
  });
  it('refuses set mixed with add on one field, and name in an update', () => {
    assert.equal(
      fileUpdateItem.safeParse({ id: 1, update: { metadata: { set: {}, add: { a: 'b' } } } }).success,
      false,
    );
    assert.equal(fileUpdateItem.safeParse({ id: 1, update: { name: { set: 'x' } } }).success, false);
    assert.ok(fileUpdateItem.safeParse({ id: 1, update: { metadata: { add: { a: 'b' }, remove: [] } } }).success);
  });
});
