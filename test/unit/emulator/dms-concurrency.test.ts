import assert from 'node:assert/strict';
import { useEmulator } from './helpers';
import { dms, fileItem } from './dms-helpers';

describe('emulator: data modeling concurrency limits from /models/statistics are enforced', function () {
  this.timeout(20_000);
  const ctx = useEmulator({ files: 100, seed: 2 });

  it('answers 429 (retryable) to a write over concurrentWriteLimit, while reads and later writes pass', async () => {
    const api = dms(ctx.emulator);
    ctx.emulator.store.modelLimits = { ...ctx.emulator.store.modelLimits, concurrentWriteLimit: 2 };
    // Latency keeps the writes in progress at once, as a slow CDF would.
    ctx.emulator.setFaults({ routes: { 'POST /models/instances': { latencyMs: 300 } } });
    try {
      const writes = [1, 2, 3].map((i) =>
        api.upsert([fileItem('plant_a_documents', `concurrent_${i}`, { name: `${i}` })]),
      );
      const read = await api.list({ limit: 1 });
      assert.equal(read.status, 200, 'reads count against their own limit');
      const answers = await Promise.all(writes);
      const statuses = answers.map((a) => a.status).sort();
      assert.deepEqual(statuses, [200, 200, 429]);
      const refused = answers.find((a) => a.status === 429)!;
      assert.equal(refused.headers.get('cdf-is-auto-retryable'), 'true');
      assert.match(refused.body.error.message, /concurrent data modeling write requests: the project allows 2/);
      const later = await api.upsert([fileItem('plant_a_documents', 'concurrent_4', { name: '4' })]);
      assert.equal(later.status, 200, 'slots are released when answers are written');
      const stats = await api.get('/models/statistics');
      assert.equal(stats.body.concurrentWriteLimit, 2);
    } finally {
      ctx.emulator.setFaults(undefined);
    }
  });
});
