import * as vscode from 'vscode';
import { planSave } from '../core/diff';
import { FILE_SCHEME } from './command-ids';
import type { RecordFileSystem } from './record-fs';
import type { SaveDiagnostics } from './save-diagnostics';

/**
 * After a save was refused, keep its problems current while the user fixes them: re-validate on
 * every edit and drop each problem as soon as it is gone (the schema's own squiggles come from VS Code's JSON service).
 */
export function watchLiveProblems(fs: RecordFileSystem, diagnostics: SaveDiagnostics): vscode.Disposable {
  // One timer per document: edits in another record must not cancel this one's re-check.
  const timers = new Map<string, NodeJS.Timeout>();
  return vscode.workspace.onDidChangeTextDocument((e) => {
    const doc = e.document;
    if (doc.uri.scheme !== FILE_SCHEME || !diagnostics.has(doc.uri)) return;
    if (
      diagnostics
        .get(doc.uri)
        .some((d) => typeof d.code === 'string' && (d.code.startsWith('api-') || d.code === 'network'))
    )
      return;
    const key = doc.uri.toString();
    clearTimeout(timers.get(key));
    timers.set(
      key,
      setTimeout(() => {
        timers.delete(key);
        const base = fs.baseOf(doc.uri);
        if (!base) return;
        const plan = planSave(base, doc.getText());
        if (plan.ok) diagnostics.clear(doc.uri);
        else diagnostics.showProblems(doc.uri, doc.getText(), plan.problems);
      }, 250),
    );
  });
}
