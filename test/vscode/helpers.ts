import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../src/extension';
import type { FileRecord } from '../../src/cdf/model';
import type { TreeNode, FileNode } from '../../src/vscode/tree/nodes';

export const EXTENSION_ID = 'cdf-tools.cdf-files';

export async function activateExtension(): Promise<ExtensionApi> {
  const ext = vscode.extensions.getExtension<ExtensionApi>(EXTENSION_ID);
  assert.ok(ext, `${EXTENSION_ID} is loaded`);
  return ext.activate();
}

/** Opens the demo project (the in-process emulator) once per run and returns its emulator. */
export async function openDemo(api: ExtensionApi) {
  if (!api.sessions.active?.demo) await vscode.commands.executeCommand('cdfFiles.openDemo');
  const emulator = api.sessions.active?.demo;
  assert.ok(emulator, 'the demo session exposes its emulator');
  return emulator;
}

export async function waitFor<T>(
  what: string,
  probe: () => T | undefined | Promise<T | undefined>,
  ms = 10000,
): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The problems this extension reports for a document (the JSON language's own are left out). */
export const cdfDiagnostics = (uri: vscode.Uri): vscode.Diagnostic[] =>
  vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'CDF Files');

export const fileNodes = (nodes: TreeNode[]): FileNode[] => nodes.filter((n): n is FileNode => n.kind === 'file');

/** Replace the whole text of an open document, as a user would by editing it. */
export async function setText(doc: vscode.TextDocument, text: string): Promise<void> {
  const edit = new vscode.WorkspaceEdit();
  edit.replace(doc.uri, new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length)), text);
  assert.ok(await vscode.workspace.applyEdit(edit));
}

/** Edit the document's JSON value with a function, keeping the rendered layout (2 spaces). */
export async function editJson(
  doc: vscode.TextDocument,
  change: (value: Record<string, unknown>) => void,
): Promise<void> {
  const value = JSON.parse(doc.getText()) as Record<string, unknown>;
  change(value);
  await setText(doc, JSON.stringify(value, null, 2) + '\n');
}

export async function closeAllEditors(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

export function pickRecord(records: FileRecord[], test: (r: FileRecord) => boolean, what: string): FileRecord {
  const found = records.find(test);
  assert.ok(found, `the demo data has ${what}`);
  return found;
}

/**
 * Stands in for the user where a save asks and tells (see ExtensionApi.user): each modal question is
 * answered by pressing `button` (none: dismissed, as its Cancel does), every note is kept. The
 * caller gives the window back with `api.user.use(undefined)`.
 */
export function standIn(api: ExtensionApi, button?: string) {
  const seen = { questions: [] as string[], notes: [] as string[] };
  api.user.use({
    askModal: (question, _detail, buttons) => {
      seen.questions.push(question);
      if (button !== undefined)
        assert.ok(buttons.includes(button), `the modal offers ${button}: ${buttons.join(', ')}`);
      return Promise.resolve(button);
    },
    note: (text) => seen.notes.push(text),
  });
  return seen;
}
