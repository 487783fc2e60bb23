import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../src/extension';
import { activateExtension, cdfDiagnostics, closeAllEditors, editJson, openDemo, standIn, waitFor } from './helpers';

type Emulator = NonNullable<NonNullable<ExtensionApi['sessions']['active']>['demo']>;
type Relation = { space: string; externalId: string };
type NodeDocument = { name: string; tags: string[] | null; assets: Relation[] | null; version: number } & Relation;
type UpsertBody = { items: { existingVersion?: number; sources: { properties: Record<string, unknown> }[] }[] };

const VIEW = { type: 'view', space: 'cdf_cdm', externalId: 'CogniteFile', version: 'v1' };
const key = (r: Relation) => `${r.space}:${r.externalId}`;

describe('edit and save a CogniteFile node', () => {
  let api: ExtensionApi;
  let emulator: Emulator;
  let nodes: Relation[];
  let assets: Relation[];

  before(async () => {
    api = await activateExtension();
    emulator = await openDemo(api);
    const page = await api.sessions.active!.nodes!.listFileNodes(undefined, 60);
    nodes = page.items.map((n) => ({ space: n.space, externalId: n.externalId }));
    assets = emulator.store.nodes
      .sorted()
      .filter((n) => n.data['cdf_cdm/CogniteAsset'])
      .map((n) => ({ space: n.space, externalId: n.externalId }));
    assert.ok(nodes.length > 10 && assets.length > 10, 'the demo has nodes and assets');
  });
  afterEach(async () => {
    api.user.use(undefined);
    await closeAllEditors();
  });

  const upserts = () => emulator.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/models/instances'));
  const open = async (node: Relation): Promise<vscode.TextDocument> => {
    await vscode.commands.executeCommand('cdfFiles.openNode', node);
    return await waitFor('the node document', () => {
      const doc = vscode.window.activeTextEditor?.document;
      return doc?.uri.scheme === 'cdf-record' && doc.uri.path.includes(`/nodes/${encodeURIComponent(key(node))}/`)
        ? doc
        : undefined;
    });
  };
  const stored = (node: Relation) => emulator.store.nodes.get(key(node))!;
  /** Another client writing the node over HTTP (no existingVersion), as a colleague's script would. */
  const otherClientWrites = async (node: Relation, properties: Record<string, unknown>) => {
    const res = await fetch(`${emulator.apiBase}/models/instances`, {
      method: 'POST',
      headers: { authorization: `Bearer ${emulator.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ items: [{ instanceType: 'node', ...node, sources: [{ source: VIEW, properties }] }] }),
    });
    assert.equal(res.status, 200);
  };
  const valueOf = (node: Relation, container: string, property: string) =>
    stored(node).data[`cdf_cdm/${container}`]?.[property];

  it('opens a node, renames it, adds a tag, links an asset: one upsert of exactly those, at the opened version', async () => {
    const node = nodes[0]!;
    const doc = await open(node);
    const opened = JSON.parse(doc.getText()) as NodeDocument;
    assert.equal(opened.version, stored(node).version);
    const asset = assets.find((a) => !(opened.assets ?? []).some((b) => key(b) === key(a)))!;
    await editJson(doc, (v) => {
      v.name = 'Renamed in VS Code.pdf';
      v.tags = [...((v.tags as string[] | null) ?? []), 'reviewed'];
      v.assets = [...((v.assets as Relation[] | null) ?? []), asset];
    });
    const expected = {
      items: [
        {
          instanceType: 'node',
          space: node.space,
          externalId: node.externalId,
          existingVersion: opened.version,
          sources: [
            {
              source: VIEW,
              properties: {
                name: 'Renamed in VS Code.pdf',
                tags: [...(opened.tags ?? []), 'reviewed'],
                assets: [...(opened.assets ?? []), asset],
              },
            },
          ],
        },
      ],
      autoCreateDirectRelations: false,
    };
    await vscode.commands.executeCommand('cdfFiles.previewUpdate', doc.uri);
    const preview = await waitFor('the preview', () =>
      vscode.workspace.textDocuments.find((d) => d.uri.path.endsWith('.update-request.json')),
    );
    assert.deepEqual(JSON.parse(preview.getText()), expected, 'Preview Update shows the exact upsert body');

    emulator.clearRequests();
    assert.ok(await doc.save());
    assert.deepEqual(
      upserts().map((r) => r.body),
      [expected],
    );
    assert.equal(valueOf(node, 'CogniteDescribable', 'name'), 'Renamed in VS Code.pdf');
    assert.equal(stored(node).version, opened.version + 1);
    await waitFor(
      'the saved version in the text',
      () => (JSON.parse(doc.getText()) as NodeDocument).version === opened.version + 1,
    );
  });

  it('merges a concurrent change to another property, sending mine against the version with theirs', async () => {
    const node = nodes[1]!;
    const doc = await open(node);
    await otherClientWrites(node, { description: 'written by a colleague' });
    await editJson(doc, (v) => (v.directory = '/merged/by/vscode'));
    const user = standIn(api); // a question here would be dismissed (cancel the save), and the test fail
    emulator.clearRequests();
    assert.ok(await doc.save());
    assert.deepEqual(user.questions, [], 'a merge asks nothing');
    // Whether the save learns of the colleague's write from a read before sending or from CDF's 409,
    // what goes out last is my change alone, against the version that holds theirs.
    const last = upserts().at(-1)!.body as UpsertBody;
    assert.deepEqual(last.items[0]!.sources[0]!.properties, { directory: '/merged/by/vscode' });
    assert.equal(last.items[0]!.existingVersion, stored(node).version - 1);
    assert.equal(valueOf(node, 'CogniteDescribable', 'description'), 'written by a colleague', 'theirs kept');
    assert.equal(valueOf(node, 'CogniteFile', 'directory'), '/merged/by/vscode', 'mine written');
  });

  it('asks when the same property changed: cancel writes nothing, overwrite sends mine', async () => {
    const node = nodes[2]!;
    const doc = await open(node);
    await otherClientWrites(node, { name: 'Their name.pdf' });
    await editJson(doc, (v) => (v.name = 'My name.pdf'));
    const cancelling = standIn(api);
    emulator.clearRequests();
    await doc.save();
    assert.ok(cancelling.questions.length > 0, 'asked');
    await waitFor('the edits kept unsaved', () => doc.isDirty);
    assert.ok(
      upserts().every((r) => r.status === 409),
      'nothing written: at most an upsert CDF refused as stale',
    );
    assert.equal(valueOf(node, 'CogniteDescribable', 'name'), 'Their name.pdf');

    standIn(api, 'Use Mine');
    assert.ok(await doc.save());
    assert.equal(valueOf(node, 'CogniteDescribable', 'name'), 'My name.pdf');
  });

  it('keeps a mistyped asset unsaved, with the API’s message at the assets property, creating no node', async () => {
    const node = nodes[3]!;
    const doc = await open(node);
    const typo = { space: assets[0]!.space, externalId: 'asset_no_such_pump' };
    await editJson(doc, (v) => (v.assets = [...((v.assets as Relation[] | null) ?? []), typo]));
    emulator.clearRequests();
    await doc.save();
    const [d] = await waitFor('the refusal at its property', () => {
      const found = cdfDiagnostics(doc.uri);
      return found.length ? found : undefined;
    });
    assert.ok(doc.isDirty, 'the edits are kept');
    assert.match(doc.lineAt(d!.range.start.line).text, /"assets"/, 'at the property');
    assert.match(d!.message, /asset_no_such_pump/);
    assert.equal(emulator.store.nodes.get(key(typo)), undefined, 'no empty node was created');
  });

  it('completes an asset by its name inside assets; the picked one is saved as its space and externalId', async () => {
    const node = nodes[4]!;
    const doc = await open(node);
    const before = (JSON.parse(doc.getText()) as NodeDocument).assets ?? [];
    const asset = emulator.store.nodes
      .sorted()
      .find(
        (n) =>
          n.data['cdf_cdm/CogniteAsset'] &&
          typeof n.data['cdf_cdm/CogniteDescribable']?.name === 'string' &&
          !before.some((b) => key(b) === key(n)),
      )!;
    const name = asset.data['cdf_cdm/CogniteDescribable']!.name as string;
    await editJson(doc, (v) => (v.assets = [...before, name]));
    const typed = doc.getText().lastIndexOf(JSON.stringify(name));
    const list = await vscode.commands.executeCommand<vscode.CompletionList>(
      'vscode.executeCompletionItemProvider',
      doc.uri,
      doc.positionAt(typed + 2),
    );
    const ref = `{ "space": ${JSON.stringify(asset.space)}, "externalId": ${JSON.stringify(asset.externalId)} }`;
    const item = list.items.find((i) => i.insertText === ref);
    assert.ok(
      item,
      `offered: ${list.items
        .map((i) => JSON.stringify(i.label))
        .slice(0, 10)
        .join(', ')}`,
    );
    const edit = new vscode.WorkspaceEdit();
    edit.replace(doc.uri, item.range as vscode.Range, ref);
    assert.ok(await vscode.workspace.applyEdit(edit));
    emulator.clearRequests();
    assert.ok(await doc.save());
    const [sent] = upserts().map((r) => r.body as UpsertBody);
    assert.deepEqual(sent!.items[0]!.sources[0]!.properties, {
      assets: [...before, { space: asset.space, externalId: asset.externalId }],
    });

    // a category by name; a relation's space from the project's spaces
    const category = emulator.store.nodes.sorted().find((n) => n.data['cdf_cdm/CogniteFileCategory'])!;
    const categoryName = category.data['cdf_cdm/CogniteDescribable']!.name as string;
    await editJson(doc, (v) => (v.category = categoryName));
    const at = doc.getText().lastIndexOf(JSON.stringify(categoryName)) + 2;
    const categories = await vscode.commands.executeCommand<vscode.CompletionList>(
      'vscode.executeCompletionItemProvider',
      doc.uri,
      doc.positionAt(at),
    );
    const categoryRef = `{ "space": ${JSON.stringify(category.space)}, "externalId": ${JSON.stringify(category.externalId)} }`;
    assert.ok(categories.items.some((i) => i.insertText === categoryRef));
    await editJson(doc, (v) => (v.category = { space: 'pla', externalId: category.externalId }));
    const spaceAt = doc.getText().indexOf('"pla"') + 2;
    const spaces = await vscode.commands.executeCommand<vscode.CompletionList>(
      'vscode.executeCompletionItemProvider',
      doc.uri,
      doc.positionAt(spaceAt),
    );
    assert.ok(spaces.items.some((i) => i.insertText === JSON.stringify(category.space)));
  });
});
