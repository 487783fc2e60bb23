import assert from 'node:assert/strict';
import {
  COGNITE_FILE_PROPERTIES,
  COGNITE_FILE_PROPERTY_NAMES,
  COGNITE_FILE_VIEW,
  COGNITE_FILE_WRITABLE_NAMES,
  cogniteFileNode,
  cogniteFileNodeList,
  cogniteFileNodePage,
  cogniteFileUpsertItem,
  cogniteFileValues,
  modelStatistics,
  nodeUpsertRequest,
  nodeUpsertResponse,
  spacePage,
  type NodePropertyField,
} from '../../../../src/cdf/model';
import { useEmulator } from '../../emulator/helpers';
import { dms } from '../../emulator/dms-helpers';

/** The CogniteFile vocabulary of cdf/model, checked against what the emulator really answers. */
describe('cdf/model: CogniteFile nodes, upserts and the field table against the emulator', () => {
  const ctx = useEmulator({ files: 2000, seed: 4 });
  const api = () => dms(ctx.emulator);
  const sources = [{ source: COGNITE_FILE_VIEW }];
  const hasFile = { hasData: [COGNITE_FILE_VIEW] };

  it('reads every listed CogniteFile node with the model, each property one the table names', async () => {
    const r = await api().list({ sources, filter: hasFile, limit: 1000 });
    assert.equal(r.status, 200);
    const page = cogniteFileNodePage.parse(r.body);
    assert.ok(page.items.length >= 50, `${page.items.length} nodes`);
    const seen = new Set<string>();
    for (const node of page.items) {
      const values = cogniteFileValues(node);
      for (const key of Object.keys(values)) seen.add(key);
      assert.ok(typeof values.name === 'string', `${node.externalId} has a name`);
    }
    for (const key of seen) assert.ok(COGNITE_FILE_PROPERTY_NAMES.includes(key as never), key);
    for (const used of ['name', 'tags', 'assets', 'category', 'source', 'directory', 'mimeType', 'isUploaded'])
      assert.ok(seen.has(used), `the demo uses ${used}`);
  });

  it('reads byids and search answers with the same model', async () => {
    const listed = cogniteFileNodePage.parse((await api().list({ sources, filter: hasFile, limit: 3 })).body).items;
    const ids = listed.map((n) => ({ space: n.space, externalId: n.externalId }));
    const byIds = cogniteFileNodeList.parse((await api().byIds(ids)).body).items;
    assert.deepEqual(
      byIds.map((n) => n.externalId),
      ids.map((i) => i.externalId),
    );
    const search = await api().post('/models/instances/search', { view: COGNITE_FILE_VIEW, query: 'pdf', limit: 5 });
    assert.equal(search.status, 200);
    cogniteFileNodeList.parse(search.body);
  });

  it('refuses a node whose property has the wrong shape (a direct relation as text)', () => {
    const node = {
      instanceType: 'node',
      space: 's1',
      externalId: 'n-1',
      version: 1,
      createdTime: 0,
      lastUpdatedTime: 0,
      properties: { cdf_cdm: { 'CogniteFile/v1': { category: 'drawings' } } },
    };
    assert.equal(cogniteFileNode.safeParse(node).success, false);
    const ok = {
      ...node,
      properties: { cdf_cdm: { 'CogniteFile/v1': { category: { space: 's', externalId: 'c' } } } },
    };
    assert.ok(cogniteFileNode.safeParse(ok).success);
  });

  it('matches the table to the view the API describes (kind, list-ness, list limit, target)', async () => {
    const r = await api().post('/models/views/byids', { items: [{ space: 'cdf_cdm', externalId: 'CogniteFile' }] });
    const props = r.body.items[0].properties as Record<string, { type?: Record<string, unknown> }>;
    const mapped = Object.keys(props).filter((k) => props[k]!.type !== undefined);
    assert.deepEqual([...mapped].sort(), [...COGNITE_FILE_PROPERTY_NAMES].sort());
    for (const name of COGNITE_FILE_PROPERTY_NAMES) {
      const field: NodePropertyField = COGNITE_FILE_PROPERTIES[name];
      const type = props[name]!.type!;
      const apiKind = { text: 'text', timestamp: 'timestamp', boolean: 'boolean', direct: 'directRelation' }[
        type.type as string
      ];
      assert.equal(field.kind.replace('List', ''), field.list ? apiKind : field.kind, name);
      assert.equal(field.list, type.list, `${name} list`);
      if (type.maxListSize !== undefined) assert.equal(field.maxListSize, type.maxListSize, `${name} maxListSize`);
      const target = (type.source as { externalId?: string } | undefined)?.externalId;
      assert.equal(field.references, target, `${name} points to`);
    }
  });

  it('builds upserts the emulator takes, refusing read-only and unknown properties before sending', async () => {
    const item = (properties: Record<string, unknown>, existingVersion?: number) => ({
      instanceType: 'node',
      space: 'plant_a_documents',
      externalId: 'model_test_file',
      ...(existingVersion === undefined ? {} : { existingVersion }),
      sources: [{ source: COGNITE_FILE_VIEW, properties }],
    });
    assert.equal(cogniteFileUpsertItem.safeParse(item({ isUploaded: true })).success, false);
    assert.equal(cogniteFileUpsertItem.safeParse(item({ colour: 'red' })).success, false);
    assert.equal(cogniteFileUpsertItem.safeParse(item({ tags: Array(1001).fill('t') })).success, false);
    assert.equal(cogniteFileUpsertItem.safeParse(item({ sourceCreatedTime: '2024-13-01' })).success, false);
    const body = nodeUpsertRequest.parse({
      items: [item({ name: 'model.pdf', tags: ['a'], description: null }, 0)],
      autoCreateDirectRelations: false,
    });
    const r = await api().upsert(body.items, { autoCreateDirectRelations: false });
    assert.equal(r.status, 200, JSON.stringify(r.body));
    const [slim] = nodeUpsertResponse.parse(r.body).items;
    assert.equal(slim?.version, 1);
    assert.equal(slim?.wasModified, true);
    assert.ok(
      COGNITE_FILE_WRITABLE_NAMES.includes('name') && !COGNITE_FILE_WRITABLE_NAMES.includes('isUploaded' as never),
    );
  });

  it('reads the statistics and the spaces', async () => {
    const stats = modelStatistics.parse((await api().get('/models/statistics')).body);
    assert.ok(stats.concurrentWriteLimit >= 1 && stats.concurrentReadLimit >= 1);
    const spaces = spacePage.parse((await api().get('/models/spaces?limit=100')).body);
    assert.ok(spaces.items.some((s) => s.space === 'plant_a_documents' || s.space.endsWith('_documents')));
  });
});
