// Attack (issue 12, save, bulk and emulator): a CogniteFile timestamp (sourceCreatedTime,
// sourceUpdatedTime) is text the API parses as `YYYY-MM-DDTHH:MM:SS[.millis][Z|time zone]`, "with
// optional milliseconds having precision of 1-3 decimal digits and optional timezone with format
// ±HH:MM, ±HHMM, ±HH or Z ... Year must be between 0001 and 9999" (instances API, the property value
// schema). The extension's `isoTimestamp` (cdf/model/dms-primitives.ts) and the emulator's
// `timestampMs` (emulator/dms/property-values.ts) both lean on Date.parse, which ROLLS a day that does
// not exist into the next month: "2024-02-30T12:00:00Z" passes the check "not a real date and time",
// is sent, and the emulator stores 2024-03-01. Microseconds (6 digits) pass too, and the emulator
// also takes a time without seconds and the year 0000; "+02" (valid) is refused by the editor.
// Expected: each impossible value is a problem at its line, nothing sent; the emulator answers 400.
import assert from 'node:assert/strict';
import { StaticTokenProvider } from '../../../src/cdf/auth/static-token';
import { CdfClient } from '../../../src/cdf/client';
import { COGNITE_FILE_VIEW } from '../../../src/cdf/model';
import { cogniteFileRecordsApi } from '../../../src/app';
import { checkNodeValue } from '../../../src/core/cognite-file';
import { COGNITE_FILE } from '../../../src/core/records';
import { planRecordSave } from '../../../src/core/save';
import { client as http, useEmulator } from '../emulator/helpers';

/** Values CDF refuses: no such day, no such hour, too fine a fraction, year 0. */
const REFUSED = [
  '2024-02-30T12:00:00Z',
  '2023-02-29T00:00:00+00:00',
  '2024-04-31T08:00:00.000+02:00',
  '2024-05-01T12:00:00.123456Z',
  '0000-01-01T00:00:00Z',
];

describe('attack: CogniteFile timestamps that are not real dates or not in the API format', () => {
  const ctx = useEmulator({ files: 50, seed: 7 });

  for (const value of REFUSED)
    it(`the document refuses sourceCreatedTime "${value}" at its line (nothing would be sent)`, async () => {
      const { baseUrl, project, token } = ctx.emulator;
      const cdf = new CdfClient({ baseUrl, project, tokenProvider: new StaticTokenProvider(token) });
      const api = cogniteFileRecordsApi(cdf.models);
      const key = (await cdf.models.listFileNodes({ limit: 1 })).items.map((n) => `${n.space}:${n.externalId}`)[0]!;
      const [base] = await api.retrieve([key]);
      const doc = { ...COGNITE_FILE.document.render(base!), sourceCreatedTime: value };
      const plan = planRecordSave(COGNITE_FILE, base!, JSON.stringify(doc, null, 2));
      assert.equal(plan.ok, false, `"${value}" was accepted; the save would send ${JSON.stringify(plan.changes)}`);
      assert.deepEqual(
        plan.problems.map((p) => p.path.join('.')),
        ['sourceCreatedTime'],
      );
    });

  for (const value of REFUSED)
    it(`a bulk "set sourceCreatedTime" refuses "${value}"`, () => {
      assert.notEqual(checkNodeValue('sourceCreatedTime', value), undefined, `"${value}" accepted for a bulk set`);
    });

  it('a valid "+02" time zone (±HH) is accepted by the document', async () => {
    const { baseUrl, project, token } = ctx.emulator;
    const cdf = new CdfClient({ baseUrl, project, tokenProvider: new StaticTokenProvider(token) });
    const api = cogniteFileRecordsApi(cdf.models);
    const key = (await cdf.models.listFileNodes({ limit: 1 })).items.map((n) => `${n.space}:${n.externalId}`)[0]!;
    const [base] = await api.retrieve([key]);
    const doc = { ...COGNITE_FILE.document.render(base!), sourceCreatedTime: '2024-05-01T12:00:00+02' };
    const plan = planRecordSave(COGNITE_FILE, base!, JSON.stringify(doc, null, 2));
    assert.equal(plan.ok, true, JSON.stringify(plan.problems.map((p) => p.message)));
  });

  for (const value of [...REFUSED, '2024-05-01T12:00Z'])
    it(`the emulator answers 400 to sourceCreatedTime "${value}", as CDF does`, async () => {
      const api = http(ctx.emulator);
      const list = { instanceType: 'node', filter: { hasData: [COGNITE_FILE_VIEW] }, limit: 1 };
      const node = (await api.post('/models/instances/list', list)).body.items[0];
      const item = { instanceType: 'node', space: node.space, externalId: node.externalId };
      const answer = await api.post('/models/instances', {
        items: [{ ...item, sources: [{ source: COGNITE_FILE_VIEW, properties: { sourceCreatedTime: value } }] }],
      });
      const stored = (
        await api.post('/models/instances/byids', { items: [item], sources: [{ source: COGNITE_FILE_VIEW }] })
      ).body.items[0].properties.cdf_cdm['CogniteFile/v1'].sourceCreatedTime;
      assert.equal(answer.status, 400, `answered ${answer.status}; the node now holds ${stored}`);
    });
});
