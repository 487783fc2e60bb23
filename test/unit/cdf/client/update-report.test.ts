import assert from 'node:assert/strict';
import type { FileUpdateItem, ItemOutcome } from '../../../../src/cdf/model';
import { buildReport } from '../../../../src/cdf/client/update/update-report';
import { itemsToRetry, mergeRetryReport } from '../../helpers/retry-report';

const item = (id: number): FileUpdateItem => ({ id, update: { source: { set: 's' } } });
const stats = { requestsSent: 1, throttled: 0, peakConcurrency: 1, finalConcurrency: 1, durationMs: 1 };

function sample() {
  const outcomes: ItemOutcome[] = [
    { outcome: 'applied', index: 0, item: item(1), sends: 1, record: undefined },
    {
      outcome: 'failed',
      index: 1,
      item: item(2),
      sends: 1,
      failure: { reason: 'missing', message: 'Files not found' },
    },
    {
      outcome: 'failed',
      index: 2,
      item: item(3),
      sends: 1,
      failure: { reason: 'other', message: 'throttled', status: 429 },
    },
    { outcome: 'unknown', index: 3, item: item(4), sends: 2, why: '503' },
    { outcome: 'notSent', index: 4, item: item(5), sends: 0 },
  ];
  return buildReport(outcomes, [], true, stats);
}

describe('update report', () => {
  it('sorts outcomes into the four lists', () => {
    const r = sample();
    assert.equal(r.total, 5);
    assert.deepEqual([r.applied.length, r.failed.length, r.unknown.length, r.notSent.length], [1, 2, 1, 1]);
  });

  it('picks unknown, notSent and "other" failures for a retry by default', () => {
    const { items, originalIndexes } = itemsToRetry(sample());
    assert.deepEqual(originalIndexes, [2, 3, 4]);
    assert.deepEqual(
      items.map((i) => ('id' in i ? i.id : 0)),
      [3, 4, 5],
    );
  });

  it('can include other failure reasons when asked', () => {
    assert.deepEqual(itemsToRetry(sample(), ['missing']).originalIndexes, [1]);
  });

  it('lays a retry run over the original, adding up sends', () => {
    const original = sample();
    const { items, originalIndexes } = itemsToRetry(original);
    const retry = buildReport(
      items.map((it, i): ItemOutcome => ({ outcome: 'applied', index: i, item: it, sends: 1, record: undefined })),
      [{ itemIndexes: [0, 1, 2], attempt: 1, status: 200 }],
      false,
      stats,
    );
    const merged = mergeRetryReport(original, retry, originalIndexes);
    assert.equal(merged.applied.length, 4);
    assert.equal(merged.failed.length, 1);
    assert.equal(merged.items[3]?.sends, 3);
    assert.equal(merged.items[3]?.index, 3);
    assert.deepEqual(merged.attempts.at(-1)?.itemIndexes, [2, 3, 4]);
    assert.equal(merged.cancelled, false);
  });
});
