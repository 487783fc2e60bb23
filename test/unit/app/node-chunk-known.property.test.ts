/**
 * updateManyPlanned given `known` (the node each plan was made on, as the bulk job gives its
 * preview's read): whatever happened to each node since that read (nothing, a write, a delete, a
 * delete and a new node under its key), the chunk is planned on the node as CDF holds it now: the
 * very known object where the node is unchanged (read versions only), a whole read of exactly the
 * others, the deleted reported missing and never sent; each upsert names the version read. Against
 * the emulator over HTTP.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { StaticTokenProvider } from '../../../src/cdf/auth/static-token';
import { CdfClient } from '../../../src/cdf/client';
import { COGNITE_FILE_VIEW, nodeKeyOf } from '../../../src/cdf/model';
import { cogniteFileRecordsApi } from '../../../src/app';
import { diffRecord } from '../../../src/core/diff';
import { COGNITE_FILE, type CogniteFileRecord } from '../../../src/core/records';
import { client as http, useEmulator } from '../emulator/helpers';

const SPACE = 'known_prop';
const FATES = ['same', 'written', 'deleted', 'madeAgain'] as const;
type Fate = (typeof FATES)[number];

interface ByIds {
  readonly items: { space: string; externalId: string }[];
  readonly sources?: unknown;
}
interface Upserted {
  readonly items: { space: string; externalId: string; existingVersion: number }[];
}

describe('app: node updateManyPlanned with the nodes known reads whole only those changed since', function () {
  this.timeout(120_000);
  const ctx = useEmulator({ files: 0, seed: 41 });
  let run = 0;

  it('plans each node on what CDF holds now, the unchanged on the known object itself', async () => {
    const { baseUrl, project, token } = ctx.emulator;
    const client = new CdfClient({ baseUrl, project, tokenProvider: new StaticTokenProvider(token) });
    assert.equal((await http(ctx.emulator).post('/models/spaces', { items: [{ space: SPACE }] })).status, 200);
    const write = (externalId: string, properties: object) =>
      http(ctx.emulator).post('/models/instances', {
        items: [
          { instanceType: 'node', space: SPACE, externalId, sources: [{ source: COGNITE_FILE_VIEW, properties }] },
        ],
      });

    await fc.assert(
      fc.asyncProperty(fc.array(fc.constantFrom(...FATES), { minLength: 1, maxLength: 12 }), async (fates) => {
        const ids = fates.map((_, i) => `r${++run}-${i}`);
        for (const id of ids) assert.equal((await write(id, { name: `${id}.pdf` })).status, 200);
        const api = cogniteFileRecordsApi(client.models);
        const keys = ids.map((id) => `${SPACE}:${id}`);
        const known = new Map((await api.retrieve(keys)).map((r) => [COGNITE_FILE.key(r), r]));
        await Promise.all(fates.map((fate, i) => befall(fate, keys[i]!, ids[i]!)));
        const now = new Map((await api.retrieveExisting(keys)).map((r) => [COGNITE_FILE.key(r), r]));

        const given = new Map<string, CogniteFileRecord>();
        const plan = (records: readonly CogniteFileRecord[]) =>
          records.map((r) => {
            given.set(COGNITE_FILE.key(r), r);
            return COGNITE_FILE.encodeUpdate(r, diffRecord(COGNITE_FILE, r, { ...r, tags: ['p'] })!);
          });
        const mark = ctx.emulator.requests.length;
        const report = await api.updateManyPlanned(keys, plan, { chunkSize: 5, known: (k) => known.get(k) });

        const requests = ctx.emulator.requests.slice(mark);
        const wholeReads = requests
          .filter((r) => r.route === 'POST /models/instances/byids' && (r.body as ByIds).sources)
          .flatMap((r) => (r.body as ByIds).items.map(nodeKeyOf));
        const changed = keys.filter((_, i) => fates[i] === 'written' || fates[i] === 'madeAgain');
        assert.deepEqual(wholeReads.sort(), [...changed].sort(), 'only the changed are read whole');
        const sentVersions = new Map(
          requests
            .filter((r) => r.route === 'POST /models/instances' && r.status === 200)
            .flatMap((r) => (r.body as Upserted).items.map((item) => [nodeKeyOf(item), item.existingVersion] as const)),
        );
        fates.forEach((fate, i) => {
          const key = keys[i]!;
          const outcome = report.items[i]!;
          if (fate === 'deleted') {
            assert.ok(outcome.outcome === 'failed' && outcome.failure.reason === 'missing', key);
            assert.equal(given.has(key), false, `${key} planned`);
            assert.equal(sentVersions.has(key), false, `${key} sent`);
            return;
          }
          assert.equal(outcome.outcome, 'applied', key);
          if (fate === 'same') assert.equal(given.get(key), known.get(key), `${key}: the known object itself`);
          else assert.deepEqual(given.get(key), now.get(key), `${key}: planned on its read now`);
          assert.equal(sentVersions.get(key), now.get(key)!.version, `${key}: the version read`);
        });
      }),
      { numRuns: 12 },
    );

    async function befall(fate: Fate, key: string, id: string): Promise<void> {
      if (fate === 'written') assert.equal((await write(id, { description: 'a colleague' })).status, 200);
      const nodes = ctx.emulator.store.nodes;
      if (fate === 'deleted') assert.ok(nodes.delete(key));
      if (fate === 'madeAgain') {
        // Someone deletes it and makes another at its key: version 1 again, a later createdTime.
        const old = structuredClone(nodes.get(key)!);
        assert.ok(nodes.delete(key));
        nodes.put({ ...old, version: 1, createdTime: old.createdTime + 60_000 });
      }
    }
  });
});
