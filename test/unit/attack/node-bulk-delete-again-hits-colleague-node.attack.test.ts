/**
 * Attack: a node is deleted between its chunk's read and the upsert, so the upsert makes it again
 * (version 1) and the run deletes it again at version 1. If, between that upsert's answer and the
 * delete, a colleague deletes the node and makes it anew (version 1 as well), the delete's
 * `existingVersion: 1` does not tell the two apart and deletes the colleague's node.
 *
 * Skipped: a known residual, not fixable in the client. The delete API's only guard is
 * `existingVersion` (refuse a node NEWER than it); nothing names the incarnation (`createdTime`),
 * and a read of the stamp right before the delete leaves a window as wide (one round trip). The
 * window is one round trip after the upsert's answer; closing it needs an API flag.
 */
import { strict as assert } from 'node:assert';
import { startEmulator, type RunningEmulator } from '../../../src/emulator';
import { CdfClient } from '../../../src/cdf/client';
import { COGNITE_FILE_VIEW, nodeKeyOf, type CogniteFileUpsertItem } from '../../../src/cdf/model';
import { cogniteFileRecordsApi } from '../../../src/app/cognite-file-records-api';
import type { CogniteFileRecord } from '../../../src/core/records';

const described = (r: { space: string; externalId: string }, description: string): CogniteFileUpsertItem => ({
  instanceType: 'node',
  space: r.space,
  externalId: r.externalId,
  sources: [{ source: COGNITE_FILE_VIEW, properties: { description } }],
});

describe('attack: node bulk delete-again meets a colleague node made anew at version 1', function () {
  this.timeout(20_000);
  let emulator: RunningEmulator;
  beforeEach(async () => (emulator = await startEmulator({ files: 500 })));
  afterEach(() => emulator.close());

  const client = (fetch?: typeof globalThis.fetch) =>
    new CdfClient({
      baseUrl: emulator.baseUrl,
      project: emulator.project,
      fetch,
      tokenProvider: { getToken: () => Promise.resolve(emulator.token), invalidate: () => undefined },
    });

  it.skip("never deletes the colleague's node (residual: the delete API cannot name the incarnation)", async () => {
    const colleague = client();
    const [node] = (await colleague.models.listFileNodes({ limit: 1 })).items;
    assert.ok(node);
    const ref = { space: node.space, externalId: node.externalId };
    const racing: typeof globalThis.fetch = async (input, init) => {
      const url = input instanceof Request ? input.url : String(input);
      if (url.endsWith('/models/instances')) await colleague.models.deleteFileNodes([ref]);
      if (url.endsWith('/models/instances/delete')) {
        await colleague.models.deleteFileNodes([ref]);
        await colleague.models.upsertFileNodes([described(ref, 'the colleague made this one')]);
      }
      return globalThis.fetch(input, init);
    };
    const api = cogniteFileRecordsApi(client(racing).models);
    const plan = (records: readonly CogniteFileRecord[]) => records.map((r) => described(r, 'ours'));
    await api.updateManyPlanned([nodeKeyOf(node)], plan, {});

    const now = await colleague.models.retrieveFileNodes([ref], { ignoreUnknownIds: true });
    assert.equal(now.length, 1, "the colleague's node is still there");
  });
});
