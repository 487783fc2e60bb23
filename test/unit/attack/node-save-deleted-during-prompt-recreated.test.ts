// Attack (issue 12): a node's save asks about a conflict; while the question is open, a colleague
// deletes the node. The save then sends its upsert with existingVersion = the version it read. CDF
// (and the emulator, faithfully) treat existingVersion on an ABSENT node as no conflict and CREATE the
// node: the save resurrects a deleted file as a node holding only the properties the text changed.
// A 'compare' kind re-reads after a question (decide.ts `confirmed`); a 'server' kind does not, and
// existingVersion does not protect against deletion. Expected: the node stays deleted, the result says
// so ('deleted' or not-applied), and nothing is created.
import assert from 'node:assert/strict';
import { StaticTokenProvider } from '../../../src/cdf/auth/static-token';
import { CdfClient } from '../../../src/cdf/client';
import { cogniteFileRecordsApi } from '../../../src/app';
import { COGNITE_FILE } from '../../../src/core/records';
import { recordSaveRequest, saveRecords } from '../../../src/core/save';
import { useEmulator } from '../emulator/helpers';

describe('attack: a node deleted while the conflict question is open is not re-created by the save', () => {
  const ctx = useEmulator({ files: 200, seed: 7 });

  it('does not resurrect the node', async () => {
    const { baseUrl, project, token } = ctx.emulator;
    const client = new CdfClient({ baseUrl, project, tokenProvider: new StaticTokenProvider(token) });
    const api = cogniteFileRecordsApi(client.models);
    const key = (await client.models.listFileNodes({ limit: 5 })).items.map((n) => `${n.space}:${n.externalId}`)[0]!;
    const [base] = await api.retrieve([key]);
    // Someone renames it (version moves on): my rename below conflicts with theirs.
    const [now] = await api.retrieve([key]);
    await api.update([COGNITE_FILE.encodeUpdate(now!, { name: { set: 'theirs.pdf' } })]);
    assert.equal(ctx.emulator.store.nodes.get(key)?.version, base!.version + 1);

    const doc = { ...COGNITE_FILE.document.render(base!), name: 'mine.pdf' };
    const outcome = await saveRecords(
      recordSaveRequest({
        kind: COGNITE_FILE,
        base: base!,
        text: JSON.stringify(doc, null, 2),
        api,
        resolveConflicts: async () => {
          // While the user reads the question, a colleague deletes the node.
          const [space, ...rest] = key.split(':');
          const res = await fetch(`${baseUrl}/api/v1/projects/${project}/models/instances/delete`, {
            method: 'POST',
            headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
            body: JSON.stringify({ items: [{ instanceType: 'node', space, externalId: rest.join(':') }] }),
          });
          assert.equal(res.status, 200, await res.text());
          assert.equal(ctx.emulator.store.nodes.get(key), undefined, 'deleted');
          return 'overwrite';
        },
      }),
    ).catch((e: unknown) => ({ kind: 'threw', e }) as const);

    const after = ctx.emulator.store.nodes.get(key);
    assert.equal(
      after,
      undefined,
      `the deleted node was re-created by the save (outcome ${JSON.stringify(outcome).slice(0, 300)}; node ${JSON.stringify(after)?.slice(0, 300)})`,
    );
  });
});
