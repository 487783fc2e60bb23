import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { CogniteFileNode } from '../../src/cdf/model';
import type { ExtensionApi } from '../../src/extension';
import { activateExtension, cdfDiagnostics, closeAllEditors, editJson, openDemo, setText, waitFor } from './helpers';

type Emulator = NonNullable<NonNullable<ExtensionApi['sessions']['active']>['demo']>;
type UpsertBody = {
  items: { space: string; externalId: string; sources: { properties: Record<string, unknown> }[] }[];
};

const key = (r: { space: string; externalId: string }) => `${r.space}:${r.externalId}`;
const item = (node: CogniteFileNode) => ({ kind: 'cogniteFile', id: `cdm/${key(node)}`, node });
const hintText = (h: vscode.InlayHint) =>
  typeof h.label === 'string' ? h.label : h.label.map((l) => l.value).join('');

describe('CogniteFile nodes: selections, time hints, a deleted node', () => {
  let api: ExtensionApi;
  let emulator: Emulator;
  let nodes: CogniteFileNode[];

  before(async () => {
    api = await activateExtension();
    emulator = await openDemo(api);
    nodes = (await api.sessions.active!.nodes!.listFileNodes(undefined, 40)).items;
    assert.ok(nodes.length >= 10);
  });
  afterEach(closeAllEditors);
  const upserts = () => emulator.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/models/instances'));
  const open = async (node: CogniteFileNode) => {
    await vscode.commands.executeCommand('cdfFiles.openNode', { space: node.space, externalId: node.externalId });
    return await waitFor('the node document', () => {
      const doc = vscode.window.activeTextEditor?.document;
      return doc?.uri.path.includes(`/nodes/${encodeURIComponent(key(node))}/`) ? doc : undefined;
    });
  };

  it('a node asked for by its key (the palette, a script) opens titled by its name, from the read that opens it', async () => {
    const node = nodes[30]!;
    emulator.clearRequests();
    const doc = await open(node);
    // The name CDF holds now (another test may have renamed the node since it was listed).
    const { name } = JSON.parse(doc.getText()) as { name: string };
    assert.ok(/^[\w .-]+$/.test(name) && name !== node.externalId, name);
    assert.equal(decodeURIComponent(doc.uri.path.split('/').pop()!), `[node] ${name}.json`);
    const reads = emulator.requests.filter((r) => r.path.endsWith('/models/instances/byids'));
    // At most one: a node a bulk action of another test changed is served from what that action learned.
    assert.ok(reads.length <= 1, `the title costs no read of its own (${reads.length} reads)`);
  });

  it('Edit Selection as JSON opens selected nodes as one document; saving sends one upsert of the changed one', async () => {
    const picked = [nodes[20]!, nodes[21]!];
    const uri = await vscode.commands.executeCommand<vscode.Uri>(
      'cdfFiles.editSelectionAsJson',
      item(picked[0]!),
      picked.map(item),
    );
    assert.match(uri.path, /\/node-selection\/[^/]+\/2 CogniteFile nodes\.json$/);
    const doc = vscode.window.activeTextEditor!.document;
    assert.equal(doc.uri.toString(), uri.toString());
    const docs = JSON.parse(doc.getText()) as Record<string, unknown>[];
    assert.deepEqual(
      docs.map((d) => key(d as never)),
      picked.map(key),
    );
    docs[1]!.name = 'renamed in a selection';
    await setText(doc, JSON.stringify(docs, null, 2) + '\n');
    emulator.clearRequests();
    assert.ok(await doc.save());
    const sent = upserts().map((r) => r.body as UpsertBody);
    assert.equal(sent.length, 1);
    assert.deepEqual(
      sent[0]!.items.map((i) => [key(i), i.sources[0]!.properties]),
      [[key(picked[1]!), { name: 'renamed in a selection' }]],
    );
  });

  it('Edit Selection as JSON on one node is titled in the singular', async () => {
    const uri = await vscode.commands.executeCommand<vscode.Uri>('cdfFiles.editSelectionAsJson', item(nodes[23]!), [
      item(nodes[23]!),
    ]);
    assert.ok(uri.path.endsWith('/1 CogniteFile node.json'), uri.path);
  });

  it('Edit Selection as JSON refuses what classic files refuse, and a mix of kinds: nothing opened, nothing sent', async () => {
    const file = (await api.tree.getChildren()).find((n) => n.kind === 'file');
    assert.ok(file, 'the demo tree shows classic files');
    const attempts: unknown[][] = [
      [item(nodes[0]!), file], // a mix of kinds: one document holds one kind
      Array.from({ length: 1001 }, () => item(nodes[0]!)), // more than one upsert takes
    ];
    emulator.clearRequests();
    const selectionDocs = () => vscode.workspace.textDocuments.filter((d) => d.uri.path.includes('/node-selection/'));
    const before = selectionDocs().length;
    for (const selection of attempts) {
      // The command runner shows the refusal as an error message; the command returns nothing.
      const opened = await vscode.commands.executeCommand('cdfFiles.editSelectionAsJson', selection[0], selection);
      assert.equal(opened, undefined);
      assert.equal(selectionDocs().length, before, 'no selection document was opened');
      assert.ok(!vscode.window.activeTextEditor?.document.uri.path.includes('/node-selection/'));
    }
    assert.equal(emulator.requests.length, 0, 'nothing was read or sent');
  });

  it('shows an ISO timestamp of a node as a readable UTC date, beside it and on hover', async () => {
    const doc = await open(nodes[22]!);
    await editJson(doc, (v) => (v.sourceCreatedTime = '2024-05-01T14:00:00.000+02:00'));
    const line = doc
      .getText()
      .split('\n')
      .findIndex((l) => l.includes('"sourceCreatedTime"'));
    const hints = await waitFor('a hint for sourceCreatedTime', async () => {
      const all = await vscode.commands.executeCommand<vscode.InlayHint[]>(
        'vscode.executeInlayHintProvider',
        doc.uri,
        new vscode.Range(0, 0, doc.lineCount, 0),
      );
      const found = all.filter((h) => h.position.line === line);
      return found.length ? found : undefined;
    });
    assert.deepEqual(
      hints.map(hintText).map((t) => t.trim()),
      ['Wed, 01 May 2024 12:00:00 UTC'],
    );
    const col = doc.lineAt(line).text.indexOf('2024') + 2;
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
      'vscode.executeHoverProvider',
      doc.uri,
      new vscode.Position(line, col),
    );
    const said = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(said, /sourceCreatedTime\*\*: Wed, 01 May 2024 12:00:00 UTC/);
  });

  it('says a node deleted meanwhile is a CogniteFile node that no longer exists, keeping the edits', async () => {
    const node = nodes[23]!;
    const doc = await open(node);
    await editJson(doc, (v) => (v.name = 'edited after it was deleted'));
    emulator.store.nodes.delete(key(node));
    assert.equal(await doc.save(), false);
    assert.ok(doc.isDirty, 'the edits are kept');
    const [d] = cdfDiagnostics(doc.uri);
    assert.ok(d, 'a problem is shown');
    assert.match(d.message, /the CogniteFile node no longer exists in CDF/);
    assert.doesNotMatch(d.message, /the file no longer/);
  });
});
