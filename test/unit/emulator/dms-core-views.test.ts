import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { client, useEmulator, type Json } from './helpers';

const repoRoot = path.resolve(__dirname, '..', '..', '..');
const viewsPath = path.resolve(repoRoot, '..', 'shared', 'cdf-api', 'cdf-cdm-core-views.json');

/** What the emulator must agree on with the core model as the API returns it (descriptions aside). */
function essentials(view: Json) {
  const properties: Record<string, unknown> = {};
  for (const [name, p] of Object.entries<Json>(view.properties)) {
    properties[name] = p.connectionType
      ? { connectionType: p.connectionType, source: p.source, through: p.through, targetsList: p.targetsList }
      : {
          container: p.container,
          containerPropertyIdentifier: p.containerPropertyIdentifier,
          nullable: p.nullable,
          constraintState: p.constraintState,
          type: {
            type: p.type.type,
            list: p.type.list,
            maxListSize: p.type.maxListSize,
            source: p.type.source,
            // The OpenAPI's ContainerReference carries `type: "container"`; the model file leaves it out.
            container: p.type.container && { space: p.type.container.space, externalId: p.type.container.externalId },
          },
          name: p.name,
        };
  }
  return {
    name: view.name,
    implements: view.implements,
    mappedContainers: view.mappedContainers,
    usedFor: view.usedFor,
    createdTime: view.createdTime,
    lastUpdatedTime: view.lastUpdatedTime,
    properties,
  };
}

describe('conformance: the emulator core views match the core data model', () => {
  const ctx = useEmulator({ files: 0 });

  it('CogniteFile, CogniteAsset, CogniteFileCategory, CogniteSourceSystem: same properties, types, limits', async function () {
    if (!fs.existsSync(viewsPath)) {
      console.log(`      (skipped: the core views are not at ${viewsPath})`);
      this.skip();
    }
    const contract = (JSON.parse(fs.readFileSync(viewsPath, 'utf8')) as { views: Json[] }).views;
    const names = ['CogniteFile', 'CogniteAsset', 'CogniteFileCategory', 'CogniteSourceSystem'];
    const served = await client(ctx.emulator).post('/models/views/byids', {
      items: names.map((externalId) => ({ space: 'cdf_cdm', externalId, version: 'v1' })),
    });
    assert.equal(served.status, 200);
    for (const name of names) {
      const expected = contract.find((v) => v.externalId === name);
      const got = served.body.items.find((v: Json) => v.externalId === name);
      assert.ok(expected && got, name);
      assert.deepEqual(
        JSON.parse(JSON.stringify(essentials(got))),
        JSON.parse(JSON.stringify(essentials(expected))),
        name,
      );
    }
  });
});
