// Attack (issue 12, save and emulator): CDF refuses a text property value holding the NUL character
// (the instances API's RawPropertyValueV3: "A string value without `null` characters", and for
// lists "without `null` characters in each item"). The node's document validation accepts
// "a\u0000b" as a name (dmsText checks only the length), so the save sends it; the emulator
// accepts it too (property-values.ts checks NUL only in a direct relation's externalId), so the
// demo stores what CDF would refuse with a 400 that the user meets only against a real project.
// Expected: the save is refused as invalid at the "name" line, nothing sent; the emulator answers 400.
import assert from 'node:assert/strict';
import { StaticTokenProvider } from '../../../src/cdf/auth/static-token';
import { CdfClient } from '../../../src/cdf/client';
import { COGNITE_FILE_VIEW } from '../../../src/cdf/model';
import { cogniteFileRecordsApi } from '../../../src/app';
import { COGNITE_FILE } from '../../../src/core/records';
import { recordSaveRequest, saveRecords } from '../../../src/core/save';
import { client as http, useEmulator } from '../emulator/helpers';

describe('attack: a NUL character in a CogniteFile text property', () => {
  const ctx = useEmulator({ files: 50, seed: 7 });

  it('the save refuses it at its line and sends nothing', async () => {
    const { baseUrl, project, token } = ctx.emulator;
    const cdf = new CdfClient({ baseUrl, project, tokenProvider: new StaticTokenProvider(token) });
    const api = cogniteFileRecordsApi(cdf.models);
    const key = (await cdf.models.listFileNodes({ limit: 1 })).items.map((n) => `${n.space}:${n.externalId}`)[0]!;
    const [base] = await api.retrieve([key]);
    const doc = { ...COGNITE_FILE.document.render(base!), name: 'P&ID\u0000rev-B.pdf', tags: ['ok', 'bad\u0000tag'] };
    ctx.emulator.clearRequests();
    const outcome = await saveRecords(
      recordSaveRequest({
        kind: COGNITE_FILE,
        base: base!,
        text: JSON.stringify(doc, null, 2),
        api,
        resolveConflicts: () => Promise.resolve('cancel'),
      }),
    );
    const sent = ctx.emulator.requests.filter((r) => r.route === 'POST /models/instances');
    assert.equal(sent.length, 0, `an upsert carrying NUL characters was sent: ${JSON.stringify(sent[0]?.body)}`);
    assert.equal(outcome.kind, 'invalid');
    if (outcome.kind === 'invalid') {
      const paths = outcome.problems.map((p) => p.path.join('.'));
      assert.ok(paths.includes('name'), `a problem on name: ${paths.join(', ')}`);
      assert.ok(paths.includes('tags.1'), `a problem on tags[1]: ${paths.join(', ')}`);
    }
  });

  it('the emulator answers 400, as CDF does, and stores nothing', async () => {
    const api = http(ctx.emulator);
    const node = (
      await api.post('/models/instances/list', {
        instanceType: 'node',
        filter: { hasData: [COGNITE_FILE_VIEW] },
        limit: 1,
      })
    ).body.items[0];
    const answer = await api.post('/models/instances', {
      items: [
        {
          instanceType: 'node',
          space: node.space,
          externalId: node.externalId,
          sources: [{ source: COGNITE_FILE_VIEW, properties: { description: 'a\u0000b' } }],
        },
      ],
    });
    assert.equal(answer.status, 400, `answered ${answer.status}: ${JSON.stringify(answer.body).slice(0, 200)}`);
    const stored = JSON.stringify(ctx.emulator.store.nodes.get(`${node.space}:${node.externalId}`)?.data);
    assert.ok(!stored.includes('\\u0000'), 'nothing with NUL stored');
  });
});
