import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../src/extension';
import { activateExtension, cdfDiagnostics, closeAllEditors, fileNodes, openDemo, setText, waitFor } from './helpers';

/** Every editor feature of a record works in each element of an "Edit Selection as JSON" document. */
describe('a selection document is edited like a record', () => {
  let api: ExtensionApi;
  let doc: vscode.TextDocument;
  before(async () => {
    api = await activateExtension();
    await openDemo(api);
    await vscode.commands.executeCommand('cdfFiles.groupBy', 'flat');
    const files = fileNodes(await api.tree.getChildren())
      .filter((f) => !f.record.instanceId)
      .slice(3, 6);
    await vscode.commands.executeCommand('cdfFiles.editSelectionAsJson', files[0], files);
    doc = vscode.window.activeTextEditor!.document;
  });
  after(closeAllEditors);

  const edit = async (change: (docs: Record<string, unknown>[]) => void) => {
    const docs = JSON.parse(doc.getText()) as Record<string, unknown>[];
    change(docs);
    await setText(doc, JSON.stringify(docs, null, 2) + '\n');
  };
  /** The completion labels offered at the first line of element `index` that matches `line`, after `after`. */
  const completionsAt = async (index: number, line: RegExp, after: string) => {
    const lines = doc.getText().split('\n');
    const starts = lines.flatMap((l, i) => (/^ {2}\{/.test(l) ? [i] : []));
    const at = lines.findIndex((l, i) => i > starts[index]! && line.test(l));
    const col = lines[at]!.indexOf(after) + after.length;
    const list = await vscode.commands.executeCommand<vscode.CompletionList>(
      'vscode.executeCompletionItemProvider',
      doc.uri,
      new vscode.Position(at, col),
    );
    return list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
  };

  it('completes data sets, labels and assets in every element', async () => {
    await edit((d) => {
      d[1]!.dataSetId = null;
      d[2]!.labels = [''];
      d[2]!.assetIds = [0];
    });
    const dataSets = await api.sessions.active!.api.listDataSets();
    const offered = await completionsAt(1, /"dataSetId"/, ': ');
    for (const d of dataSets)
      assert.ok(offered.includes(String(d.id)), `data set ${d.id} offered: ${offered.join(', ')}`);
    const labels = await api.sessions.active!.api.listLabels();
    const labelLine = await completionsAt(2, /^ {6}""/, '      "');
    assert.ok(labelLine.includes(labels[0]!.externalId), `label offered: ${labelLine.join(', ')}`);
    const assets = await completionsAt(2, /^ {6}0$/, '      0');
    assert.ok(assets.length > 0, 'assets offered');
  });

  it('marks an edit the API would refuse while typing, at its element', async () => {
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await edit((d) => (d[1]!.name = 'renamed in a selection.pdf'));
    const found = await waitFor('a live problem', () => {
      const d = cdfDiagnostics(doc.uri);
      return d.length ? d : undefined;
    });
    assert.deepEqual(
      found.map((d) => d.code),
      ['name-not-updatable'],
    );
    assert.match(doc.lineAt(found[0]!.range.start.line).text, /renamed in a selection/);
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', doc.uri);
    assert.ok(
      lenses.some((l) => l.command?.title.endsWith('1 problem: nothing would be sent')),
      lenses.map((l) => l.command?.title).join(' | '),
    );
  });

  it('previews the exact request body that saving the selection would send', async () => {
    await vscode.commands.executeCommand('workbench.action.files.revert');
    const ids = (JSON.parse(doc.getText()) as { id: number }[]).map((e) => e.id);
    await edit((d) => {
      d[0]!.mimeType = 'application/x-first';
      d[2]!.source = 'third';
    });
    const emulator = api.sessions.active!.demo!;
    emulator.clearRequests();
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', doc.uri);
    assert.ok(lenses.some((l) => l.command?.command === 'cdfFiles.previewUpdate' && /mimeType/.test(l.command.title)));
    await vscode.commands.executeCommand('cdfFiles.previewUpdate', doc.uri);
    const preview = await waitFor('the preview', () =>
      vscode.workspace.textDocuments.find(
        (d) =>
          d.uri.scheme === 'cdf-view' && /selection/.test(d.uri.path) && d.uri.path.endsWith('.update-request.json'),
      ),
    );
    assert.deepEqual(JSON.parse(preview.getText()), {
      items: [
        { id: ids[0], update: { mimeType: { set: 'application/x-first' } } },
        { id: ids[2], update: { source: { set: 'third' } } },
      ],
    });
    assert.equal(emulator.requests.length, 0, 'a preview sends nothing');
  });

  it('says why CDF refused a save as it does for a record, at the Problems panel', async () => {
    await vscode.commands.executeCommand('workbench.action.files.revert');
    const docs = JSON.parse(doc.getText()) as Record<string, unknown>[];
    const gone = docs[0]!.id as number;
    await edit((d) => (d[0]!.source = 'for a deleted file'));
    api.sessions.active!.demo!.store.files.delete(gone);
    assert.equal(await doc.save(), false);
    assert.ok(doc.isDirty, 'the edits are kept');
    const [d] = cdfDiagnostics(doc.uri);
    assert.ok(d, 'a problem is shown');
    assert.match(d.message, /no longer exists in CDF/);
    // Which file, and on its element's line, so the user can find it among the selection's files.
    assert.match(d.message, new RegExp(`File ${gone}\\b`));
    const idLine = doc
      .getText()
      .split('\n')
      .findIndex((l) => l.includes(`"id": ${gone},`));
    assert.equal(d.range.start.line, idLine, "the problem is on the deleted element's id");
  });
});
