import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../src/extension';
import { cogniteFileValues, nodeKeyOf, type CogniteFileNode } from '../../src/cdf/model';
import { toInstanceFilter } from '../../src/core/browse';
import type { BulkRun } from '../../src/vscode/bulk/bulk-request';
import { activateExtension, openDemo } from './helpers';

type Body = {
  items: { space: string; externalId: string; existingVersion?: number; sources: { properties: object }[] }[];
};

describe('bulk actions on CogniteFile nodes', function () {
  this.timeout(180_000);
  const step = (what: string) => console.log(`  [node-bulk] ${new Date().toISOString()} ${what}`);
  let api: ExtensionApi;
  let nodes: NonNullable<NonNullable<ExtensionApi['sessions']['active']>['nodes']>;
  before(async () => {
    api = await activateExtension();
    await openDemo(api);
    nodes = api.sessions.active!.nodes!;
  });
  afterEach(function () {
    if (this.currentTest?.state === 'failed')
      step(`FAILED: ${String(this.currentTest.err?.stack ?? this.currentTest.err)}`);
  });
  const emulator = () => api.sessions.active!.demo!;
  const upserts = () =>
    emulator()
      .requests.filter((r) => r.route === 'POST /models/instances' && r.status === 200)
      .map((r) => r.body as Body);
  const tagsOf = (n: CogniteFileNode) => cogniteFileValues(n).tags ?? [];

  it('tags a space of nodes through its filter, one upsert item per node at its version; undo after a reload takes the tag back', async () => {
    const spaces = await nodes.listSpaces();
    const counts = await Promise.all(spaces.map((s) => nodes.countFileNodes(toInstanceFilter({ spaces: [s.space] }))));
    const space = spaces[counts.findIndex((n) => n > 0 && n < 1000)];
    const filter = toInstanceFilter({ spaces: [space!.space] })!;
    const before = (await nodes.listFileNodes(filter, 1000)).items;
    assert.ok(before.length > 0 && before.length < 1000, `${before.length} nodes in ${space!.space}`);
    step(`space ${space!.space}: ${before.length}`);
    emulator().clearRequests();
    const run = await vscode.commands.executeCommand<BulkRun>('cdfFiles.bulkEdit', {
      kind: 'cognite-file',
      target: { kind: 'filter', label: `the nodes of ${space!.space}`, filter },
      operations: [{ op: 'add', field: 'tags', values: ['bulk-checked'] }],
      confirm: false,
    });
    assert.equal(run.report.applied.length, before.length);
    const items = upserts().flatMap((b) => b.items);
    assert.equal(items.length, before.length, 'one item per node');
    const version = new Map(before.map((n) => [nodeKeyOf(n), n.version]));
    for (const item of items) {
      assert.equal(item.existingVersion, version.get(nodeKeyOf(item)), 'the version it was planned on');
      assert.deepEqual(Object.keys(item.sources[0]!.properties), ['tags']);
    }
    const tagged = (await nodes.listFileNodes(filter, 1000)).items;
    for (const n of tagged) assert.ok(tagsOf(n).includes('bulk-checked'), nodeKeyOf(n));

    api.bulk.forgetLastAction(); // as a window reload does: the workspace storage keeps the action
    const undone = await api.bulk.undo({ confirm: false });
    assert.equal(undone?.report?.applied.length, before.length);
    const after = new Map((await nodes.listFileNodes(filter, 1000)).items.map((n) => [nodeKeyOf(n), n]));
    for (const n of before) assert.deepEqual(tagsOf(after.get(nodeKeyOf(n))!), tagsOf(n), nodeKeyOf(n));
  });

  it('renames selected nodes by find and replace; a resume finds nothing left to do', async () => {
    step('listing 3 nodes');
    const picked = (await nodes.listFileNodes(undefined, 3)).items;
    step('bulk edit of 3 nodes');
    const refs = picked.map((n) => ({ space: n.space, externalId: n.externalId }));
    const run = await vscode.commands.executeCommand<BulkRun>('cdfFiles.bulkEdit', {
      kind: 'cognite-file',
      target: { kind: 'ids', label: '3 selected CogniteFile nodes', refs },
      operations: [{ op: 'textReplace', fields: ['name'], find: '.', replacement: '_' }],
      confirm: false,
    });
    step('bulk edit ran');
    assert.equal(run.report.applied.length, 3);
    const renamed = await nodes.retrieveFileNodes(refs);
    renamed.forEach((n, i) =>
      assert.equal(cogniteFileValues(n).name, (cogniteFileValues(picked[i]!).name ?? '').split('.').join('_')),
    );
    step('resume');
    assert.equal(await api.bulk.resume({ confirm: false }), undefined, 'every node applied: nothing to resume');
  });
});
