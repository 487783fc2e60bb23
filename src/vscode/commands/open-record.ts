import * as vscode from 'vscode';
import { parseRecordUri, recordUri, sameRecord } from '../record-uri';

/**
 * Opens a record's document, or shows the editor it is already open in (whatever its name segment).
 * `preview`: a tree click, which shows the record in the preview tab and keeps the focus in the tree.
 */
export async function openRecord(
  project: string,
  id: number,
  name: string,
  preview = false,
): Promise<vscode.TextEditor> {
  const open = vscode.workspace.textDocuments.find((d) => {
    const ref = parseRecordUri(d.uri);
    return ref !== undefined && sameRecord(ref, { project, id });
  });
  const uri = open?.uri ?? recordUri(project, id, name);
  const visible = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri.toString());
  return vscode.window.showTextDocument(uri, { preview, preserveFocus: preview, viewColumn: visible?.viewColumn });
}
