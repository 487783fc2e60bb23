/**
 * Attack (hostile server + cancel): a node deleted between its chunk's read and the upsert is made
 * again by it, and the run's delete-again gets no answer (the server holds it open). The person
 * cancels right then. The delete-again is not cancelled at once (what this write made is cleared up
 * even on cancel), but a server that never answers must not hold the cancel for the client's whole
 * retry budget (minutes): the run ends soon after, the item reported made again, to be checked.
 */
import { strict as assert } from 'node:assert';
import { nodeKeyOf } from '../../../src/cdf/model';
import { cogniteFileRecordsApi } from '../../../src/app/cognite-file-records-api';
import { madeAgainByUpsert } from '../../../src/app/node-written';
import type { CogniteFileRecord } from '../../../src/core/records';

/** Never answers; gives up only when the request's own signal aborts. */
const hang = (signal: AbortSignal | null | undefined) =>
  new Promise<Response>((_, reject) =>
    signal?.addEventListener('abort', () => reject(signal.reason as Error), { once: true }),
  );
import { described, useNodeEmulator } from './support/node-attack';

describe('attack: node bulk cancelled while its delete-again hangs', function () {
  this.timeout(30_000);
  const { client } = useNodeEmulator(500);

  it('ends the run soon after the cancel, the node reported made again', async () => {
    const colleague = client();
    const [node] = (await colleague.models.listFileNodes({ limit: 1 })).items;
    assert.ok(node);
    const cancel = new AbortController();
    let cancelledAt = 0;
    const hostile: typeof globalThis.fetch = async (input, init) => {
      const url = input instanceof Request ? input.url : String(input);
      if (url.endsWith('/models/instances'))
        await colleague.models.deleteFileNodes([{ space: node.space, externalId: node.externalId }]);
      if (!url.endsWith('/models/instances/delete')) return globalThis.fetch(input, init);
      [cancelledAt] = [Date.now(), cancel.abort()];
      return hang(init?.signal);
    };
    const api = cogniteFileRecordsApi(client(hostile).models);
    const plan = (records: readonly CogniteFileRecord[]) => records.map(described);
    const run = api.updateManyPlanned([nodeKeyOf(node)], plan, { signal: cancel.signal });
    const late = new Promise<'late'>((resolve) => setTimeout(() => resolve('late'), 8_000).unref());
    const report = await Promise.race([run, late]);

    assert.notEqual(report, 'late', 'the run still waits for a delete nobody answers');
    assert.ok(Date.now() - cancelledAt < 8_000);
    const [outcome] = report === 'late' ? [] : report.items;
    assert.equal(outcome?.outcome === 'failed' && outcome.failure.message, madeAgainByUpsert());
  });
});
