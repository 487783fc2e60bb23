// Attack (issue 14 speed work, node-update-many.ts `checkAhead`): the first chunk's "still there?"
// check goes out together with `GET /models/statistics`, before the write gate exists; the upsert
// follows only when the statistics answer. The check is then as old as the statistics call (a slow
// or retried call: seconds), not one round trip: a node deleted meanwhile is created again by the
// upsert (existingVersion does not refuse an absent node), holding only the item's properties, and
// the report says applied. Issue 12: "never overwritten"; node-written.ts documents a window of one
// round trip. Expected: the node deleted after the check but before the upsert stays deleted.
import assert from 'node:assert/strict';
import { StaticTokenProvider } from '../../../src/cdf/auth/static-token';
import { CdfClient } from '../../../src/cdf/client';
import { cogniteFileRecordsApi } from '../../../src/app';
import { diffRecord } from '../../../src/core/diff';
import { COGNITE_FILE, type CogniteFileRecord } from '../../../src/core/records';
import { client as http, useEmulator } from '../emulator/helpers';

const itemFor = (base: CogniteFileRecord, changes: Partial<CogniteFileRecord>) =>
  COGNITE_FILE.encodeUpdate(base, diffRecord(COGNITE_FILE, base, { ...base, ...changes })!);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('attack: the first chunk is checked long before its upsert when statistics is slow', () => {
  const ctx = useEmulator({ files: 300, seed: 9 });

  it('a node deleted while statistics is answered is not created again', async () => {
    const { baseUrl, project, token } = ctx.emulator;
    const models = new CdfClient({ baseUrl, project, tokenProvider: new StaticTokenProvider(token) }).models;
    const api = cogniteFileRecordsApi(models);
    const [first] = (await models.listFileNodes({ limit: 1 })).items;
    const ref = { space: first!.space, externalId: first!.externalId };
    const key = `${ref.space}:${ref.externalId}`;
    const [read] = await api.retrieve([key]);
    const item = itemFor(read!, { tags: ['bulk-tag'] });

    ctx.emulator.setFaults({ routes: { 'GET /models/statistics': { latencyMs: 800 } } });
    const checks = () => ctx.emulator.requests.filter((r) => r.path.endsWith('/models/instances/byids')).length;
    const before = checks();
    const running = api.updateMany([item], {});
    while (checks() === before) await sleep(5);
    await sleep(150); // the check is answered; statistics is not yet
    const gone = await http(ctx.emulator).post('/models/instances/delete', {
      items: [{ instanceType: 'node', ...ref }],
    });
    assert.equal(gone.status, 200);
    const report = await running;
    ctx.emulator.setFaults(undefined);

    const recreated = ctx.emulator.store.nodes.get(key);
    assert.equal(
      recreated,
      undefined,
      `created again (${report.items[0]!.outcome}): ${JSON.stringify(recreated?.data)?.slice(0, 200)}`,
    );
  });
});
