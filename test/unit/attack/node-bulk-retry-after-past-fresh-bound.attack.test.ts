/**
 * Attack: a Retry-After longer than the bound a read guards its upsert for (FRESH_READ_MS). The
 * second chunk is read ahead while the first chunk's upsert is in flight; that upsert is answered
 * 429 with a Retry-After past the bound, and while the run waits a colleague deletes the second
 * chunk's node. The second chunk must be checked again before its upsert: its node reported
 * deleted, never sent (so never made again, and nothing to delete again).
 */
import { strict as assert } from 'node:assert';
import { nodeKeyOf } from '../../../src/cdf/model';
import { cogniteFileRecordsApi } from '../../../src/app/cognite-file-records-api';
import { FRESH_READ_MS } from '../../../src/app/node-chunk-prep';
import type { CogniteFileRecord } from '../../../src/core/records';
import { described, useNodeEmulator } from './support/node-attack';

describe('attack: node bulk Retry-After past the fresh-read bound', function () {
  this.timeout(20_000);
  const { client } = useNodeEmulator(500);

  it('checks a chunk read before the wait again, and never sends its deleted node', async () => {
    const colleague = client();
    const [first, second] = (await colleague.models.listFileNodes({ limit: 2 })).items;
    assert.ok(first && second);
    const upserted: string[][] = [];
    const deletes: unknown[] = [];
    let throttled = false;
    const waitS = (FRESH_READ_MS + 500) / 1000;
    const throttling: typeof globalThis.fetch = async (input, init) => {
      const url = input instanceof Request ? input.url : String(input);
      if (url.endsWith('/models/instances/delete')) deletes.push(init?.body);
      if (!url.endsWith('/models/instances')) return globalThis.fetch(input, init);
      const { items } = JSON.parse(init?.body as string) as { items: { externalId: string }[] };
      upserted.push(items.map((i) => i.externalId));
      if (throttled) return globalThis.fetch(input, init);
      throttled = true;
      // Answered once the next chunk's read ahead is made; the colleague deletes during the wait.
      await new Promise((resolve) => setTimeout(resolve, 100));
      setTimeout(
        () => void colleague.models.deleteFileNodes([{ space: second.space, externalId: second.externalId }]),
        300,
      );
      const body = JSON.stringify({ error: { code: 429, message: 'slow down' } });
      return new Response(body, { status: 429, headers: { 'retry-after': String(waitS) } });
    };
    const api = cogniteFileRecordsApi(client(throttling).models);
    const plan = (records: readonly CogniteFileRecord[]) => records.map(described);
    const report = await api.updateManyPlanned([first, second].map(nodeKeyOf), plan, {
      chunkSize: 1,
      concurrency: { max: 1 },
    });

    assert.deepEqual(upserted, [[first.externalId], [first.externalId]], 'the deleted node was never sent');
    assert.deepEqual(deletes, [], 'nothing made again, nothing to delete again');
    const [a, b] = report.items;
    assert.equal(a?.outcome, 'applied');
    assert.equal(b?.outcome === 'failed' && b.failure.reason, 'missing');
    assert.equal(b?.sends, 0);
    assert.deepEqual(await colleague.models.retrieveFileNodes([second], { ignoreUnknownIds: true }), []);
  });
});
