import * as fs from 'node:fs';
import * as vscode from 'vscode';
import type { FileRecord } from '../../cdf/model';
import { classicBulkSource } from '../../app';
import { CLASSIC_FILE_BULK } from '../../core/classic-file';
import { csvImportNotes, parseChangesCsv } from '../../core/bulk';
import {
  csvProblemsMessage,
  csvProblemsSentence,
  exportTarget,
  missingRowsMessage,
  planImport,
  type BulkTarget,
  type ExportFormat,
} from '../../core/bulk';
import type { ProjectSession } from '../sessions';
import type { FilesTreeProvider } from '../tree/files-tree';
import type { BulkController } from './bulk-controller';
import { withNotificationProgress } from './notification-progress';
import { exportTitle, importTitle } from './operation-wizard';
import { selectionTarget, targetOfView } from './target-picker';

export interface ExportRequest {
  format?: ExportFormat;
  uri?: vscode.Uri;
}

/**
 * Export the selection, or every file the view shows, to JSON Lines or CSV (core's `exportTarget`),
 * streamed to disk page by page.
 */
export async function exportFiles(
  session: ProjectSession,
  tree: FilesTreeProvider,
  selection: readonly FileRecord[],
  request: ExportRequest,
): Promise<number | undefined> {
  // Without a selection, what the view shows: with a name search, exactly the files it found.
  const target = selection.length ? selectionTarget(selection) : (await targetOfView(session, tree)).target;
  const format = request.format ?? (await pickFormat(target));
  if (!format) return undefined;
  const uri = request.uri ?? (await pickExportFile(target, format));
  if (!uri) return undefined;
  const title = vscode.l10n.t('Exporting {0}…', target.label);
  const exported = await withNotificationProgress({ title, cancellable: true }, async (progress, token) => {
    const abort = new AbortController();
    token.onCancellationRequested(() => abort.abort());
    const onCount = (n: number) => progress.report({ message: vscode.l10n.t('{0} files', n) });
    return writeExport(uri, (write) =>
      exportTarget(classicBulkSource(session.api), target, format, write, { signal: abort.signal, onCount }),
    );
  });
  // After the progress notification has gone, so the two are never shown together.
  void vscode.window.showInformationMessage(vscode.l10n.t('Exported {0} file records to {1}', exported, uri.fsPath));
  return exported;
}

async function pickFormat(target: BulkTarget): Promise<ExportFormat | undefined> {
  const choices = [
    {
      label: 'JSON Lines',
      description: vscode.l10n.t('one record per line, as the API returns it'),
      format: 'jsonl' as const,
    },
    { label: 'CSV', description: vscode.l10n.t('one column per field and per metadata key'), format: 'csv' as const },
  ];
  return (
    await vscode.window.showQuickPick(choices, {
      title: exportTitle(1, target.label),
      placeHolder: vscode.l10n.t('Which format?'),
    })
  )?.format;
}

function pickExportFile(target: BulkTarget, format: ExportFormat): Thenable<vscode.Uri | undefined> {
  return vscode.window.showSaveDialog({
    title: exportTitle(2, target.label),
    defaultUri: vscode.Uri.joinPath(
      vscode.workspace.workspaceFolders?.[0]?.uri ?? vscode.Uri.file(process.cwd()),
      `cdf-files.${format}`,
    ),
    filters: format === 'csv' ? { CSV: ['csv'] } : { 'JSON Lines': ['jsonl'] },
  });
}

/** A local file is streamed; any other file system gets the whole text at the end. */
async function writeExport(uri: vscode.Uri, run: (write: (text: string) => Promise<void>) => Promise<number>) {
  const stream = uri.scheme === 'file' ? fs.createWriteStream(uri.fsPath) : undefined;
  const chunks: string[] = [];
  let count: number;
  try {
    count = await run(async (text) => {
      if (stream) await new Promise<void>((resolve, reject) => stream.write(text, (e) => (e ? reject(e) : resolve())));
      else chunks.push(text);
    });
  } finally {
    if (stream) await new Promise<void>((resolve) => stream.end(resolve));
  }
  if (!stream) await vscode.workspace.fs.writeFile(uri, Buffer.from(chunks.join(''), 'utf8'));
  return count;
}

/**
 * Import a CSV of changes (a column `id` or `externalId`, plus the columns to change): every cell is
 * checked first (row and column named), then the files are read and planned (core's `planImport`),
 * previewed and applied like any bulk action.
 */
export async function importCsv(
  session: ProjectSession,
  bulk: BulkController,
  request: { uri?: vscode.Uri; confirm?: boolean },
) {
  bulk.jobs.refuseWhileRunning();
  const uri =
    request.uri ??
    (
      await vscode.window.showOpenDialog({
        title: importTitle(vscode.l10n.t('A CSV of changes: id or externalId, and the columns to change')),
        filters: { CSV: ['csv'] },
      })
    )?.[0];
  if (!uri) return undefined;
  const parsed = parseChangesCsv(
    CLASSIC_FILE_BULK,
    Buffer.from(await vscode.workspace.fs.readFile(uri)).toString('utf8'),
  );
  const fileName = uri.path.split('/').pop() ?? '';
  if (parsed.problems.length) {
    // The list beside, the notification one sentence: a long message is cut mid-word there.
    await bulk.showDocument('csv-problems', csvProblemsMessage(parsed.problems, fileName));
    throw new Error(csvProblemsSentence(parsed.problems, fileName));
  }
  const { target, plan } = await planImport(classicBulkSource(session.api), parsed, fileName);
  const missing = plan.missing.length ? [missingRowsMessage(parsed, plan.missing, fileName)] : [];
  for (const m of missing) void vscode.window.showWarningMessage(m);
  return bulk.applyPlan(target, plan, request.confirm !== false, [
    ...missing,
    ...csvImportNotes(CLASSIC_FILE_BULK, parsed),
  ]);
}
