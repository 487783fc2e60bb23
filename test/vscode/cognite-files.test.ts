import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../src/extension';
import { cogniteFileValues, nodeKeyOf } from '../../src/cdf/model';
import type { CogniteFileItem, NodeGroupNode, NodeSectionNode } from '../../src/vscode/tree/cognite-nodes';
import type { TreeNode } from '../../src/vscode/tree/nodes';
import { activateExtension, closeAllEditors, fileNodes, openDemo, waitFor } from './helpers';

const groups = (nodes: TreeNode[]) => nodes.filter((n): n is NodeGroupNode => n.kind === 'nodeGroup');
const items = (nodes: TreeNode[]) => nodes.filter((n): n is CogniteFileItem => n.kind === 'cogniteFile');

describe('the CogniteFile section of the files view', () => {
  let api: ExtensionApi;
  before(async () => {
    api = await activateExtension();
    await openDemo(api);
  });
  afterEach(async () => {
    await vscode.commands.executeCommand('cdfFiles.clearFilter');
    await vscode.commands.executeCommand('cdfFiles.groupNodesBy', 'directory');
    await closeAllEditors();
  });

  async function section(): Promise<NodeSectionNode> {
    const root = await api.tree.getChildren();
    const found = root.at(-1);
    assert.equal(found?.kind, 'nodeSection', 'the section comes after the classic files');
    return found;
  }

  it('follows the classic files, by space, then by category with counts from aggregate', async () => {
    await vscode.commands.executeCommand('cdfFiles.groupBy', 'flat');
    assert.ok(fileNodes(await api.tree.getChildren()).length > 0, 'the classic files stay');
    await vscode.commands.executeCommand('cdfFiles.groupNodesBy', 'category');
    const top = await section();
    const item = api.tree.getTreeItem(top);
    assert.equal(item.label, 'CogniteFile nodes');
    assert.equal(item.description, top.count.toLocaleString('en-US'));
    const spaces = groups(await api.tree.getChildren(top));
    assert.ok(spaces.length >= 3 && spaces.every((s) => s.space && s.label.endsWith('_documents')));
    const categories = groups(await api.tree.getChildren(spaces[0]));
    assert.ok(categories.length > 1, 'several categories');
    const named = categories.find((c) => c.label !== '(no category)')!;
    assert.equal(api.tree.getTreeItem(named).description, String(named.count));
    const nodes = items(await api.tree.getChildren(named));
    assert.equal(nodes.length, named.count);
    assert.ok(!named.label.includes(':'), `labelled with the category's name, not its key: ${named.label}`);
    for (const n of nodes)
      assert.equal(nodeKeyOf(cogniteFileValues(n.node).category!), nodeKeyOf(named.filter.category!));
  });

  it('filters the nodes in the instances filter language, and the view says so', async () => {
    const emulator = api.sessions.active!.demo!;
    emulator.clearRequests();
    await vscode.commands.executeCommand('cdfFiles.groupNodesBy', 'flat');
    await vscode.commands.executeCommand('cdfFiles.filterNodes', { mimeType: 'application/pdf', uploaded: true });
    assert.match(api.tree.description, /CogniteFile: .*application\/pdf/);
    const [space] = groups(await api.tree.getChildren(await section()));
    const nodes = items(await api.tree.getChildren(space));
    assert.ok(nodes.length > 0);
    for (const n of nodes) {
      assert.equal(cogniteFileValues(n.node).mimeType, 'application/pdf');
      assert.equal(cogniteFileValues(n.node).isUploaded, true);
    }
    const listed = emulator.requests.filter((r) => r.path.endsWith('/models/instances/list')).at(-1);
    assert.match(
      JSON.stringify(listed?.body),
      /"equals":\{"property":\["cdf_cdm","CogniteFile\/v1","mimeType"\],"value":"application\/pdf"\}/,
    );
  });

  it('with a search, the section counts and says "search results", not the filter’s nodes', async () => {
    // A tag number of a node's name: a few nodes hold it, far fewer than the project's nodes. Not
    // simply the first node's: earlier tests rename nodes ("Renamed in VS Code.pdf" has none), and
    // searchNodes without a word would wait for it in an input box.
    const { items: some } = await api.sessions.active!.nodes!.listFileNodes(undefined, 100);
    const word = some
      .flatMap((n) => (cogniteFileValues(n).name ?? '').split(/[^A-Za-z0-9]+/))
      .find((w) => /\d/.test(w) && w.length >= 4);
    assert.ok(word, 'a node whose name holds a tag number');
    const all = (await section()).count;
    await vscode.commands.executeCommand('cdfFiles.searchNodes', word);
    const top = await section();
    const found = items(await api.tree.getChildren(top));
    assert.ok(found.length > 0 && found.length < all, `${found.length} of ${all}`);
    assert.equal(top.count, found.length);
    const description = String(api.tree.getTreeItem(top).description);
    assert.match(description, new RegExp(`^${found.length} search results? · search "${word}"`), description);
  });

  it('shows a classic file linked to a node, and Open Linked Record opens either side', async () => {
    // A node whose classic file has an external id (the demo gives such nodes that id as an alias).
    await vscode.commands.executeCommand('cdfFiles.groupNodesBy', 'flat');
    const inSpace = items(await api.tree.getChildren(groups(await api.tree.getChildren(await section()))[0]));
    // One no earlier test opened: an open document is reused whatever its tab's name.
    const isOpen = (n: { node: { space: string; externalId: string } }) =>
      vscode.workspace.textDocuments.some((d) =>
        d.uri.path.includes(`/nodes/${encodeURIComponent(nodeKeyOf(n.node))}/`),
      );
    const someNode = inSpace.find((n) => cogniteFileValues(n.node).aliases?.length && !isOpen(n));
    const [record] = await api.sessions.active!.api.retrieveExisting([
      { instanceId: { space: someNode!.node.space, externalId: someNode!.node.externalId } },
    ]);
    await vscode.commands.executeCommand('cdfFiles.groupBy', 'flat');
    await vscode.commands.executeCommand('cdfFiles.filter', { externalIdPrefix: record!.externalId });
    const linked = fileNodes(await api.tree.getChildren()).find((f) => f.record.id === record!.id)!;
    assert.ok(linked?.record.instanceId, 'the classic file CDF shows for a node, linked to it');
    const item = api.tree.getTreeItem(linked);
    assert.match(String(item.description), /⇄ CogniteFile/);
    assert.match(String(item.contextValue), /\.linked$/);
    const tooltip = (await api.tree.resolveTreeItem(item, linked)).tooltip as vscode.MarkdownString;
    assert.ok(tooltip.value.includes(nodeKeyOf(linked.record.instanceId)), tooltip.value);

    await vscode.commands.executeCommand('cdfFiles.openLinkedRecord', linked);
    const nodeDoc = await waitFor('the node document', () => {
      const doc = vscode.window.activeTextEditor?.document;
      return doc?.uri.scheme === 'cdf-record' && doc.uri.path.includes('/nodes/') ? doc : undefined;
    });
    const node = JSON.parse(nodeDoc.getText()) as { space: string; externalId: string; name: string };
    assert.deepEqual({ space: node.space, externalId: node.externalId }, linked.record.instanceId);
    assert.equal(node.name, linked.record.name);
    // Its tab is named as when the node is opened from the tree, not by its externalId.
    assert.ok(nodeDoc.uri.path.endsWith(`/[node] ${linked.record.name}.json`), nodeDoc.uri.path);

    const [space] = groups(await api.tree.getChildren(await section()));
    const folder = (await api.tree.getChildren(space)).find((n) => n.kind === 'nodeGroup' || n.kind === 'cogniteFile')!;
    const nodeItem = folder.kind === 'cogniteFile' ? folder : items(await api.tree.getChildren(folder))[0]!;
    assert.equal(api.tree.getTreeItem(nodeItem).contextValue, 'cogniteFile');
    await vscode.commands.executeCommand('cdfFiles.openLinkedRecord', nodeItem);
    const recordDoc = await waitFor('the classic record', () => {
      const doc = vscode.window.activeTextEditor?.document;
      return doc?.uri.scheme === 'cdf-record' && doc.uri.path.includes('/files/') ? doc : undefined;
    });
    const opened = JSON.parse(recordDoc.getText()) as { instanceId?: unknown };
    assert.deepEqual(opened.instanceId, { space: nodeItem.node.space, externalId: nodeItem.node.externalId });
  });
});
