/**
 * Attack (hostile server): an upsert's answer lists its nodes in another order than the request.
 * Each item's outcome must come from the answer that names ITS node: read by position, a node the
 * upsert made again (deleted since its read, then deleted again by the run) is blamed on its
 * neighbour, whose applied change is then reported failed and left out of undo.
 */
import { strict as assert } from 'node:assert';
import { nodeKeyOf } from '../../../src/cdf/model';
import { cogniteFileRecordsApi } from '../../../src/app/cognite-file-records-api';
import type { CogniteFileRecord } from '../../../src/core/records';
import { described, useNodeEmulator } from './support/node-attack';

describe('attack: node bulk upsert answered in another order', function () {
  this.timeout(20_000);
  const { client } = useNodeEmulator(500);

  it("settles each item by its own node's answer", async () => {
    const colleague = client();
    const nodes = (await colleague.models.listFileNodes({ limit: 2 })).items;
    assert.equal(nodes.length, 2, 'the demo has two CogniteFile nodes');
    const [gone, kept] = nodes as [(typeof nodes)[0], (typeof nodes)[0]];
    // The real emulator applies the upsert; its answer's items come back reversed.
    const reversing: typeof globalThis.fetch = async (input, init) => {
      const url = input instanceof Request ? input.url : String(input);
      if (!url.endsWith('/models/instances')) return globalThis.fetch(input, init);
      await colleague.models.deleteFileNodes([{ space: gone.space, externalId: gone.externalId }]);
      const real = (await (await globalThis.fetch(input, init)).json()) as { items: unknown[] };
      const body = JSON.stringify({ items: [...real.items].reverse() });
      return new Response(body, { status: 200, headers: { 'content-type': 'application/json' } });
    };
    const api = cogniteFileRecordsApi(client(reversing).models);
    const plan = (records: readonly CogniteFileRecord[]) => records.map(described);
    const report = await api.updateManyPlanned(nodes.map(nodeKeyOf), plan, {});

    const now = await colleague.models.retrieveFileNodes(nodes, { ignoreUnknownIds: true });
    assert.deepEqual(
      now.map((n) => n.externalId),
      [kept.externalId],
      'the node the upsert made again was deleted again; the other one stays',
    );
    const [goneOutcome, keptOutcome] = report.items;
    assert.equal(keptOutcome?.outcome, 'applied', 'the node written in place is applied (undo restores it)');
    assert.equal(goneOutcome?.outcome === 'failed' && goneOutcome.failure.reason, 'missing');
  });
});
