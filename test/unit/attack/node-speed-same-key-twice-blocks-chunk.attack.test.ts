// Attack (issue 14 speed work): the check right before each node upsert now reads the chunk's stamps
// with one `instances/byids` of the chunk's keys (node-stamps.ts). When the same node is in
// updateMany twice (the records port takes any list of items), that read repeats the key, CDF refuses
// it (400 "Duplicate instances in the request"), and every item of the chunk, the untouched
// neighbour too, is reported "not sent" with that text, without one upsert. Issue 12: "per-item
// report". Expected: the neighbour is applied; the node named twice gets an outcome of its own for
// each item (one applied and one conflict, or both refused naming the duplicate).
import assert from 'node:assert/strict';
import { StaticTokenProvider } from '../../../src/cdf/auth/static-token';
import { CdfClient } from '../../../src/cdf/client';
import { cogniteFileRecordsApi } from '../../../src/app';
import { diffRecord } from '../../../src/core/diff';
import { COGNITE_FILE, type CogniteFileRecord } from '../../../src/core/records';
import { useEmulator } from '../emulator/helpers';

const itemFor = (base: CogniteFileRecord, changes: Partial<CogniteFileRecord>) =>
  COGNITE_FILE.encodeUpdate(base, diffRecord(COGNITE_FILE, base, { ...base, ...changes })!);

describe('attack: the same node twice in one updateMany', () => {
  const ctx = useEmulator({ files: 200, seed: 3 });

  it('does not stop its untouched neighbour', async () => {
    const { baseUrl, project, token } = ctx.emulator;
    const models = new CdfClient({ baseUrl, project, tokenProvider: new StaticTokenProvider(token) }).models;
    const api = cogniteFileRecordsApi(models);
    const keys = (await models.listFileNodes({ limit: 2 })).items.map((n) => `${n.space}:${n.externalId}`);
    const [twice, neighbour] = await api.retrieve(keys);
    const items = [
      itemFor(twice!, { description: 'first' }),
      itemFor(twice!, { tags: ['second'] }),
      itemFor(neighbour!, { description: 'neighbour' }),
    ];
    const report = await api.updateMany(items, {});
    assert.equal(
      report.items[2]!.outcome,
      'applied',
      `the neighbour: ${report.items[2]!.outcome} (${JSON.stringify(report.items[2])?.slice(0, 300)})`,
    );
    assert.equal(ctx.emulator.store.nodes.get(keys[1]!)!.version, 2);
  });
});
