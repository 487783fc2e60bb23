import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../src/extension';
import { activateExtension, closeAllEditors, editJson, openDemo, waitFor } from './helpers';

type Emulator = NonNullable<NonNullable<ExtensionApi['sessions']['active']>['demo']>;
type Relation = { space: string; externalId: string };
type UpsertBody = { items: (Relation & { sources: { properties: Record<string, unknown> }[] })[] };

const VIEW = { type: 'view', space: 'cdf_cdm', externalId: 'CogniteFile', version: 'v1' };
const key = (r: Relation) => `${r.space}:${r.externalId}`;
/** A tree row's node as instances/list gives it. */
const asRow = (node: Relation, name: string) => ({ ...node, properties: { cdf_cdm: { 'CogniteFile/v1': { name } } } });
const tabLabel = () => vscode.window.tabGroups.activeTabGroup.activeTab?.label ?? '';
const editorsOf = (doc: vscode.TextDocument) =>
  vscode.window.tabGroups.all
    .flatMap((g) => g.tabs)
    .filter((t) => t.input instanceof vscode.TabInputText && t.input.uri.toString() === doc.uri.toString());

describe('Open CogniteFile Node by its key: hostile names and keys', () => {
  let api: ExtensionApi;
  let emulator: Emulator;
  let space: string;

  before(async () => {
    api = await activateExtension();
    emulator = await openDemo(api);
    space = (await api.sessions.active!.nodes!.listFileNodes(undefined, 1)).items[0]!.space;
  });
  afterEach(closeAllEditors);

  const upserts = () =>
    emulator.requests
      .filter((r) => r.method === 'POST' && r.path.endsWith('/models/instances'))
      .map((r) => r.body as UpsertBody);
  /** A colleague's script writing the node over HTTP. */
  const write = async (node: Relation, properties: Record<string, unknown>) => {
    const res = await fetch(`${emulator.apiBase}/models/instances`, {
      method: 'POST',
      headers: { authorization: `Bearer ${emulator.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ items: [{ instanceType: 'node', ...node, sources: [{ source: VIEW, properties }] }] }),
    });
    assert.equal(res.status, 200, await res.text());
  };
  /** As the palette answer or a script: the key as one string. */
  const open = async (node: Relation) => {
    await vscode.commands.executeCommand('cdfFiles.openNode', key(node));
    return await waitFor(`the document of ${JSON.stringify(key(node))}`, () => {
      const doc = vscode.window.activeTextEditor?.document;
      return doc?.uri.path.includes(`/nodes/${encodeURIComponent(key(node))}/`) ? doc : undefined;
    });
  };
  const storedName = (node: Relation) => emulator.store.nodes.get(key(node))?.data['cdf_cdm/CogniteDescribable']?.name;

  const hostile: [string, string][] = [
    ['slashes', 'a/b\\c/../../d'],
    ['dots', '..'],
    ['escapes', '%2F%2e%2e%00 #frag ?q=1'],
    ['newlines and control characters', 'line1\nline2\r\n\u0001\u001b[31mend\u007f'],
    ['only spaces', '     '],
    ['5000 characters', 'x'.repeat(5000)],
    ['an emoji across the cut', 'a'.repeat(119) + '😀 tail'],
    ['RTL override', 'invoice\u202Efdp.exe'],
    ['a lone surrogate', 'half \ud83d an emoji'],
    ['emoji', '📄 Pump 🚀.pdf'],
  ];
  for (const [what, name] of hostile)
    it(`a node named with ${what} opens with a sensible tab and saves to that node only`, async () => {
      const node = { space, externalId: `open-attack-${what.replace(/\W/g, '-')}` };
      await write(node, { name });
      const doc = await open(node);
      const label = tabLabel();
      assert.match(label, /^\[node\] .+\.json$/s, label);
      assert.ok(label.length <= 140, `${label.length} characters`);
      // eslint-disable-next-line no-control-regex -- control characters must not reach the tab
      assert.doesNotMatch(label, /[/\\\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/, JSON.stringify(label));
      assert.doesNotThrow(
        () => encodeURIComponent(label),
        `no broken surrogate pair: ${JSON.stringify(label.slice(-20))}`,
      );
      assert.equal((JSON.parse(doc.getText()) as { name: string }).name, name);
      emulator.clearRequests();
      await editJson(doc, (v) => (v.name = `${name} (edited)`));
      assert.ok(await doc.save(), 'saved');
      const sent = upserts().flatMap((b) => b.items);
      assert.deepEqual(
        sent.map((i) => key(i)),
        [key(node)],
      );
      assert.equal(storedName(node), `${name} (edited)`);
    });

  for (const externalId of ['a:b:c', 'with spaces inside', 'ünïcødé-ключ-鍵', '100%25 %2F / ? #'])
    it(`the key ${JSON.stringify(externalId)} opens and saves that node`, async () => {
      const node = { space, externalId };
      await write(node, { name: `named ${externalId}` });
      const doc = await open(node);
      assert.equal((JSON.parse(doc.getText()) as Relation).externalId, externalId);
      emulator.clearRequests();
      await editJson(doc, (v) => (v.name = 'saved by key'));
      assert.ok(await doc.save());
      assert.deepEqual(
        upserts().flatMap((b) => b.items.map(key)),
        [key(node)],
      );
      assert.equal(storedName(node), 'saved by key');
    });

  it('a node renamed by a colleague while open, opened again from the palette and the tree: one editor', async () => {
    const node = { space, externalId: 'open-attack-renamed' };
    await write(node, { name: 'Before.pdf' });
    const doc = await open(node);
    await write(node, { name: 'After.pdf' });
    await open(node);
    const row = { kind: 'cogniteFile', id: `cdm/${key(node)}`, node: asRow(node, 'After.pdf') };
    await vscode.commands.executeCommand('cdfFiles.openNode', row);
    assert.equal(vscode.window.activeTextEditor?.document, doc);
    assert.equal(editorsOf(doc).length, 1);
    assert.equal(vscode.window.tabGroups.all.flatMap((g) => g.tabs).length, 1);
  });

  it('opened from the tree (listed before a rename), then from the palette: one editor', async () => {
    const node = { space, externalId: 'open-attack-tree-first' };
    await write(node, { name: 'Listed.pdf' });
    await vscode.commands.executeCommand('cdfFiles.openNode', {
      kind: 'cogniteFile',
      id: 'x',
      node: asRow(node, 'Listed.pdf'),
    });
    const doc = await waitFor('the node opened from its row', () => vscode.window.activeTextEditor?.document);
    await write(node, { name: 'Renamed.pdf' });
    assert.equal(await open(node), doc);
    assert.equal(vscode.window.tabGroups.all.flatMap((g) => g.tabs).length, 1);
  });

  it('opened by key: undo, redo, revert, and a save after them sends the redone edit to that node', async () => {
    const node = { space, externalId: 'open-attack-undo' };
    await write(node, { name: 'Undo me.pdf' });
    const doc = await open(node);
    const original = doc.getText();
    await editJson(doc, (v) => (v.name = 'Undone.pdf'));
    await vscode.commands.executeCommand('undo');
    await waitFor('the undo', () => (doc.getText() === original && !doc.isDirty ? true : undefined));
    await vscode.commands.executeCommand('redo');
    await waitFor('the redo', () => (doc.isDirty ? true : undefined));
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await waitFor('the revert', () => (doc.getText() === original && !doc.isDirty ? true : undefined));
    await vscode.commands.executeCommand('redo');
    emulator.clearRequests();
    await editJson(doc, (v) => (v.name = 'Saved after revert.pdf'));
    assert.ok(await doc.save());
    assert.deepEqual(
      upserts().flatMap((b) => b.items.map((i) => [key(i), i.sources[0]!.properties])),
      [[key(node), { name: 'Saved after revert.pdf' }]],
    );
  });

  it('a node with a blank name is titled by its externalId, from the palette and from the tree alike', async () => {
    // Two nodes: a document closed a moment ago is still known to VS Code and would be reused.
    const byKey = { space, externalId: 'open-attack-blank-by-key' };
    const byRow = { space, externalId: 'open-attack-blank-by-row' };
    await write(byKey, { name: ' \t ' });
    await write(byRow, { name: ' \t ' });
    await open(byKey);
    assert.equal(tabLabel(), '[node] open-attack-blank-by-key.json');
    await vscode.commands.executeCommand('cdfFiles.openNode', {
      kind: 'cogniteFile',
      id: 'x',
      node: asRow(byRow, ' \t '),
    });
    await waitFor('the node opened from its row', () =>
      vscode.window.activeTextEditor?.document.uri.path.includes(encodeURIComponent(key(byRow))),
    );
    assert.equal(tabLabel(), '[node] open-attack-blank-by-row.json');
  });

  it('a script passing something that names no node is told why (it did nothing, silently)', async () => {
    await vscode.commands.executeCommand('cdfFiles.openNode', 'no-colon-here');
    await vscode.commands.executeCommand('cdfFiles.openNode', { space: space });
    const logs = path.resolve(api.logUri.fsPath, '..');
    await waitFor('both refusals in the log', () => {
      const text = fs
        .readdirSync(logs, { recursive: true, withFileTypes: true })
        .filter((e) => e.isFile())
        .map((e) => fs.readFileSync(path.join(e.parentPath, e.name), 'utf8'))
        .join('\n');
      return text.includes('"no-colon-here" is not space:externalId') &&
        text.includes(`Not a CogniteFile node: {"space":"${space}"}`)
        ? true
        : undefined;
    });
    assert.equal(vscode.window.tabGroups.all.flatMap((g) => g.tabs).length, 0);
  });

  it('a space that does not exist opens nothing (its sentence: open-missing-node.e2e)', async () => {
    await vscode.commands.executeCommand('cdfFiles.openNode', 'no_such_space:open-attack');
    assert.equal(vscode.window.tabGroups.all.flatMap((g) => g.tabs).length, 0);
  });
});

describe('Open File Record by Id: hostile names and ids', () => {
  let emulator: Emulator;

  before(async () => {
    emulator = await openDemo(await activateExtension());
  });
  afterEach(closeAllEditors);

  const create = async (name: string, externalId: string): Promise<number> => {
    const res = await fetch(`${emulator.apiBase}/files`, {
      method: 'POST',
      headers: { authorization: `Bearer ${emulator.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name, externalId }),
    });
    assert.equal(res.status, 201);
    return ((await res.json()) as { id: number }).id;
  };
  const openedId = async (typed: string) => {
    await vscode.commands.executeCommand('cdfFiles.openFileById', typed);
    return await waitFor(`the file record ${JSON.stringify(typed)}`, () => {
      const doc = vscode.window.activeTextEditor?.document;
      return doc?.uri.scheme === 'cdf-record' ? (JSON.parse(doc.getText()) as { id: number }).id : undefined;
    });
  };

  it('a file named with an emoji across the cut and an RTL override opens by id and by external id', async () => {
    const id = await create('b'.repeat(119) + '😀\u202Etxt.exe', 'open-attack:100% /a?b#c ü');
    assert.equal(await openedId(String(id)), id);
    const label = tabLabel();
    assert.doesNotThrow(() => encodeURIComponent(label), JSON.stringify(label.slice(-20)));
    assert.doesNotMatch(label, /\u202e/);
    await closeAllEditors();
    assert.equal(await openedId('open-attack:100% /a?b#c ü'), id);
  });

  it('an external id typed with spaces around opens that file, not the one without them', async () => {
    const plain = await create('plain.pdf', 'open-attack-spaced');
    const spaced = await create('spaced.pdf', ' open-attack-spaced ');
    assert.equal(await openedId(' open-attack-spaced '), spaced);
    await closeAllEditors();
    assert.equal(await openedId('open-attack-spaced'), plain);
  });
});

describe('tree rows show a hostile name as its tab does', () => {
  let api: ExtensionApi;

  before(async () => {
    api = await activateExtension();
    await openDemo(api);
  });

  const spoof = 'invoice\u202Efdp.exe';
  const labelOf = (item: vscode.TreeItem) => (typeof item.label === 'string' ? item.label : (item.label?.label ?? ''));

  it('a file row: no bidi control in its label or its external id, a control character visible as _', () => {
    const record = { id: 1, name: `${spoof}\u0007`, externalId: `ext\u202Eid`, uploaded: false } as never;
    const item = api.tree.getTreeItem({ kind: 'file', id: 'hostile/1', record } as never);
    assert.equal(labelOf(item), 'invoicefdp.exe_');
    assert.equal(item.description, 'extid');
  });

  it('a node row: no bidi control in its label or its externalId', () => {
    const node = {
      ...asRow({ space: 'hostile', externalId: `n\u2067ode` }, spoof),
      version: 1,
      createdTime: 0,
      lastUpdatedTime: 0,
    };
    const item = api.tree.getTreeItem({ kind: 'cogniteFile', id: 'hostile/n', node } as never);
    assert.equal(labelOf(item), 'invoicefdp.exe');
    assert.equal(item.description, 'node');
  });
});
