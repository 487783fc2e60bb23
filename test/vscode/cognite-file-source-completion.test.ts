// Completion of a node's `source` (a CogniteSourceSystem) in the editor, end to end: the provider
// reads the live project through the extension, not a client-level call.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { cogniteFileValues, type CogniteFileNode } from '../../src/cdf/model';
import type { ExtensionApi } from '../../src/extension';
import { activateExtension, closeAllEditors, editJson, openDemo, setText, waitFor } from './helpers';

type Emulator = NonNullable<NonNullable<ExtensionApi['sessions']['active']>['demo']>;
type Relation = { space: string; externalId: string };
type UpsertBody = { items: (Relation & { sources: { properties: Record<string, unknown> }[] })[] };

const key = (r: Relation) => `${r.space}:${r.externalId}`;
const refText = (r: Relation) =>
  `{ "space": ${JSON.stringify(r.space)}, "externalId": ${JSON.stringify(r.externalId)} }`;

describe('source system completion in CogniteFile node documents', () => {
  let api: ExtensionApi;
  let emulator: Emulator;
  let nodes: CogniteFileNode[];
  let systems: { id: Relation; name: string }[];

  before(async () => {
    api = await activateExtension();
    emulator = await openDemo(api);
    nodes = (await api.sessions.active!.nodes!.listFileNodes(undefined, 40)).items;
    systems = emulator.store.nodes
      .sorted()
      .filter((n) => n.data['cdf_cdm/CogniteSourceSystem'])
      .map((n) => ({
        id: { space: n.space, externalId: n.externalId },
        name: n.data['cdf_cdm/CogniteDescribable']?.name as string,
      }));
    assert.ok(nodes.length >= 30 && systems.length >= 3, 'the demo has nodes and source systems');
  });
  afterEach(closeAllEditors);

  const upserts = () => emulator.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/models/instances'));
  const completionsAt = (doc: vscode.TextDocument, offset: number) =>
    vscode.commands.executeCommand<vscode.CompletionList>(
      'vscode.executeCompletionItemProvider',
      doc.uri,
      doc.positionAt(offset),
    );
  const currentSource = (node: CogniteFileNode) => cogniteFileValues(node).source ?? undefined;

  it('offers the source systems whose name starts as typed, only those, and saves the picked one as its id', async () => {
    const node = nodes[30]!;
    const target = systems.find((s) => !currentSource(node) || key(s.id) !== key(currentSource(node)!))!;
    await vscode.commands.executeCommand('cdfFiles.openNode', { space: node.space, externalId: node.externalId });
    const doc = await waitFor('the node document', () => {
      const d = vscode.window.activeTextEditor?.document;
      return d?.uri.path.includes(`/nodes/${encodeURIComponent(key(node))}/`) ? d : undefined;
    });
    const typed = target.name.slice(0, 4);
    await editJson(doc, (v) => (v.source = typed));
    const list = await completionsAt(doc, doc.getText().indexOf(`"source": "${typed}"`) + `"source": "`.length + 2);

    const ids = new Set(systems.map((s) => key(s.id)));
    const offered = list.items.map((i) => JSON.stringify(i.insertText));
    const item = list.items.find((i) => i.insertText === refText(target.id));
    assert.ok(item, `offered: ${offered.join(', ')}`);
    assert.equal((item.label as vscode.CompletionItemLabel).label, target.name, 'labelled with its name');
    // The JSON language offers its own values (null) beside; every relation offered is a source system.
    const relations = list.items.filter(
      (i) => typeof i.insertText === 'string' && i.insertText.startsWith('{ "space"'),
    );
    for (const i of relations)
      assert.ok(
        ids.has((i.label as vscode.CompletionItemLabel).description ?? ''),
        `only source systems: ${offered.join()}`,
      );
    for (const i of relations)
      assert.match(
        (i.label as vscode.CompletionItemLabel).label,
        new RegExp(`\\b${typed}`, 'i'),
        'narrowed by the server',
      );

    const edit = new vscode.WorkspaceEdit();
    edit.replace(doc.uri, item.range as vscode.Range, refText(target.id));
    assert.ok(await vscode.workspace.applyEdit(edit));
    emulator.clearRequests();
    assert.ok(await doc.save());
    const sent = upserts().map((r) => r.body as UpsertBody);
    assert.deepEqual(
      sent.map((b) => b.items.map((i) => [key(i), i.sources[0]!.properties])),
      [[[key(node), { source: target.id }]]],
    );
    assert.deepEqual(emulator.store.nodes.get(key(node))!.data['cdf_cdm/CogniteSourceable']?.source, target.id);
  });

  it('completes `source` in each element of a selection of nodes', async () => {
    const picked = [nodes[31]!, nodes[32]!];
    const asItem = (n: CogniteFileNode) => ({ kind: 'cogniteFile', id: `cdm/${key(n)}`, node: n });
    await vscode.commands.executeCommand('cdfFiles.editSelectionAsJson', asItem(picked[0]!), picked.map(asItem));
    const doc = vscode.window.activeTextEditor!.document;
    const docs = JSON.parse(doc.getText()) as Record<string, unknown>[];
    const target = systems[1]!;
    docs[1]!.source = target.name.slice(0, 4);
    await setText(doc, JSON.stringify(docs, null, 2) + '\n');
    const list = await completionsAt(doc, doc.getText().lastIndexOf(`"source": "`) + `"source": "`.length + 2);
    assert.ok(
      list.items.some((i) => i.insertText === refText(target.id)),
      list.items.map((i) => JSON.stringify(i.insertText)).join(', '),
    );
  });
});
