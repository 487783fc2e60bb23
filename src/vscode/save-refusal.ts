import * as vscode from 'vscode';

/**
 * The error a refused save throws from `writeFile`. VS Code always says "Failed to save '<name>':
 * Unable to write file '<uri>' (<error>)", where <error> is the error's `toString()`, that is
 * "<name>: <message>". Every `FileSystemError` factory names itself ("NoPermissions
 * (FileSystemError)", "Unavailable (FileSystemError)", "Unknown (FileSystemError)") and none gets a
 * gentler notification for a non-`file:` resource, so the name is emptied: the parenthesis then holds
 * only our sentence. The Problems panel keeps the detail.
 */
export function saveRefused(message: string): vscode.FileSystemError {
  const error = new vscode.FileSystemError(message);
  error.name = '';
  return error;
}

/** "1 problem", "3 problems". */
export const problemCount = (n: number): string =>
  n === 1 ? vscode.l10n.t('1 problem') : vscode.l10n.t('{0} problems', n);

/**
 * A save the user cancelled must not read as a failure. A `writeFile` that throws always gets VS
 * Code's red "Failed to save" with Revert one click away, so writeFile returns instead and, once VS
 * Code has marked the document saved, this makes it dirty again: a space typed and deleted at the
 * end, merged into the user's last undo step so Undo still undoes what they typed. (Moving the
 * version during the save would keep the editor dirty too, but the extension host would still be
 * told the document is saved, and its `isDirty` would be wrong until the next save.)
 * Returns false when the document is not open (nothing to keep).
 */
export async function keepUnsaved(uri: vscode.Uri): Promise<boolean> {
  const same = (d: vscode.TextDocument) => d.uri.toString() === uri.toString();
  const editor = vscode.window.visibleTextEditors.find((e) => same(e.document));
  const doc = editor?.document ?? vscode.workspace.textDocuments.find(same);
  if (!doc) return false;
  const end = doc.lineAt(doc.lineCount - 1).range.end;
  const added = new vscode.Range(end, end.translate(0, 1));
  if (editor) {
    const merge = { undoStopBefore: false, undoStopAfter: false };
    return (await editor.edit((b) => b.insert(end, ' '), merge)) && (await editor.edit((b) => b.delete(added), merge));
  }
  const insert = new vscode.WorkspaceEdit();
  insert.insert(uri, end, ' ');
  const remove = new vscode.WorkspaceEdit();
  remove.delete(uri, added);
  return (await vscode.workspace.applyEdit(insert)) && (await vscode.workspace.applyEdit(remove));
}
