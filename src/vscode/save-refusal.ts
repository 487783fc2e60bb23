import * as vscode from 'vscode';
import { refusalSentence as sentence, type RefusalProblem } from '../core/save';
import { editorKindOf } from './record-kinds';

/**
 * The error a refused save throws from `writeFile`. VS Code's file service wraps every error a
 * provider's `writeFile` throws as "Unable to write file '<uri>' (<error>)", <error> being the
 * error's `toString()` ("<name>: <message>"), and its save-error notification says "Failed to save
 * '<tab>': <that>" with Retry, Save As… and Revert. No `FileSystemError` kind reads better: only
 * FileExists-on-mtime ("the content of the file is newer", Compare/Overwrite), a write lock ("File
 * is read-only. Select 'Overwrite'") and NoPermissions on a `file:` resource (retry as admin) get
 * their own words, each untrue here, and Save As… is offered for every kind (VS Code 1.100). So the
 * error is the generic one with its name emptied: the parenthesis then holds only our sentence.
 * Not throwing would avoid the notification but lose the edits of an editor closed with "Save".
 */
export function saveRefused(message: string): vscode.FileSystemError {
  const error = new vscode.FileSystemError(message);
  error.name = '';
  return error;
}

/**
 * Why a save of the document at `uri` is refused (or would be), in one sentence naming the file and
 * the field. VS Code wraps a refused save's sentence in "Failed to save '<tab>': Unable to write file
 * '<uri>' (...)" whatever the error (its file service wraps every provider error), so this sentence
 * is the part we control.
 */
export const refusalSentence = (
  uri: vscode.Uri,
  text: string,
  problems: readonly RefusalProblem[],
  sent: 'was' | 'would be',
): string => sentence(editorKindOf(uri).kind, fileNameOf(uri), text, problems, sent);

/** A record document's tab reads "<name>.json"; a selection's "<n> files.json". */
const fileNameOf = (uri: vscode.Uri): string => (uri.path.split('/').pop() ?? '').replace(/\.json$/, '');

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
