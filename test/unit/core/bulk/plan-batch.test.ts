import assert from 'node:assert/strict';
import { fileUpdateRequest, LIMITS } from '../../../../src/cdf/model';
import {
  addCounts,
  compileAction,
  createBatchContext,
  emptyCounts,
  planBatch,
  type BulkOperation,
} from '../../../../src/core/bulk';
import { fileRecord } from './fixtures';
import { CLASSIC_FILE_BULK } from '../../../../src/core/classic-file';

const addPump: BulkOperation[] = [{ op: 'add', field: 'labels', values: [{ externalId: 'pump' }] }];

describe('planBatch: one page at a time', () => {
  it('returns the update items, their pre-images in the same order, and counters', () => {
    const records = [
      fileRecord({ id: 1 }),
      fileRecord({ id: 2, labels: [{ externalId: 'pump' }] }),
      fileRecord({ id: 3, labels: Array.from({ length: LIMITS.labels }, (_, i) => ({ externalId: `l${i}` })) }),
      fileRecord({ id: 4 }),
    ];
    const batch = planBatch(CLASSIC_FILE_BULK, records, addPump);
    assert.deepEqual(
      batch.items.map((i) => i.id),
      [1, 4],
    );
    assert.deepEqual(batch.items[0]?.update, { labels: { add: [{ externalId: 'pump' }] } });
    assert.deepEqual(batch.preImages, [records[0], records[3]]);
    assert.deepEqual(batch.counts, {
      matched: 4,
      changed: 2,
      unchanged: 1,
      refused: 1,
      refusedByReason: { 'labels would exceed its limit': 1 },
    });
    assert.equal(batch.plans.length, 4);
    assert.ok(fileUpdateRequest.safeParse({ items: batch.items }).success);
  });

  it('streams: pages planned with one context add up to the plan of all records at once', () => {
    const records = Array.from({ length: 2500 }, (_, i) =>
      fileRecord({ id: i + 1, ...(i % 5 === 0 ? { labels: [{ externalId: 'pump' }] } : {}) }),
    );
    const compiled = compileAction(CLASSIC_FILE_BULK, addPump);
    assert.ok(compiled.ok);
    const context = createBatchContext();
    let totals = emptyCounts();
    let items = 0;
    for (let start = 0; start < records.length; start += LIMITS.itemsPerRequest) {
      const page = planBatch(
        CLASSIC_FILE_BULK,
        records.slice(start, start + LIMITS.itemsPerRequest),
        compiled.action,
        context,
      );
      totals = addCounts(totals, page.counts);
      items += page.items.length;
    }
    assert.deepEqual(totals, planBatch(CLASSIC_FILE_BULK, records, addPump).counts);
    assert.equal(items, 2000);
  });

  it('refuses a file listed twice, even across pages', () => {
    const context = createBatchContext();
    planBatch(CLASSIC_FILE_BULK, [fileRecord({ id: 1 })], addPump, context);
    const second = planBatch(CLASSIC_FILE_BULK, [fileRecord({ id: 1 })], addPump, context);
    assert.equal(second.items.length, 0);
    assert.deepEqual(second.counts.refusedByReason, { 'the file is listed more than once': 1 });
  });

  it('gives an external id to the first file only: external ids are unique', () => {
    const batch = planBatch(
      CLASSIC_FILE_BULK,
      [fileRecord({ id: 1 }), fileRecord({ id: 2 })],
      [{ op: 'set', field: 'externalId', value: 'same' }],
    );
    assert.deepEqual(
      batch.items.map((i) => i.id),
      [1],
    );
    assert.equal(batch.plans[1]?.outcome, 'refused');
  });

  it('leaves files a resumed run already changed alone (moves are not idempotent)', () => {
    const move: BulkOperation[] = [{ op: 'directoryMove', from: '/a', to: '/a/b' }];
    const moved = fileRecord({ id: 1, directory: '/a/b/x' });
    assert.equal(planBatch(CLASSIC_FILE_BULK, [moved], move).items.length, 1, 'planned again, it would move twice');
    const resumed = planBatch(
      CLASSIC_FILE_BULK,
      [moved, fileRecord({ id: 2, directory: '/a/y' })],
      move,
      createBatchContext(['1']),
    );
    assert.deepEqual(
      resumed.items.map((i) => [i.id, i.update]),
      [[2, { directory: { set: '/a/b/y' } }]],
    );
    assert.equal(resumed.counts.unchanged, 1);
  });
});
