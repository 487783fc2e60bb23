// Attack (issue 12, save, bulk and emulator): a list of texts (tags, aliases) is limited in total,
// not only per item: the instances API's property value schema says "An array of string values ...
// and sum of individual elements is no more than 128KB". The node's document checks each item
// against 128,000 characters and the count against 1000 (cdf/model/cognite-file-fields.ts
// `textList`), so two tags of 100,000 characters each pass, are sent, and the emulator
// (emulator/dms/property-values.ts `propertyValue`) stores them; CDF refuses the upsert with a 400.
// Expected: the document shows a problem on "tags" and sends nothing; a bulk set that makes the
// list too large is refused (checkNodeValue); the emulator answers 400.
import assert from 'node:assert/strict';
import { StaticTokenProvider } from '../../../src/cdf/auth/static-token';
import { CdfClient } from '../../../src/cdf/client';
import { COGNITE_FILE_VIEW } from '../../../src/cdf/model';
import { cogniteFileRecordsApi } from '../../../src/app';
import { checkNodeValue } from '../../../src/core/cognite-file';
import { COGNITE_FILE } from '../../../src/core/records';
import { planRecordSave } from '../../../src/core/save';
import { client as http, useEmulator } from '../emulator/helpers';

const BIG = ['a', 'b'].map((c) => c.repeat(100_000));

describe('attack: a CogniteFile text list larger than 128 KB in total', () => {
  const ctx = useEmulator({ files: 50, seed: 7 });

  it('the document refuses tags of 200,000 characters in total', async () => {
    const { baseUrl, project, token } = ctx.emulator;
    const cdf = new CdfClient({ baseUrl, project, tokenProvider: new StaticTokenProvider(token) });
    const api = cogniteFileRecordsApi(cdf.models);
    const key = (await cdf.models.listFileNodes({ limit: 1 })).items.map((n) => `${n.space}:${n.externalId}`)[0]!;
    const [base] = await api.retrieve([key]);
    const doc = { ...COGNITE_FILE.document.render(base!), tags: BIG };
    const plan = planRecordSave(COGNITE_FILE, base!, JSON.stringify(doc, null, 2));
    assert.equal(plan.ok, false, 'a 200 KB tag list was accepted and would be sent');
    assert.ok(plan.problems.some((p) => p.path[0] === 'tags'));
  });

  it('a bulk "set tags" of 200,000 characters is refused', () => {
    assert.notEqual(checkNodeValue('tags', BIG), undefined);
    assert.notEqual(checkNodeValue('aliases', BIG), undefined);
  });

  it('the emulator answers 400, as CDF does', async () => {
    const api = http(ctx.emulator);
    const list = { instanceType: 'node', filter: { hasData: [COGNITE_FILE_VIEW] }, limit: 1 };
    const node = (await api.post('/models/instances/list', list)).body.items[0];
    const answer = await api.post('/models/instances', {
      items: [
        {
          instanceType: 'node',
          space: node.space,
          externalId: node.externalId,
          sources: [{ source: COGNITE_FILE_VIEW, properties: { tags: BIG } }],
        },
      ],
    });
    assert.equal(answer.status, 400, `answered ${answer.status}`);
  });
});
