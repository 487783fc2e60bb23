// Attack (issue 12, bulk): a bulk job plans an update of a node from a read; a colleague deletes the
// node before the chunk is sent. The port's updateMany sends the upsert with existingVersion = the
// read version; CDF (and the emulator, as documented: "fail if the node's version is GREATER than
// this value") does not refuse an absent node, so the upsert CREATES it again, holding only the
// properties the action changed, and the per-item report says 'applied'. Issue 12: "a node changed
// by someone else meanwhile is re-read and re-planned, never overwritten, and the report says so".
// Expected: the deleted node stays deleted and its item is not reported applied.
import assert from 'node:assert/strict';
import { StaticTokenProvider } from '../../../src/cdf/auth/static-token';
import { CdfClient } from '../../../src/cdf/client';
import { cogniteFileRecordsApi } from '../../../src/app';
import { diffRecord } from '../../../src/core/diff';
import { COGNITE_FILE, type CogniteFileRecord } from '../../../src/core/records';
import { useEmulator } from '../emulator/helpers';

const itemFor = (base: CogniteFileRecord, changes: Partial<CogniteFileRecord>) =>
  COGNITE_FILE.encodeUpdate(base, diffRecord(COGNITE_FILE, base, { ...base, ...changes })!);

describe('attack: a bulk node update never re-creates a node deleted after it was read', () => {
  const ctx = useEmulator({ files: 500, seed: 3 });

  it('updateMany: the deleted node stays deleted; its neighbour in the chunk is applied', async () => {
    const { baseUrl, project, token } = ctx.emulator;
    const client = new CdfClient({ baseUrl, project, tokenProvider: new StaticTokenProvider(token) });
    const api = cogniteFileRecordsApi(client.models);
    const keys = (await client.models.listFileNodes({ limit: 2 })).items.map((n) => `${n.space}:${n.externalId}`);
    const [gone, kept] = await api.retrieve(keys);
    const items = [itemFor(gone!, { tags: ['bulk-tag'] }), itemFor(kept!, { tags: ['bulk-tag'] })];
    // The colleague deletes the first node after the job read it, before the chunk goes out.
    assert.ok(ctx.emulator.store.nodes.delete(keys[0]!));

    const report = await api.updateMany(items, {});
    const recreated = ctx.emulator.store.nodes.get(keys[0]!);
    assert.equal(
      recreated,
      undefined,
      `the deleted node was created again: ${JSON.stringify(recreated)?.slice(0, 300)}; reported ${report.items[0]!.outcome}`,
    );
    assert.notEqual(report.items[0]!.outcome, 'applied', 'the report must not say the deleted node was updated');
    assert.deepEqual(ctx.emulator.store.nodes.get(keys[1]!) !== undefined, true);
  });
});
