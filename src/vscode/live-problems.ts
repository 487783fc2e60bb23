import * as vscode from 'vscode';
import { isFailureCode } from '../app';
import { FILE_SCHEME } from './command-ids';
import type { RecordFileSystem } from './record-fs';
import type { SaveDiagnostics } from './save-diagnostics';
import type { ProblemCode } from '../core/problems';

/**
 * What the API would refuse although the JSON is well-formed and well-typed: the document's JSON
 * schema cannot say these, so VS Code's JSON service draws no squiggle for them. (Wrong types,
 * unknown keys and syntax errors it does flag; repeating those here would count each twice.)
 */
const ONLY_WE_SEE: ReadonlySet<ProblemCode> = new Set<ProblemCode>([
  'read-only',
  'name-not-updatable',
  'instance-linked',
  'duplicate-id',
  'duplicate-label',
  // Metadata over its total size: the schema has a limit per key and per value, none for the sum.
  'too-large',
]);

/**
 * Problems as the user types: every edit of a record or a selection re-validates it (debounced), so an edit the API
 * would refuse (a read-only field, the name, a field of a file linked to data modelling) is marked at
 * its field and counted in the Problems panel before any save. After a refused save, every problem
 * shows until it is fixed; an API refusal stays until the next save (only the API can judge it).
 */
export function watchLiveProblems(fs: RecordFileSystem, diagnostics: SaveDiagnostics): vscode.Disposable {
  // One timer per document: edits in another record must not cancel this one's re-check.
  const timers = new Map<string, NodeJS.Timeout>();
  const refusedByApi = (uri: vscode.Uri): boolean => diagnostics.get(uri).some((d) => isFailureCode(d.code));
  const check = (doc: vscode.TextDocument): void => {
    // Asked again when the timer fires: a save typed just before may have been refused by the API
    // meanwhile, and only the API can say that refusal is gone.
    if (doc.isClosed || refusedByApi(doc.uri)) return;
    // A record or a selection: the plan of its save, checked element by element.
    const plan = fs.planOf(doc.uri, doc.getText());
    if (!plan) return;
    const shown = plan.ok
      ? []
      : diagnostics.wasRefused(doc.uri)
        ? plan.problems
        : plan.problems.filter((p) => ONLY_WE_SEE.has(p.code));
    if (shown.length) diagnostics.showProblems(doc.uri, doc.getText(), shown);
    else if (plan.ok || !diagnostics.wasRefused(doc.uri)) diagnostics.clear(doc.uri);
  };
  return vscode.Disposable.from(
    vscode.workspace.onDidChangeTextDocument((e) => {
      const doc = e.document;
      if (doc.uri.scheme !== FILE_SCHEME || !e.contentChanges.length) return;
      if (refusedByApi(doc.uri)) return;
      const key = doc.uri.toString();
      clearTimeout(timers.get(key));
      timers.set(
        key,
        setTimeout(() => {
          timers.delete(key);
          check(doc);
        }, 250),
      );
    }),
    // A closed record's edits are gone (VS Code asked before discarding them): so are its problems.
    vscode.workspace.onDidCloseTextDocument((doc) => {
      if (doc.uri.scheme === FILE_SCHEME) diagnostics.clear(doc.uri);
    }),
    new vscode.Disposable(() => timers.forEach((t) => clearTimeout(t))),
  );
}
