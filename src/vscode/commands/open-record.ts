import * as vscode from 'vscode';
import { parseRecordUri, recordUri, sameRecord } from '../record-uri';

/** Opens a record's document, or focuses the editor it is already open in (whatever its name segment). */
export async function openRecord(project: string, id: number, name: string): Promise<vscode.TextEditor> {
  const open = vscode.workspace.textDocuments.find((d) => {
    const ref = parseRecordUri(d.uri);
    return ref !== undefined && sameRecord(ref, { project, id });
  });
  const uri = open?.uri ?? recordUri(project, id, name);
  const visible = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri.toString());
  return vscode.window.showTextDocument(uri, { preview: false, viewColumn: visible?.viewColumn });
}
