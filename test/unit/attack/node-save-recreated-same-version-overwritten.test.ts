// Attack (issue 12, version going backwards / ABA): a node is opened at version 1 (the demo's nodes
// are). A colleague deletes it and creates it again under the same space:externalId with other
// content: CDF numbers the new node's versions from 1 again (the emulator does too). The save reads
// the node, sees the version it was opened at, concludes "nobody else wrote" ('server' concurrency
// trusts the version alone: decide.ts unchangedSince), and sends base+edits diffed against the NEW
// node with existingVersion 1, which CDF accepts: the colleague's name and description are silently
// overwritten with the old node's values, though the document only changed tags. createdTime
// differs, so the recreation is visible. Expected: the colleague's values stay (merged three ways, or
// the user is asked), and only tags are written.
import assert from 'node:assert/strict';
import { StaticTokenProvider } from '../../../src/cdf/auth/static-token';
import { CdfClient } from '../../../src/cdf/client';
import { cogniteFileRecordsApi } from '../../../src/app';
import { COGNITE_FILE, type CogniteFileRecord } from '../../../src/core/records';
import { recordSaveRequest, saveRecords } from '../../../src/core/save';
import { useEmulator } from '../emulator/helpers';

describe('attack: a node deleted and created again at the same version is not overwritten by a stale save', () => {
  const ctx = useEmulator({ files: 500, seed: 8 });

  it("keeps the new node's name and description; writes only the tags", async () => {
    const { baseUrl, project, token, apiBase } = ctx.emulator;
    const client = new CdfClient({ baseUrl, project, tokenProvider: new StaticTokenProvider(token) });
    const api = cogniteFileRecordsApi(client.models);
    const keys = (await client.models.listFileNodes({ limit: 50 })).items.map((n) => `${n.space}:${n.externalId}`);
    const base = (await api.retrieve(keys)).find((r) => r.version === 1 && r.name) as CogniteFileRecord;
    assert.ok(base, 'a node at version 1');
    const key = COGNITE_FILE.key(base);
    const post = async (path: string, body: object) => {
      const res = await fetch(`${apiBase}${path}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      assert.equal(res.status, 200, await res.text());
    };
    // The colleague: delete, then create again with other content (createdTime moves on).
    await new Promise((r) => setTimeout(r, 5));
    await post('/models/instances/delete', {
      items: [{ instanceType: 'node', space: base.space, externalId: base.externalId }],
    });
    await post('/models/instances', {
      autoCreateDirectRelations: false,
      items: [
        {
          instanceType: 'node',
          space: base.space,
          externalId: base.externalId,
          sources: [
            {
              source: { type: 'view', space: 'cdf_cdm', externalId: 'CogniteFile', version: 'v1' },
              properties: { name: 'colleague-new.pdf', description: 'made again by a colleague' },
            },
          ],
        },
      ],
    });
    const [recreated] = await api.retrieve([key]);
    assert.equal(recreated!.version, base.version, 'the same version number as the one opened');
    assert.notEqual(recreated!.createdTime, base.createdTime, 'but another node');

    const doc = { ...COGNITE_FILE.document.render(base), tags: ['mine'] };
    let asked = false;
    await saveRecords(
      recordSaveRequest({
        kind: COGNITE_FILE,
        base,
        text: JSON.stringify(doc, null, 2),
        api,
        resolveConflicts: () => {
          asked = true;
          return Promise.resolve('theirs' as const);
        },
      }),
    ).catch(() => undefined);
    const [now] = await api.retrieve([key]);
    assert.equal(
      now!.name,
      'colleague-new.pdf',
      `the colleague's name was overwritten with the old node's (asked: ${asked})`,
    );
    assert.equal(now!.description, 'made again by a colleague', "the colleague's description was overwritten");
  });
});
