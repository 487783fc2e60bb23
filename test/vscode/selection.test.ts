import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../src/extension';
import type { FileRecord } from '../../src/cdf/model';
import { activateExtension, cdfDiagnostics, closeAllEditors, fileNodes, openDemo, setText, waitFor } from './helpers';

describe('edit a selection of files as one JSON document', () => {
  let api: ExtensionApi;
  before(async () => {
    api = await activateExtension();
    await openDemo(api);
  });
  after(closeAllEditors);

  it('opens the selected records as an array, and saving sends one batched update of the changes', async () => {
    await vscode.commands.executeCommand('cdfFiles.groupBy', 'flat');
    const files = fileNodes(await api.tree.getChildren())
      .filter((f) => !f.record.instanceId)
      .slice(0, 3);
    await vscode.commands.executeCommand('cdfFiles.editSelectionAsJson', files[0], files);
    const doc = vscode.window.activeTextEditor!.document;
    assert.match(doc.uri.toString(), /^cdf-record:\/demo\/selection\/.+\/3%20files\.json$/);
    const docs = JSON.parse(doc.getText()) as FileRecord[];
    assert.deepEqual(
      docs.map((d) => d.id),
      files.map((f) => f.record.id),
    );

    const emulator = api.sessions.active!.demo!;
    docs[0]!.source = 'From the selection';
    docs[2]!.directory = '/selection/edited';
    await setText(doc, JSON.stringify(docs, null, 2) + '\n');
    emulator.clearRequests();
    assert.ok(await doc.save());
    const updates = emulator.requests.filter((r) => r.path.endsWith('/files/update'));
    assert.deepEqual(
      updates.map((u) => u.body),
      [
        {
          items: [
            { id: files[0]!.record.id, update: { source: { set: 'From the selection' } } },
            { id: files[2]!.record.id, update: { directory: { set: '/selection/edited' } } },
          ],
        },
      ],
    );
    const after = await api.sessions.active!.api.retrieveFiles(files.map((f) => f.record.id));
    assert.equal(after[0]!.source, 'From the selection');
    assert.equal(after[2]!.directory, '/selection/edited');
    await waitFor(
      'the document shows the saved records',
      () => JSON.parse(doc.getText())[0].lastUpdatedTime === after[0]!.lastUpdatedTime,
    );
  });

  it('refuses an invalid element with a diagnostic on its line and sends nothing', async () => {
    const doc = vscode.window.activeTextEditor!.document;
    const docs = JSON.parse(doc.getText()) as Record<string, unknown>[];
    docs[1]!.mimeType = 42;
    await setText(doc, JSON.stringify(docs, null, 2) + '\n');
    const emulator = api.sessions.active!.demo!;
    emulator.clearRequests();
    assert.equal(await doc.save(), false);
    assert.equal(emulator.requests.filter((r) => r.path.endsWith('/files/update')).length, 0);
    const [d] = cdfDiagnostics(doc.uri);
    assert.ok(d);
    assert.match(d.message, /\$\[1\]\.mimeType/);
    assert.match(doc.lineAt(d.range.start.line).text, /"mimeType": 42/);
  });

  it('refuses two elements with swapped ids at both ids and sends nothing', async () => {
    const doc = vscode.window.activeTextEditor!.document;
    const docs = JSON.parse(doc.getText()) as Record<string, unknown>[];
    delete docs[1]!.mimeType;
    for (const d of docs)
      for (const field of ['name', 'uploaded', 'uploadedTime', 'createdTime', 'lastUpdatedTime']) delete d[field];
    const [first, second] = [docs[0]!.id, docs[1]!.id];
    [docs[0]!.id, docs[1]!.id] = [second, first];
    docs[0]!.source = 'meant for the first file';
    await setText(doc, JSON.stringify(docs, null, 2) + '\n');
    const emulator = api.sessions.active!.demo!;
    emulator.clearRequests();
    assert.equal(await doc.save(), false);
    assert.equal(emulator.requests.filter((r) => r.path.endsWith('/files/update')).length, 0);
    const diagnostics = cdfDiagnostics(doc.uri);
    // The ids, and each element as a whole: its read-only fields (its identity evidence) are gone.
    assert.deepEqual(
      diagnostics.filter((d) => !/has lost its read-only fields/.test(d.message)).map((d) => doc.getText(d.range)),
      [String(second), String(first)],
    );
    assert.equal(diagnostics.filter((d) => /has lost its read-only fields/.test(d.message)).length, docs.length);
  });

  it('titles a selection of one file in the singular', async () => {
    const [file] = fileNodes(await api.tree.getChildren()).filter((f) => !f.record.instanceId);
    const uri = await vscode.commands.executeCommand<vscode.Uri>('cdfFiles.editSelectionAsJson', file, [file]);
    assert.ok(uri.path.endsWith('/1 file.json'), uri.path);
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), uri.toString());
  });
});
