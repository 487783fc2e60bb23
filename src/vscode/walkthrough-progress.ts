import * as vscode from 'vscode';
import { FILE_SCHEME } from './command-ids';
import type { RecordFileSystem } from './record-fs';
import type { UpdatePreview } from './editor/update-preview';

/**
 * The walkthrough's steps that no single command marks done ("open a record", "change and save it",
 * "preview an update": its button may run with no record open and show nothing) complete on these
 * context keys; VS Code remembers a completed step, so each key is set once.
 */
export const WALKTHROUGH_CONTEXT = {
  recordOpened: 'cdfFiles.walkthrough.recordOpened',
  recordSaved: 'cdfFiles.walkthrough.recordSaved',
  previewShown: 'cdfFiles.walkthrough.previewShown',
} as const;

export function trackWalkthroughProgress(fs: RecordFileSystem, preview: UpdatePreview): vscode.Disposable {
  const done = new Set<string>();
  const mark = (key: string): void => {
    if (done.has(key)) return;
    done.add(key);
    void vscode.commands.executeCommand('setContext', key, true);
  };
  const isRecord = (doc: vscode.TextDocument): boolean => doc.uri.scheme === FILE_SCHEME;
  if (vscode.workspace.textDocuments.some(isRecord)) mark(WALKTHROUGH_CONTEXT.recordOpened);
  return vscode.Disposable.from(
    vscode.workspace.onDidOpenTextDocument((doc) => {
      if (isRecord(doc)) mark(WALKTHROUGH_CONTEXT.recordOpened);
    }),
    fs.onDidSaveRecords(() => mark(WALKTHROUGH_CONTEXT.recordSaved)),
    preview.onDidShowPreview(() => mark(WALKTHROUGH_CONTEXT.previewShown)),
  );
}
