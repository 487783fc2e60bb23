// instances/search in the core views a CogniteFile points to, over HTTP against the emulator: what
// the editor's completion of assets, categories and source systems reads.
import assert from 'node:assert/strict';
import { StaticTokenProvider } from '../../../../src/cdf/auth/static-token';
import { CdfClient } from '../../../../src/cdf/client';
import { useEmulator } from '../../emulator/helpers';

describe('cdf/client: searching assets, categories and source systems by name', () => {
  const ctx = useEmulator({ files: 300, seed: 3 });
  let client: CdfClient;
  before(() => {
    const { baseUrl, project, token } = ctx.emulator;
    client = new CdfClient({ baseUrl, project, tokenProvider: new StaticTokenProvider(token) });
  });

  it('finds a CogniteAsset by its name and answers its id and name', async () => {
    const asset = ctx.emulator.store.nodes
      .sorted()
      .find((n) => typeof n.data['cdf_cdm/CogniteAsset'] === 'object' && n.data['cdf_cdm/CogniteDescribable']?.name)!;
    const name = asset.data['cdf_cdm/CogniteDescribable']!.name as string;
    const found = await client.models.searchCoreNodes('CogniteAsset', name, 10);
    assert.deepEqual(found[0], { space: asset.space, externalId: asset.externalId, name });
    const body = ctx.emulator.requests.at(-1)!.body as { view: { externalId: string }; properties: string[] };
    assert.equal(body.view.externalId, 'CogniteAsset');
    assert.deepEqual(body.properties, ['name']);
  });

  it('lists categories and source systems with their names when nothing is typed', async () => {
    for (const view of ['CogniteFileCategory', 'CogniteSourceSystem'] as const) {
      const found = await client.models.searchCoreNodes(view, '', 100);
      assert.ok(found.length > 1, view);
      assert.ok(
        found.every((n) => n.name && n.space && n.externalId),
        view,
      );
    }
  });
});
