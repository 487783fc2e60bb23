import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../src/extension';

const EXTENSION_ID = 'cdf-tools.cdf-files';

describe('activation in a real VS Code', () => {
  let api: ExtensionApi;
  before(async () => {
    const ext = vscode.extensions.getExtension<ExtensionApi>(EXTENSION_ID);
    assert.ok(ext, `${EXTENSION_ID} is loaded`);
    api = await ext.activate();
  });

  it('runs in the real extension host, not a mock', () => {
    assert.match(vscode.version, /^1\.\d+\.\d+/);
    assert.ok(api.activation.durationMs >= 0, 'activate() returned its API');
  });

  it('contributes its view container, view and commands', async () => {
    const pkg = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON;
    assert.equal(pkg.contributes.viewsContainers.activitybar[0].id, 'cdfFiles');
    const commands = await vscode.commands.getCommands(true);
    for (const id of ['cdfFiles.showLog', 'cdfFiles.openDocumentSchema']) assert.ok(commands.includes(id), id);
    // Focusing the view succeeds only when the view is contributed and resolvable.
    await vscode.commands.executeCommand('cdfFiles.files.focus');
  });

  it('registers the generated JSON Schema for record documents and opens it', async () => {
    const pkg = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON;
    const validation = pkg.contributes.jsonValidation as { fileMatch: string; url: string }[];
    assert.ok(
      validation.some((v) => v.fileMatch.startsWith('cdf-record:/') && v.url.endsWith('file-document.schema.json')),
    );
    await vscode.commands.executeCommand('cdfFiles.openDocumentSchema');
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor);
    const schemaUri = vscode.Uri.joinPath(
      vscode.extensions.getExtension(EXTENSION_ID)!.extensionUri,
      'schemas',
      'file-document.schema.json',
    );
    assert.equal(editor.document.uri.toString(), schemaUri.toString());
    const schema = JSON.parse(editor.document.getText());
    assert.equal(schema.properties.source.anyOf[0].maxLength, 128);
    assert.ok(schema.properties.metadata.markdownDescription.includes('10240'));
  });
});
