import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../src/extension';
import { renderDocument } from '../../src/core/records';
import { activateExtension, closeAllEditors, editJson, openDemo, waitFor } from './helpers';

/** The stat describes what a read returns, at every moment: no stat made up to steer a reload. */
describe('the record file system states what it holds', () => {
  let api: ExtensionApi;
  before(async () => {
    api = await activateExtension();
    await openDemo(api);
  });
  after(closeAllEditors);

  it('after a merged save, every stat and read agree until the newer record is announced', async () => {
    const records = (await api.sessions.active!.api.listFiles({ limit: 200 })).items;
    const record = records.filter((r) => !r.instanceId && r.source)[12]!;
    await vscode.commands.executeCommand('cdfFiles.openFile', { kind: 'file', id: `t/${record.id}`, record });
    const doc = vscode.window.activeTextEditor!.document;
    assert.equal(doc.uri.scheme, 'cdf-record');
    await api.sessions.active!.api.updateFiles([{ id: record.id, update: { mimeType: { set: 'text/x-colleague' } } }]);
    await editJson(doc, (v) => (v.directory = '/honest/stat'));
    const text = doc.getText();
    // Written the way VS Code writes on save, but without the save event that announces the reload.
    await vscode.workspace.fs.writeFile(doc.uri, Buffer.from(text, 'utf8'));
    const first = await vscode.workspace.fs.stat(doc.uri);
    const second = await vscode.workspace.fs.stat(doc.uri);
    assert.deepEqual(second, first, 'two stats in a row describe the same file');
    const read = Buffer.from(await vscode.workspace.fs.readFile(doc.uri)).toString('utf8');
    assert.equal(Buffer.byteLength(read), first.size, 'the stat describes what a read returns');
  });

  it('after a merged save, the editor reads back the record CDF holds', async () => {
    const records = (await api.sessions.active!.api.listFiles({ limit: 200 })).items;
    const record = records.filter((r) => !r.instanceId && r.source)[13]!;
    await vscode.commands.executeCommand('cdfFiles.openFile', { kind: 'file', id: `t/${record.id}`, record });
    const doc = vscode.window.activeTextEditor!.document;
    await api.sessions.active!.api.updateFiles([{ id: record.id, update: { mimeType: { set: 'text/x-colleague' } } }]);
    await editJson(doc, (v) => (v.directory = '/honest/reload'));
    assert.ok(await doc.save());
    const merged = (await api.sessions.active!.api.retrieveFiles([record.id]))[0]!;
    assert.equal(merged.mimeType, 'text/x-colleague');
    await waitFor('the merged record in the editor', () => doc.getText() === renderDocument(merged));
    assert.equal(doc.isDirty, false);
  });
});
