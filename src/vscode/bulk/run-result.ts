import * as vscode from 'vscode';
import type { UpdateReport } from '../../core/ports';
import { formatRunReport, summarizeRun, type ReportRow } from '../../core/bulk';
import type { RecordNouns } from '../../core/records';
import { COMMANDS } from '../command-ids';
import type { BulkDocuments } from './bulk-documents';
import type { FileRecord } from '../../cdf/model';
import type { RecordFileSystem } from '../record-fs';
import type { FilesTreeProvider } from '../tree/files-tree';

/**
 * The result of a run, with what can be done next: show or copy the report, resume what did not
 * apply, undo. An undo's result is its own report (the undone action is gone once everything is
 * restored), without Resume or Undo.
 */
export async function announce(
  report: UpdateReport<unknown, object>,
  rows: readonly ReportRow[],
  /** Whose records the rows are. */
  nouns: RecordNouns,
  kind: 'Bulk edit' | 'Import' | 'Undo',
  documents: BulkDocuments,
  showActionReport: () => Promise<void>,
): Promise<void> {
  const incomplete = report.failed.length + report.unknown.length + report.notSent.length;
  const showReport = vscode.l10n.t('Show Report');
  const copyReport = vscode.l10n.t('Copy Report');
  const resume = vscode.l10n.t('Resume');
  const undo = vscode.l10n.t('Undo');
  const actions = [showReport, copyReport];
  if (kind !== 'Undo') actions.push(...(incomplete ? [resume] : []), undo);
  const show = incomplete ? vscode.window.showWarningMessage : vscode.window.showInformationMessage;
  const message =
    kind === 'Undo'
      ? vscode.l10n.t('Undo: {0}', summarizeRun(nouns, report, 'restored'))
      : kind === 'Import'
        ? vscode.l10n.t('Import: {0}', summarizeRun(nouns, report))
        : vscode.l10n.t('Bulk edit: {0}', summarizeRun(nouns, report));
  const answer = await show(message, ...actions);
  const text = (): string =>
    formatRunReport(
      nouns,
      kind === 'Undo'
        ? vscode.l10n.t('Undo')
        : kind === 'Import'
          ? vscode.l10n.t('Import')
          : vscode.l10n.t('Bulk edit'),
      report,
      rows,
      kind === 'Undo' ? 'restored' : 'applied',
    );
  if (answer === showReport) {
    if (kind === 'Undo') await documents.show('undo-report', text());
    else await showActionReport();
  } else if (answer === copyReport) await vscode.env.clipboard.writeText(text());
  else if (answer === resume) await vscode.commands.executeCommand(COMMANDS.resumeBulk);
  else if (answer === undo) await vscode.commands.executeCommand(COMMANDS.undoBulk);
}

/** After a run: the tree loads again (files may have moved between groups); open, unedited records and selections show the new versions. */
export function refreshViews(
  tree: FilesTreeProvider,
  fs: RecordFileSystem,
  project: string,
  records: readonly object[],
  kind = 'classic-file',
): void {
  if (records.length) tree.reset();
  // Open documents of classic files learn their new versions here; a node's document checks its
  // version when it saves (the upsert names it), so nothing of it can be overwritten unseen.
  if (kind === 'classic-file') fs.recordsChanged(project, records as readonly FileRecord[]);
}
