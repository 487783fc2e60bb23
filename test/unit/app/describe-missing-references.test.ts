// A save naming two nodes that do not exist, in two properties (assets and category): the failure is
// flagged at EACH property, each with the targets it names there, not only at the first one.
import assert from 'node:assert/strict';
import { StaticTokenProvider } from '../../../src/cdf/auth/static-token';
import { CdfClient } from '../../../src/cdf/client';
import { cogniteFileRecordsApi } from '../../../src/app';
import { describeFailure } from '../../../src/app/describe-failure';
import { diffRecord } from '../../../src/core/diff';
import { COGNITE_FILE } from '../../../src/core/records';
import { useEmulator } from '../emulator/helpers';

describe('app: a save with mistyped references in two properties', () => {
  const ctx = useEmulator({ files: 50, seed: 7 });

  it('is described at each property that holds one', async () => {
    const { baseUrl, project, token } = ctx.emulator;
    const cdf = new CdfClient({ baseUrl, project, tokenProvider: new StaticTokenProvider(token) });
    const api = cogniteFileRecordsApi(cdf.models);
    const key = (await cdf.models.listFileNodes({ limit: 1 })).items.map((n) => `${n.space}:${n.externalId}`)[0]!;
    const [base] = await api.retrieve([key]);
    const edited = {
      ...base!,
      assets: [{ space: 'plant_assets', externalId: 'no_such_pump' }],
      category: { space: 'plant_assets', externalId: 'no_such_category' },
    };
    const item = COGNITE_FILE.encodeUpdate(base!, diffRecord(COGNITE_FILE, base!, edited)!);
    const err = await api.update([item]).then(
      () => assert.fail('the upsert was accepted'),
      (e: unknown) => e,
    );
    const failure = describeFailure(err, COGNITE_FILE.noun());
    assert.deepEqual(failure.places?.map((p) => p.field).sort(), ['assets', 'category']);
    const at = (field: string) => failure.places?.find((p) => p.field === field)?.message ?? '';
    assert.match(at('assets'), /plant_assets:no_such_pump/);
    assert.doesNotMatch(at('assets'), /no_such_category/);
    assert.match(at('category'), /plant_assets:no_such_category/);
  });
});
