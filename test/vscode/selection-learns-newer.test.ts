/**
 * Open documents learn of newer records (src/vscode/record-fs.ts recordsChanged): a bulk job updates
 * every open, unedited selection and record document of its files; a selection with unsaved edits
 * is left alone (its text and dirty state stay), and its save merges the other change in.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../src/extension';
import type { FileRecord } from '../../src/cdf/model';
import { recordUri } from '../../src/vscode/record-uri';
import { activateExtension, closeAllEditors, editJson, fileNodes, openDemo, setText, waitFor } from './helpers';

describe('selection documents learn of newer records', () => {
  let api: ExtensionApi;
  before(async () => {
    api = await activateExtension();
    await openDemo(api);
  });
  afterEach(closeAllEditors);

  async function openSelection(skip: number): Promise<{ selection: vscode.TextDocument; files: FileRecord[] }> {
    await vscode.commands.executeCommand('cdfFiles.groupBy', 'flat');
    const nodes = fileNodes(await api.tree.getChildren())
      .filter((f) => !f.record.instanceId)
      .slice(skip, skip + 2);
    await vscode.commands.executeCommand('cdfFiles.editSelectionAsJson', nodes[0], nodes);
    const selection = vscode.window.activeTextEditor!.document;
    return { selection, files: nodes.map((n) => n.record) };
  }
  const elements = (doc: vscode.TextDocument) => JSON.parse(doc.getText()) as FileRecord[];

  it('a bulk job updates the open, unedited selection and record documents of its files', async () => {
    const { selection, files } = await openSelection(4);
    const recordDoc = await vscode.workspace.openTextDocument(recordUri('demo', files[1]!.id, files[1]!.name));
    await vscode.window.showTextDocument(recordDoc, { preview: false });
    await vscode.commands.executeCommand('cdfFiles.bulkEdit', {
      target: { kind: 'ids', label: '2 files', refs: files.map((f) => ({ id: f.id })) },
      operations: [{ op: 'set', field: 'source', value: 'set by a bulk job' }],
      confirm: false,
    });
    await waitFor(
      'both elements of the selection show the bulk job source',
      () => elements(selection).every((e) => e.source === 'set by a bulk job'),
      5000,
    );
    await waitFor(
      'the record document shows it',
      () => (JSON.parse(recordDoc.getText()) as FileRecord).source === 'set by a bulk job',
      5000,
    );
    assert.ok(!selection.isDirty && !recordDoc.isDirty);
  });

  it('a selection with unsaved edits is left alone; its save merges the record document save in', async () => {
    const { selection, files } = await openSelection(8);
    const docs = elements(selection);
    docs[0]!.directory = '/edited/in/the/selection';
    await setText(selection, JSON.stringify(docs, null, 2) + '\n');
    const edited = selection.getText();
    const recordDoc = await vscode.workspace.openTextDocument(recordUri('demo', files[0]!.id, files[0]!.name));
    await vscode.window.showTextDocument(recordDoc, { preview: false });
    await editJson(recordDoc, (v) => (v.source = 'saved in the record document'));
    assert.ok(await recordDoc.save());
    await new Promise((resolve) => setTimeout(resolve, 500)); // time for a (wrong) reload to happen
    assert.ok(selection.isDirty, 'still dirty');
    assert.equal(selection.getText(), edited, 'the unsaved edit is kept');
    assert.ok(await selection.save());
    const [inCdf] = await api.sessions.active!.api.retrieveFiles([files[0]!.id]);
    assert.equal(inCdf!.directory, '/edited/in/the/selection');
    assert.equal(inCdf!.source, 'saved in the record document');
  });
});
