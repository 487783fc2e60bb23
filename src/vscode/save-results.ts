import * as vscode from 'vscode';
import { describeFailure, failuresOf, selectionFailureText, selectionNotSavedText } from '../app';
import type { SaveRecordsOutcome } from '../core/save';
import type { SaveDiagnostics } from './save-diagnostics';
import { editorKindOf } from './record-kinds';
import { cancellableSave } from './save-progress';
import { saveRefused } from './save-refusal';
import type { SaveDone } from './uri-handler';

/** What a save reports through: the Problems panel and the log. */
export interface SaveReporter {
  diagnostics: SaveDiagnostics;
  log: vscode.LogOutputChannel;
}

type Settled<R, U> = 'cancelled' | 'unchanged' | Extract<SaveRecordsOutcome<R, U>, { kind: 'done' }>;

/**
 * Runs the one save of a document of any kind and turns a refusal into the error that keeps the
 * text dirty: problems at their fields, a failure said by {@link describeFailure}. A slow save can be
 * cancelled (see {@link cancellableSave}).
 */
export async function runSave<R, U>(
  reporter: SaveReporter,
  uri: vscode.Uri,
  text: string,
  what: 'document' | 'selection',
  save: (signal: AbortSignal) => Promise<SaveRecordsOutcome<R, U>>,
): Promise<Settled<R, U>> {
  let outcome: SaveRecordsOutcome<R, U>;
  try {
    outcome = await cancellableSave(uri, save);
  } catch (err) {
    if (err instanceof vscode.FileSystemError) throw err;
    const failure = describeFailure(err, editorKindOf(uri).kind.noun());
    reporter.log.error(`save of ${uri.toString()} failed: ${failure.logDetail}`);
    reporter.diagnostics.showApiFailure(uri, text, failure);
    throw saveRefused(failure.message);
  }
  switch (outcome.kind) {
    case 'invalid':
      throw reporter.diagnostics.refuse(uri, text, outcome.problems);
    case 'cancelled':
      return 'cancelled';
    case 'unchanged':
      reporter.diagnostics.clear(uri);
      return 'unchanged';
    case 'done':
      return outcome;
  }
}

/**
 * After the handler has noted what its text now shows: logs what was sent, says whose values a
 * merge brought in, and refuses (keeping the text) when a record was not saved, or not surely: each
 * such record's problem goes on its line (a selection's element), in a record's words.
 */
export function reportDone(
  reporter: SaveReporter,
  uri: vscode.Uri,
  text: string,
  done: SaveDone,
  notice: (t: string) => void,
): void {
  for (const r of done.results)
    if (r.status === 'saved')
      reporter.log.info(`saved ${r.key}: ${JSON.stringify(r.sent)}${r.merged ? ' (merged)' : ''}`);
  const merged = done.results.filter((r) => r.broughtIn.length);
  // The document is about to show values the user did not type: say whose they are.
  if (merged.length) {
    const fields =
      done.results.length === 1
        ? merged[0]!.broughtIn.join(', ')
        : merged.map((r) => `${r.label}: ${r.broughtIn.join(', ')}`).join('; ');
    notice(vscode.l10n.t("Saved, merged with someone else's change to {0} in CDF.", fields));
  }
  const kind = editorKindOf(uri).kind;
  const failures = failuresOf(done.results, kind.noun());
  if (!failures.length) {
    reporter.diagnostics.clear(uri);
    return;
  }
  reporter.log.warn(
    `save of ${uri.toString()}: ${done.results.length - failures.length} saved, ${failures.length} not: ${failures.map((f) => `${f.key} ${f.code}`).join(', ')}`,
  );
  // Each problem on the line of the file it concerns: a record's field, a selection's element (a
  // record's text is no array, so it has no element places).
  const elements = done.elements;
  const single = elements.size === 0;
  const places = single ? undefined : elements;
  reporter.diagnostics.showFailures(
    uri,
    text,
    failures.map((f) => {
      const at = places?.get(f.key);
      const path = [...(at === undefined ? [] : [at]), ...(f.field ? [f.field] : at === undefined ? [] : ['id'])];
      return { path, code: f.code, message: single ? f.message : selectionFailureText(f, kind) };
    }),
  );
  if (single) throw saveRefused(failures[0]!.message);
  throw saveRefused(selectionNotSavedText(done.results.length, failures, kind));
}
