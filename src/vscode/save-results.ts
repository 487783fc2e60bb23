import * as vscode from 'vscode';
import { describeFailure } from '../app';
import { CdfApiError } from '../cdf/client';
import type { ItemFailure, ItemOutcome } from '../core/ports';
import type { FileUpdateItem } from '../cdf/model';
import type { SaveRecordsOutcome } from '../core/save';
import type { SaveDiagnostics } from './save-diagnostics';
import { saveRefused } from './save-refusal';
import type { SaveDone } from './uri-handler';

/** What a save reports through: the Problems panel and the log. */
export interface SaveReporter {
  diagnostics: SaveDiagnostics;
  log: vscode.LogOutputChannel;
}

type Settled = 'cancelled' | 'unchanged' | Extract<SaveRecordsOutcome, { kind: 'done' }>;

/**
 * Runs the one save of a document of any kind and turns a refusal into the error that keeps the
 * text dirty: problems at their fields, a failure said by {@link describeFailure}.
 */
export async function runSave(
  reporter: SaveReporter,
  uri: vscode.Uri,
  text: string,
  what: 'document' | 'selection',
  save: () => Promise<SaveRecordsOutcome>,
): Promise<Settled> {
  let outcome: SaveRecordsOutcome;
  try {
    outcome = await save();
  } catch (err) {
    if (err instanceof vscode.FileSystemError) throw err;
    const failure = describeFailure(err);
    reporter.log.error(`save of ${uri.toString()} failed: ${failure.logDetail}`);
    reporter.diagnostics.showApiFailure(uri, text, failure);
    throw saveRefused(failure.message);
  }
  switch (outcome.kind) {
    case 'invalid':
      throw reporter.diagnostics.refuse(uri, text, outcome.problems, what);
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
 * merge brought in, and refuses (keeping the text) when a record was not applied.
 */
export function reportDone(reporter: SaveReporter, uri: vscode.Uri, done: SaveDone, notice: (t: string) => void) {
  for (const r of done.results)
    if (r.status === 'saved')
      reporter.log.info(`saved file ${r.record.id}: ${JSON.stringify(r.sent?.update)}${r.merged ? ' (merged)' : ''}`);
  const merged = done.results.filter((r) => r.broughtIn.length);
  // The document is about to show values the user did not type: say whose they are.
  if (merged.length) {
    const fields =
      done.results.length === 1
        ? merged[0]!.broughtIn.join(', ')
        : merged.map((r) => `${r.record.name}: ${r.broughtIn.join(', ')}`).join('; ');
    notice(vscode.l10n.t("Saved, merged with someone else's change to {0} in CDF.", fields));
  }
  const notApplied = (done.report?.items ?? []).filter((o) => o.outcome !== 'applied' || !o.record);
  if (!notApplied.length) {
    reporter.diagnostics.clear(uri);
    return;
  }
  const report = done.report!;
  reporter.log.warn(`save of ${uri.toString()}: ${report.total - notApplied.length} applied, ${notApplied.length} not`);
  throw saveRefused(
    vscode.l10n.t(
      '{0} of {1} changed files saved; {2} not: {3}. Your edits are kept; save again to retry them.',
      report.total - notApplied.length,
      report.total,
      notApplied.length,
      notApplied.slice(0, 5).map(reasonOf).join('; '),
    ),
  );
}

/** Why one item was not applied, in the words of a single record's failure. */
function reasonOf(o: ItemOutcome): string {
  const file = vscode.l10n.t('file {0}', idOf(o.item));
  switch (o.outcome) {
    case 'failed':
      return `${file}: ${describeFailure(asError(o.item, o.failure)).message}`;
    case 'unknown':
      return `${file}: ${vscode.l10n.t('no answer ({0})', o.why)}`;
    case 'notSent':
      return `${file}: ${vscode.l10n.t('not sent')}`;
    case 'applied':
      return `${file}: ${vscode.l10n.t('no answer')}`;
  }
}

/**
 * An item's refusal as the error of a request that held only this item, so that it is said in the
 * words of a single record's failure. Without a status the client refused the item itself.
 */
function asError(item: FileUpdateItem, failure: ItemFailure): Error {
  if (failure.status === undefined) return new Error(failure.message);
  const externalId = item.update.externalId && 'set' in item.update.externalId ? item.update.externalId.set : undefined;
  return new CdfApiError({
    status: failure.status,
    message: failure.message,
    request: { method: 'POST', path: '/files/update' },
    requestId: failure.requestId,
    missing: failure.reason === 'missing' && 'id' in item ? [{ id: item.id }] : undefined,
    duplicated: failure.reason === 'duplicated' && externalId ? [{ externalId }] : undefined,
  });
}

const idOf = (item: FileUpdateItem): string => ('id' in item ? String(item.id) : '?');
