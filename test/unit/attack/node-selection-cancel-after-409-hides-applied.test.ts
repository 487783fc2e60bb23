// Attack (issue 12, a 409 at the worst moment): a selection of two nodes is saved; between the
// save's read and its upsert a colleague renames the second node. The chunk's upsert answers 409;
// the per-item updater (nodeUpdateMany) fails only the stale node and sends the first again, which
// is APPLIED. The save then re-reads the stale node and asks about the conflicting name; the user
// answers Cancel. sendSettled returns 'cancelled' and saveRecords reports the whole save
// { kind: 'cancelled' }, so the editor keeps the text dirty and says nothing was saved, although the
// first node is in CDF. Expected: outcome 'done' with the first node 'saved' and the second not saved.
import assert from 'node:assert/strict';
import { StaticTokenProvider } from '../../../src/cdf/auth/static-token';
import { CdfClient } from '../../../src/cdf/client';
import { cogniteFileRecordsApi } from '../../../src/app';
import { diffRecord } from '../../../src/core/diff';
import { COGNITE_FILE } from '../../../src/core/records';
import { planSelectionSave, saveRecords } from '../../../src/core/save';
import { useEmulator } from '../emulator/helpers';

describe('attack: cancelling the question a 409 raised does not hide the nodes already saved', () => {
  const ctx = useEmulator({ files: 500, seed: 11 });

  it('reports the applied node saved', async () => {
    const { baseUrl, project, token } = ctx.emulator;
    const client = new CdfClient({ baseUrl, project, tokenProvider: new StaticTokenProvider(token) });
    const api = cogniteFileRecordsApi(client.models);
    const keys = (await client.models.listFileNodes({ limit: 2 })).items.map((n) => `${n.space}:${n.externalId}`);
    const bases = await api.retrieve(keys);
    const text = JSON.stringify(bases.map((b, i) => ({ ...COGNITE_FILE.document.render(b), name: `mine-${i}.pdf` })));
    const plan = planSelectionSave(COGNITE_FILE, new Map(bases.map((b) => [COGNITE_FILE.key(b), b])), text);
    assert.ok(plan.ok);
    let colleagueDone = false;
    const outcome = await saveRecords({
      kind: COGNITE_FILE,
      plan,
      resolveConflicts: () => Promise.resolve('cancel' as const),
      api: {
        retrieveExisting: api.retrieveExisting,
        updateMany: async (items, options) => {
          if (!colleagueDone) {
            colleagueDone = true;
            const [now] = await api.retrieve([keys[1]!]);
            await api.update([
              COGNITE_FILE.encodeUpdate(now!, diffRecord(COGNITE_FILE, now!, { ...now!, name: 'colleague.pdf' })!),
            ]);
          }
          return api.updateMany(items, options);
        },
      },
    });
    const [first] = await api.retrieve([keys[0]!]);
    assert.equal(first!.name, 'mine-0.pdf', 'the first node was saved');
    assert.equal(outcome.kind, 'done', `the save reported '${outcome.kind}' although node ${keys[0]} is saved`);
  });
});
