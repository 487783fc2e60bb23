/**
 * The records a CogniteFile updateMany reports are built from the read right before each upsert, what
 * was sent and the upsert's slim answer, instead of reading the chunk back. They must be exactly what
 * a read-back returns, for any mix of set and unset properties; and when the answer shows that
 * someone else wrote in between (or the node was made again), nothing is built: it is read back.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { StaticTokenProvider } from '../../../src/cdf/auth/static-token';
import { CdfClient } from '../../../src/cdf/client';
import type { SlimNode } from '../../../src/cdf/model';
import { cogniteFileRecordsApi } from '../../../src/app';
import { provenWritten } from '../../../src/app/node-written';
import { diffRecord } from '../../../src/core/diff';
import { COGNITE_FILE, type CogniteFileRecord } from '../../../src/core/records';
import { useEmulator } from '../emulator/helpers';

const itemFor = (base: CogniteFileRecord, changes: Partial<CogniteFileRecord>) =>
  COGNITE_FILE.encodeUpdate(base, diffRecord(COGNITE_FILE, base, { ...base, ...changes })!);

const change = fc.record(
  {
    name: fc.string({ minLength: 1, maxLength: 20 }),
    description: fc.option(fc.string({ maxLength: 20 }), { nil: undefined }),
    tags: fc.uniqueArray(fc.string({ minLength: 1, maxLength: 8 }), { maxLength: 4 }),
  },
  { requiredKeys: [] },
);

describe('app: node updateMany reports the records a read-back would return, without reading back', () => {
  const ctx = useEmulator({ files: 60, seed: 11 });

  it('for any changes to a few nodes, each applied record equals the node as read after', async () => {
    const { baseUrl, project, token } = ctx.emulator;
    const client = new CdfClient({ baseUrl, project, tokenProvider: new StaticTokenProvider(token) });
    const api = cogniteFileRecordsApi(client.models);
    const keys = (await client.models.listFileNodes({ limit: 6 })).items.map((n) => `${n.space}:${n.externalId}`);
    await fc.assert(
      fc.asyncProperty(fc.array(change, { minLength: keys.length, maxLength: keys.length }), async (changes) => {
        const before = await api.retrieve(keys);
        const items = before.flatMap((record, i) => {
          const diff = diffRecord(COGNITE_FILE, record, { ...record, ...changes[i] });
          return diff ? [COGNITE_FILE.encodeUpdate(record, diff)] : [];
        });
        if (!items.length) return;
        const report = await api.updateMany(items, { chunkSize: 2 });
        assert.equal(report.applied.length, items.length);
        const readBack = new Map((await api.retrieve(keys)).map((r) => [`${r.space}:${r.externalId}`, r]));
        for (const { item, record } of report.applied)
          assert.deepEqual(record, readBack.get(`${item.space}:${item.externalId}`));
      }),
      { numRuns: 25 },
    );
  });

  it('builds nothing when the answer shows another write or a node made again: those are read back', async () => {
    const { baseUrl, project, token } = ctx.emulator;
    const client = new CdfClient({ baseUrl, project, tokenProvider: new StaticTokenProvider(token) });
    const [record] = await cogniteFileRecordsApi(client.models).retrieve([
      (await client.models.listFileNodes({ limit: 1 })).items.map((n) => `${n.space}:${n.externalId}`)[0]!,
    ]);
    const item = itemFor(record!, { tags: ['x'] });
    const answer = (over: Partial<SlimNode>): SlimNode => ({
      instanceType: 'node',
      space: record!.space,
      externalId: record!.externalId,
      version: record!.version + 1,
      wasModified: true,
      createdTime: record!.createdTime,
      lastUpdatedTime: record!.lastUpdatedTime + 5,
      ...over,
    });
    assert.ok(provenWritten(record, item, answer({})), 'one version more, same node: built');
    assert.equal(provenWritten(record, item, answer({ version: record!.version + 2 })), undefined);
    assert.equal(provenWritten(record, item, answer({ createdTime: record!.createdTime + 1 })), undefined);
    assert.equal(provenWritten(record, item, answer({ wasModified: false })), undefined);
    assert.equal(provenWritten(record, item, answer({ externalId: 'someone-else' })), undefined);
    assert.equal(provenWritten(undefined, item, answer({})), undefined);
  });
});
