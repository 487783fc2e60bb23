import assert from 'node:assert/strict';
import { nodesBrowseApiOf, type NodesBrowseApi } from '../../../../src/app';
import { StaticTokenProvider } from '../../../../src/cdf/auth/static-token';
import { CdfClient } from '../../../../src/cdf/client';
import { cogniteFileValues, nodeKeyOf } from '../../../../src/cdf/model';
import { toInstanceFilter } from '../../../../src/core/browse';
import { startEmulator, type RunningEmulator } from '../../../../src/emulator';
import type { CogniteFileItem, NodeGroupNode } from '../../../../src/vscode/tree/cognite-nodes';
import { NodeSectionModel } from '../../../../src/vscode/tree/node-section-model';
import type { TreeNode } from '../../../../src/vscode/tree/nodes';
import { dms, fileItem } from '../../emulator/dms-helpers';

const groups = (nodes: TreeNode[]) => nodes.filter((n): n is NodeGroupNode => n.kind === 'nodeGroup');
const items = (nodes: TreeNode[]) => nodes.filter((n): n is CogniteFileItem => n.kind === 'cogniteFile');

/** The files view's CogniteFile section, on Node, against the emulator over HTTP. */
describe('files view: the CogniteFile section model', () => {
  let emu: RunningEmulator;
  let api: NodesBrowseApi;
  const model = (pageSize = 200) =>
    new NodeSectionModel(
      () => api,
      () => undefined,
      'directory',
      () => pageSize,
    );
  before(async () => {
    emu = await startEmulator({ files: 3000, seed: 11 });
    api = nodesBrowseApiOf(
      new CdfClient({ baseUrl: emu.baseUrl, project: emu.project, tokenProvider: new StaticTokenProvider(emu.token) }),
    );
  });
  after(() => emu.close());

  it('shows the section with the count of nodes, and the spaces holding them with theirs', async () => {
    const m = model();
    emu.clearRequests();
    const section = (await m.section())!;
    const asked = emu.requests.filter((r) => r.path.endsWith('/models/instances/aggregate')).length;
    assert.equal(asked, 1, 'one count decides the section and its number');
    assert.equal(section.count, await api.countFileNodes(undefined));
    const spaces = groups(await m.children(section));
    assert.ok(spaces.length >= 3, spaces.map((s) => s.label).join());
    assert.equal(
      spaces.reduce((n, s) => n + s.count!, 0),
      section.count,
    );
    assert.ok(!spaces.some((s) => s.label === 'plant_assets'), 'a space without CogniteFile nodes is not shown');
  });

  it('groups a space by category with counts from aggregate, the nodes without one apart', async () => {
    const m = model();
    m.grouping = 'category';
    const [space] = groups(await m.children((await m.section())!));
    const categories = groups(await m.children(space!));
    assert.equal(
      categories.reduce((n, c) => n + c.count!, 0),
      space!.count,
    );
    for (const c of categories) {
      const nodes = items(await m.children(c));
      assert.equal(nodes.length, c.count, c.label);
      for (const n of nodes) {
        const category = cogniteFileValues(n.node).category;
        assert.equal(
          category ? nodeKeyOf(category) : undefined,
          c.filter.category ? nodeKeyOf(c.filter.category) : undefined,
        );
      }
    }
  });

  it('labels category groups with the category node’s name, read in one request, the key when it has none', async () => {
    const m = model();
    m.grouping = 'category';
    const [space] = groups(await m.children((await m.section())!));
    // one node of the space points to a category that has no name (only its required code)
    const nameless = { space: 'document_reference', externalId: `nameless_${Date.now()}` };
    const categoryView = { type: 'view', space: 'cdf_cdm', externalId: 'CogniteFileCategory', version: 'v1' };
    const wrote = await dms(emu).upsert([
      { instanceType: 'node', ...nameless, sources: [{ source: categoryView, properties: { code: 'NN' } }] },
    ]);
    assert.equal(wrote.status, 200, JSON.stringify(wrote.body));
    const [one] = (await api.listFileNodes({ equals: { property: ['node', 'space'], value: space!.space! } }, 1)).items;
    await dms(emu).upsert([fileItem(one!.space, one!.externalId, { category: nameless })]);
    m.reset();
    emu.clearRequests();
    const categories = groups(await m.children(space!)).filter((c) => c.filter.category);
    const byIds = emu.requests.filter((r) => r.path.endsWith('/models/instances/byids'));
    assert.equal(byIds.length, 1, 'the names of all groups in one instances/byids');
    const names = new Map(
      (
        await api.retrieveNamedNodes(
          'CogniteFileCategory',
          categories.map((c) => c.filter.category!),
        )
      ).map((n) => [nodeKeyOf(n), n.name]),
    );
    assert.ok(categories.length >= 3, categories.map((c) => c.label).join());
    for (const c of categories) {
      const key = nodeKeyOf(c.filter.category!);
      assert.equal(c.label, names.get(key) ?? key);
      assert.match(c.tooltip ?? '', new RegExp(key), 'the key stays in the tooltip');
    }
    assert.ok(
      categories.some((c) => c.label === 'Datasheet'),
      categories.map((c) => c.label).join(),
    );
    assert.ok(
      categories.some((c) => c.label === `document_reference:${nameless.externalId}`),
      'a nameless one by its key',
    );
  });

  it('groups a space by directory, each folder holding only nodes under it', async () => {
    const m = model();
    const [space] = groups(await m.children((await m.section())!));
    const folders = groups(await m.children(space!));
    assert.ok(folders.length > 0 && folders.every((f) => f.directory !== undefined));
    const inner = await m.children(folders[0]!);
    for (const n of items(inner)) assert.ok(cogniteFileValues(n.node).directory?.startsWith(folders[0]!.directory!));
  });

  it('filters in the instances filter language, counts and pages what the filter keeps', async () => {
    const m = model(10);
    m.grouping = 'flat';
    m.filter = { mimeType: 'application/pdf' };
    const section = (await m.section())!;
    assert.equal(
      section.count,
      await api.countFileNodes({
        equals: { property: ['cdf_cdm', 'CogniteFile/v1', 'mimeType'], value: 'application/pdf' },
      }),
    );
    const [space] = groups(await m.children(section));
    let children = await m.children(space!);
    assert.equal(items(children).length, 10);
    assert.equal(children.at(-1)?.kind, 'loadMore');
    await m.loadMore(space!.id);
    children = await m.children(space!);
    assert.equal(new Set(items(children).map((n) => n.id)).size, Math.min(20, space!.count!));
    for (const n of items(children)) assert.equal(cogniteFileValues(n.node).mimeType, 'application/pdf');
  });

  it('searches with instances/search', async () => {
    const m = model();
    const [first] = (await api.listFileNodes(undefined, 1)).items;
    const word = cogniteFileValues(first!)
      .name!.split(/[^A-Za-z0-9]+/)
      .find((w) => w.length >= 3)!;
    m.search = word;
    const found = items(await m.children((await m.section())!));
    assert.ok(found.some((n) => n.node.externalId === first!.externalId));
  });

  it('counts the search results the section shows, not what the filter alone keeps', async () => {
    const m = model();
    m.filter = { mimeType: 'application/pdf' };
    const [first] = (await api.listFileNodes(toInstanceFilter(m.filter), 1)).items;
    // a tag number of its name: few nodes hold it, while the filter keeps every PDF
    m.search = cogniteFileValues(first!)
      .name!.split(/[^A-Za-z0-9]+/)
      .find((w) => /\d/.test(w) && w.length >= 4)!;
    const section = (await m.section())!;
    const found = items(await m.children(section));
    assert.ok(found.length > 0);
    assert.notEqual(
      await api.countFileNodes(toInstanceFilter(m.filter)),
      found.length,
      `the two counts differ here (${m.search})`,
    );
    assert.equal(section.count, found.length);
    assert.deepEqual(section.search, { limited: false });
    m.search = undefined;
    m.reset();
    const unsearched = (await m.section())!;
    assert.equal(unsearched.count, await api.countFileNodes(toInstanceFilter(m.filter)));
    assert.equal(unsearched.search, undefined);
  });

  it('drops an answer asked for before a reset', async () => {
    const m = model();
    const section = (await m.section())!;
    const pending = m.children(section);
    m.filter = { spaces: ['nowhere'] };
    m.reset();
    assert.deepEqual(await pending, []);
  });

  it('is absent when the project has no CogniteFile nodes, or data modeling cannot be read', async () => {
    const empty = await startEmulator({ files: 0, seed: 1 });
    try {
      const client = new CdfClient({
        baseUrl: empty.baseUrl,
        project: empty.project,
        tokenProvider: new StaticTokenProvider(empty.token),
      });
      const m = new NodeSectionModel(
        () => nodesBrowseApiOf(client),
        () => undefined,
        'directory',
      );
      assert.equal(await m.section(), undefined);
      const failing = { countFileNodes: () => Promise.reject(new Error('403')) } as unknown as NodesBrowseApi;
      assert.equal(
        await new NodeSectionModel(
          () => failing,
          () => undefined,
          'flat',
        ).section(),
        undefined,
      );
    } finally {
      await empty.close();
    }
  });
});
