/**
 * The records a port read lately stand in for a node's properties only when a fresh check finds the
 * same incarnation at the same version: any other version or createdTime is a miss (the caller reads),
 * and the oldest are dropped beyond the bound.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { RecentNodeReads } from '../../../src/app/recent-node-reads';
import type { NodeStamp } from '../../../src/cdf/model';
import type { CogniteFileRecord } from '../../../src/core/records';

const record = (externalId: string, version: number, createdTime: number, lastUpdatedTime = createdTime) =>
  ({
    space: 'sp',
    externalId,
    version,
    createdTime,
    lastUpdatedTime,
    name: externalId,
  }) as CogniteFileRecord;
const stamp = (externalId: string, version: number, createdTime: number, lastUpdatedTime = createdTime): NodeStamp => ({
  instanceType: 'node',
  space: 'sp',
  externalId,
  version,
  createdTime,
  lastUpdatedTime,
});

describe('app: RecentNodeReads', () => {
  it('hands out a record only for the same node, incarnation, version and lastUpdatedTime', () => {
    const stampOf = fc.tuple(
      fc.constantFrom('a', 'b'),
      fc.integer({ min: 1, max: 3 }),
      fc.integer({ min: 1, max: 3 }),
      fc.integer({ min: 1, max: 3 }),
    );
    fc.assert(
      fc.property(stampOf, stampOf, ([id, version, created, updated], [idNow, versionNow, createdNow, updatedNow]) => {
        const reads = new RecentNodeReads();
        const read = record(id, version, created, updated);
        reads.remember([read]);
        const same = id === idNow && version === versionNow && created === createdNow && updated === updatedNow;
        assert.equal(reads.known(stamp(idNow, versionNow, createdNow, updatedNow)), same ? read : undefined);
        assert.equal(
          reads.readAt(`sp:${idNow}`, versionNow),
          id === idNow && version === versionNow ? read : undefined,
        );
      }),
    );
  });

  it('keeps the newest read of a node, drops the oldest beyond its bound, and forgets on request', () => {
    const reads = new RecentNodeReads(2);
    reads.remember([record('a', 1, 1), record('b', 1, 1)]);
    reads.remember([record('a', 2, 1)]);
    assert.equal(reads.known(stamp('a', 1, 1)), undefined, 'an older read of a node is replaced');
    reads.remember([record('c', 1, 1)]);
    assert.equal(reads.known(stamp('b', 1, 1)), undefined, 'the oldest is dropped');
    assert.ok(reads.known(stamp('a', 2, 1)));
    assert.ok(reads.known(stamp('c', 1, 1)));
    reads.forget(['sp:a']);
    assert.equal(reads.known(stamp('a', 2, 1)), undefined);
  });
});
