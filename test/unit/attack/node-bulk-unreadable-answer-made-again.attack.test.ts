/**
 * Attack: a node is deleted between its chunk's read and the upsert, the upsert makes it again, and
 * the 2xx's body cannot be read (a hostile or broken server). The run then reads the node back for
 * its record: that read shows another incarnation (createdTime) than the one planned on, so the
 * item must not be reported applied (it was written to a node it was not planned on).
 */
import { strict as assert } from 'node:assert';
import { nodeKeyOf } from '../../../src/cdf/model';
import { cogniteFileRecordsApi } from '../../../src/app/cognite-file-records-api';
import type { CogniteFileRecord } from '../../../src/core/records';
import { described, useNodeEmulator } from './support/node-attack';

describe('attack: node bulk upsert answered unreadable after the node was made again', function () {
  this.timeout(20_000);
  const { client } = useNodeEmulator(60);

  it('reports the item not applied when the read back shows another incarnation', async () => {
    const colleague = client();
    const [node] = (await colleague.models.listFileNodes({ limit: 1 })).items;
    assert.ok(node, 'the demo has a CogniteFile node');
    let upserts = 0;
    // The real emulator answers every request; only the upsert's answer body is replaced.
    const hostile: typeof globalThis.fetch = async (input, init) => {
      const url = input instanceof Request ? input.url : String(input);
      if (!url.endsWith('/models/instances') || upserts++ > 0) return globalThis.fetch(input, init);
      await colleague.models.deleteFileNodes([{ space: node.space, externalId: node.externalId }]);
      const real = await globalThis.fetch(input, init);
      assert.equal(real.status, 200, 'the upsert was applied: it made the node again');
      return new Response('{"items":[{"nonsense":true}]}', {
        status: 200,
        headers: { 'content-type': 'application/json' },
      });
    };
    const api = cogniteFileRecordsApi(client(hostile).models);
    const plan = (records: readonly CogniteFileRecord[]) => records.map(described);
    const report = await api.updateManyPlanned([nodeKeyOf(node)], plan, {});

    const [now] = await colleague.models.retrieveFileNodes([node], { ignoreUnknownIds: true });
    assert.ok(now && now.createdTime !== node.createdTime, 'the upsert made the node again');
    const outcome = report.items[0]!;
    assert.notEqual(outcome.outcome, 'applied', 'written to another node than the one planned on');
    assert.equal(outcome.outcome === 'failed' && outcome.failure.reason, 'other');
  });
});
