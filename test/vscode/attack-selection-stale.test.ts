/**
 * Attack (issue 11: "every editor feature works the same in a record and in a selection"; the honest
 * stat): an open, clean record document reloads when a bulk action changes its file (refreshViews ->
 * recordChanged), but a selection document is never told: neither a bulk run nor a save of the same
 * file elsewhere reaches SelectionFiles (recordChanged returns early for anything but a record URI).
 * Here the record document of a file is saved while an unedited selection of the same file is open:
 * the selection keeps showing the old value (and its stat the old mtime) for as long as it stays open.
 * Likewise a save of the selection leaves an open clean record document of that file stale.
 * Expected: a clean selection document shows the newer record, as a clean record document does.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../src/extension';
import type { FileRecord } from '../../src/cdf/model';
import { recordUri } from '../../src/vscode/record-uri';
import { activateExtension, closeAllEditors, editJson, fileNodes, openDemo, waitFor } from './helpers';

describe('attack: a clean selection document learns of a newer record', () => {
  let api: ExtensionApi;
  before(async () => {
    api = await activateExtension();
    await openDemo(api);
  });
  after(closeAllEditors);

  it('saving the record document of a file updates the open, unedited selection of it', async () => {
    await vscode.commands.executeCommand('cdfFiles.groupBy', 'flat');
    const files = fileNodes(await api.tree.getChildren())
      .filter((f) => !f.record.instanceId)
      .slice(0, 2);
    await vscode.commands.executeCommand('cdfFiles.editSelectionAsJson', files[0], files);
    const selection = vscode.window.activeTextEditor!.document;
    assert.ok(!selection.isDirty);
    const first = files[0]!.record;
    const recordDoc = await vscode.workspace.openTextDocument(recordUri('demo', first.id, first.name));
    await vscode.window.showTextDocument(recordDoc, { preview: false });
    await editJson(recordDoc, (v) => (v.source = 'saved in the record document'));
    assert.ok(await recordDoc.save());
    await waitFor(
      'the unedited selection document shows the source saved in the record document',
      () => (JSON.parse(selection.getText()) as FileRecord[])[0]!.source === 'saved in the record document',
      5000,
    );
  });

  it('saving the selection updates the open, unedited record document of a file', async () => {
    const selection = vscode.workspace.textDocuments.find((d) => d.uri.path.includes('/selection/'))!;
    const recordDoc = vscode.workspace.textDocuments.find((d) => d.uri.path.includes('/files/'))!;
    assert.ok(!recordDoc.isDirty);
    await vscode.window.showTextDocument(selection, { preview: false });
    const docs = JSON.parse(selection.getText()) as Record<string, unknown>[];
    docs[0]!.directory = '/saved/in/the/selection'; // a field the record document did not change
    const edit = new vscode.WorkspaceEdit();
    edit.replace(
      selection.uri,
      new vscode.Range(selection.positionAt(0), selection.positionAt(selection.getText().length)),
      JSON.stringify(docs, null, 2) + '\n',
    );
    assert.ok(await vscode.workspace.applyEdit(edit));
    assert.ok(await selection.save());
    await waitFor(
      'the unedited record document shows the directory saved in the selection',
      () => (JSON.parse(recordDoc.getText()) as FileRecord).directory === '/saved/in/the/selection',
      5000,
    );
  });
});
