// Attack (issue 12, bulk undo): `aliases` and `assets` are ordered lists in this extension ("the
// first is commonly the preferred one" / "the primary asset", core/records/cognite-file-document.ts;
// ordered-set.ts: "the order is kept and sent"). A bulk "remove" of the FIRST alias (or asset)
// followed by Undo puts the member back at the END of the list: the undo restores membership
// (the set kind's restore) but not the place, so after "undo" the node's preferred alias and primary
// asset are different from before the action, and nothing in the undo report says so. Nobody else
// wrote in between. Expected: undo gives back exactly the list the node had before the action.
import assert from 'node:assert/strict';
import { StaticTokenProvider } from '../../../src/cdf/auth/static-token';
import { CdfClient } from '../../../src/cdf/client';
import { COGNITE_FILE_VIEW } from '../../../src/cdf/model';
import { cogniteFileBulkSource, cogniteFileRecordsApi } from '../../../src/app';
import { BulkJobs } from '../../../src/core/bulk';
import { client as http, useEmulator } from '../emulator/helpers';
import { MemoryStore } from '../support/memory-action-store';

describe('attack: undo of a bulk remove of the first member of an ordered list', () => {
  const ctx = useEmulator({ files: 200, seed: 7 });

  it('restores the list in its order (aliases and assets)', async () => {
    const { baseUrl, project, token } = ctx.emulator;
    const models = new CdfClient({ baseUrl, project, tokenProvider: new StaticTokenProvider(token) }).models;
    const ref = (await models.listFileNodes({ limit: 1 })).items.map((n) => ({
      space: n.space,
      externalId: n.externalId,
    }))[0]!;
    const assets = (
      await http(ctx.emulator).post('/models/instances/list', {
        instanceType: 'node',
        filter: { hasData: [{ type: 'view', space: 'cdf_cdm', externalId: 'CogniteAsset', version: 'v1' }] },
        limit: 3,
      })
    ).body.items.map((a: { space: string; externalId: string }) => ({ space: a.space, externalId: a.externalId }));
    const arranged = await http(ctx.emulator).post('/models/instances', {
      items: [
        {
          instanceType: 'node',
          ...ref,
          sources: [{ source: COGNITE_FILE_VIEW, properties: { aliases: ['preferred', 'other', 'third'], assets } }],
        },
      ],
    });
    assert.equal(arranged.status, 200, JSON.stringify(arranged.body));
    const api = cogniteFileRecordsApi(models);
    const [before] = await api.retrieve([`${ref.space}:${ref.externalId}`]);

    const scope = { ...cogniteFileBulkSource(models), project: { baseUrl, project } };
    const jobs = new BulkJobs(new MemoryStore());
    const job = await jobs.planEdit(scope, { kind: 'ids', label: 'one node', refs: [ref] }, [
      { op: 'remove', field: 'aliases', values: ['preferred'] },
      { op: 'remove', field: 'assets', values: [assets[0]] },
    ]);
    assert.equal((await jobs.run(job, scope)).applied.length, 1);
    const { job: undo } = await jobs.planUndo(scope);
    assert.equal((await jobs.run(undo, scope)).applied.length, 1);

    const [after] = await api.retrieve([`${ref.space}:${ref.externalId}`]);
    const key = (r: { space: string; externalId: string }) => `${r.space}:${r.externalId}`;
    assert.deepEqual(
      { aliases: after!.aliases, assets: after!.assets?.map(key) },
      { aliases: before!.aliases, assets: before!.assets?.map(key) },
      'after undo, the first alias and the first asset are not those before the action',
    );
  });
});
