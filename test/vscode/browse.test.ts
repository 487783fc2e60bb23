import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../src/extension';
import type { GroupNode, TreeNode } from '../../src/vscode/tree/nodes';
import { activateExtension, fileNodes, openDemo } from './helpers';

describe('browsing the demo project in the sidebar', () => {
  let api: ExtensionApi;
  before(async () => {
    api = await activateExtension();
    await openDemo(api);
  });
  afterEach(() => vscode.commands.executeCommand('cdfFiles.clearFilter'));

  it('groups by directory: top-level folders and their sub-folders come from the records', async () => {
    await vscode.commands.executeCommand('cdfFiles.groupBy', 'directory');
    const root = await api.tree.getChildren();
    const folders = root.filter((n): n is GroupNode => n.kind === 'group');
    assert.ok(folders.length > 0, 'top-level directories');
    const inner = await api.tree.getChildren(folders[0]);
    assert.ok(inner.length > 0);
    for (const f of fileNodes(inner))
      assert.ok(f.record.directory?.startsWith(folders[0]!.directory!), f.record.directory);
  });

  it('groups by data set and mime type, with counts from aggregate', async () => {
    await vscode.commands.executeCommand('cdfFiles.groupBy', 'dataSet');
    const dataSets = (await api.tree.getChildren()).filter((n): n is GroupNode => n.kind === 'group');
    assert.ok(dataSets.length >= 2, 'several data sets');
    api.tree.getTreeItem(dataSets[0]!); // asks for the count
    const counted = await waitForDescription(api, dataSets[0]!);
    const expected = await api.sessions.active!.api.countFiles({ filter: dataSets[0]!.filter });
    assert.equal(counted, expected.toLocaleString('en-US'));
    const files = fileNodes(await api.tree.getChildren(dataSets[0]));
    const id = (dataSets[0]!.filter.dataSetIds![0] as { id: number }).id;
    assert.ok(files.length > 0 && files.every((f) => f.record.dataSetId === id));

    await vscode.commands.executeCommand('cdfFiles.groupBy', 'mimeType');
    const types = (await api.tree.getChildren()).filter((n): n is GroupNode => n.kind === 'group');
    assert.ok(types.some((t) => t.label === 'application/pdf'));
    const pdfs = fileNodes(await api.tree.getChildren(types.find((t) => t.label === 'application/pdf')));
    assert.ok(pdfs.length > 0 && pdfs.every((f) => f.record.mimeType === 'application/pdf'));
  });

  it('pages a flat list: the first page after one request, then "Load more" until the end', async () => {
    await vscode.workspace.getConfiguration('cdfFiles').update('pageSize', 50, vscode.ConfigurationTarget.Global);
    try {
      await vscode.commands.executeCommand('cdfFiles.groupBy', 'flat');
      const emulator = api.sessions.active!.demo!;
      emulator.clearRequests();
      let nodes = await api.tree.getChildren();
      assert.equal(emulator.requests.filter((r) => r.path.endsWith('/files/list')).length, 1);
      assert.equal(fileNodes(nodes).length, 50);
      // The classic list's "Load more" (a project with CogniteFile nodes shows their section after it).
      const more = nodes.find((n) => n.kind === 'loadMore') as TreeNode;
      assert.equal(more.kind, 'loadMore');
      await vscode.commands.executeCommand('cdfFiles.loadMore', more);
      nodes = await api.tree.getChildren();
      assert.equal(fileNodes(nodes).length, 100);
      assert.equal(new Set(fileNodes(nodes).map((f) => f.record.id)).size, 100, 'no file twice');
    } finally {
      await vscode.workspace
        .getConfiguration('cdfFiles')
        .update('pageSize', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  it('filters (shown in the view description, clearable) and searches names', async () => {
    await vscode.commands.executeCommand('cdfFiles.groupBy', 'flat');
    await vscode.commands.executeCommand('cdfFiles.filter', { mimeType: 'application/pdf', uploaded: true });
    const filtered = fileNodes(await api.tree.getChildren());
    assert.ok(filtered.length > 0);
    assert.ok(filtered.every((f) => f.record.mimeType === 'application/pdf' && f.record.uploaded));
    assert.match(api.tree.description, /application\/pdf/);

    const someName = filtered[0]!.record.name;
    const word = someName.split(/[^A-Za-z0-9]+/).find((w) => w.length >= 3)!;
    await vscode.commands.executeCommand('cdfFiles.search', word);
    const found = fileNodes(await api.tree.getChildren());
    assert.ok(
      found.some((f) => f.record.name === someName),
      `search "${word}" finds ${someName}`,
    );

    await vscode.commands.executeCommand('cdfFiles.clearFilter');
    assert.equal(api.tree.description, '');
  });

  it('gives file items an icon by mime type, the external id as description and a tooltip', async () => {
    await vscode.commands.executeCommand('cdfFiles.groupBy', 'flat');
    const file = fileNodes(await api.tree.getChildren()).find(
      (f) => f.record.externalId && f.record.mimeType === 'application/pdf',
    )!;
    const item = api.tree.getTreeItem(file);
    assert.equal(item.description, file.record.externalId);
    assert.match((item.iconPath as vscode.Uri).path, /media\/file-pdf\.svg$/);
    assert.equal(item.contextValue, 'file.withExternalId');
    // The tooltip is built on hover, when VS Code resolves the item (it names the ids then).
    assert.equal(item.tooltip, undefined);
    const resolved = await api.tree.resolveTreeItem(item, file);
    assert.match((resolved.tooltip as vscode.MarkdownString).value, new RegExp(String(file.record.id)));
  });

  it('copies ids of a multi-selection to the clipboard', async () => {
    await vscode.commands.executeCommand('cdfFiles.groupBy', 'flat');
    const files = fileNodes(await api.tree.getChildren()).slice(0, 3);
    await vscode.commands.executeCommand('cdfFiles.copyId', files[0], files);
    assert.equal(await vscode.env.clipboard.readText(), files.map((f) => f.record.id).join('\n'));
  });
});

async function waitForDescription(api: ExtensionApi, node: GroupNode): Promise<string> {
  for (let i = 0; i < 100; i++) {
    const d = api.tree.getTreeItem(node).description;
    if (typeof d === 'string' && d) return d;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('no count');
}
