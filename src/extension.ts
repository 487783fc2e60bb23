import * as vscode from 'vscode';
import { COMMANDS, VIEWS } from './vscode/command-ids';
import { registerCommand } from './vscode/command-runner';

/** What activate() hands to the in-editor tests. */
export interface ExtensionApi {
  readonly log: vscode.LogOutputChannel;
  readonly schemaUri: vscode.Uri;
}

export function activate(context: vscode.ExtensionContext): ExtensionApi {
  const log = vscode.window.createOutputChannel('CDF Files', { log: true });
  const schemaUri = vscode.Uri.joinPath(context.extensionUri, 'schemas', 'file-document.schema.json');
  const tree = vscode.window.createTreeView(VIEWS.files, {
    treeDataProvider: { getChildren: () => [], getTreeItem: (item: vscode.TreeItem) => item },
    canSelectMany: true,
  });
  context.subscriptions.push(
    log,
    tree,
    registerCommand(COMMANDS.showLog, log, () => log.show()),
    registerCommand(COMMANDS.openSchema, log, async () => {
      const doc = await vscode.workspace.openTextDocument(schemaUri);
      await vscode.window.showTextDocument(doc, { preview: true });
    }),
  );
  log.info(`activated (VS Code ${vscode.version})`);
  return { log, schemaUri };
}

export function deactivate(): void {
  // Everything is owned by context.subscriptions.
}
