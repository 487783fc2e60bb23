import * as fs from 'node:fs';
import * as vscode from 'vscode';
import type { FileRecord } from '../../cdf/model';
import {
  createBatchContext,
  csvImportNotes,
  parseChangesCsv,
  planEach,
  planImportRow,
  csvColumns,
  csvHeader,
  csvRows,
  toJsonLine,
} from '../../core/bulk';
import {
  appendBatch,
  emptyJobPlan,
  targetMetadataKeys,
  targetPages,
  viewTarget,
  type BulkTarget,
} from '../../core/bulk-job';
import type { Sessions } from '../sessions';
import type { FilesTreeProvider } from '../tree/files-tree';
import type { BulkController } from './bulk-controller';
import { withNotificationProgress } from './notification-progress';

type Format = 'jsonl' | 'csv';
interface ExportRequest {
  format?: Format;
  uri?: vscode.Uri;
}

/**
 * Export the selection, or every file matching the tree's filter, to JSON Lines (streamed to disk
 * page by page) or CSV (one column per metadata key: a first pass reads the keys, a second streams
 * the rows). Neither holds the records of more than a few pages.
 */
export async function exportFiles(
  sessions: Sessions,
  tree: FilesTreeProvider,
  selection: FileRecord[],
  arg: unknown,
): Promise<number | undefined> {
  const session = sessions.active;
  if (!session) throw new Error(vscode.l10n.t('Open a CDF project first.'));
  const request: ExportRequest = typeof arg === 'object' && arg !== null && !('kind' in arg) ? arg : {};
  // Without a selection, what the view shows: with a name search, exactly the files it found.
  const target: BulkTarget = selection.length
    ? { kind: 'ids', label: `${selection.length} selected files`, refs: selection.map((r) => ({ id: r.id })) }
    : (
        await viewTarget(session.api, {
          filter: tree.currentFilter,
          search: tree.currentSearch,
          description: tree.description,
        })
      ).target;
  const format =
    request.format ??
    (
      await vscode.window.showQuickPick(
        [
          { label: 'JSON Lines', description: 'one record per line, as the API returns it', format: 'jsonl' as const },
          { label: 'CSV', description: 'one column per field and per metadata key', format: 'csv' as const },
        ],
        { title: vscode.l10n.t('Export {0}', target.label) },
      )
    )?.format;
  if (!format) return undefined;
  const uri =
    request.uri ??
    (await vscode.window.showSaveDialog({
      title: vscode.l10n.t('Export {0}', target.label),
      defaultUri: vscode.Uri.joinPath(
        vscode.workspace.workspaceFolders?.[0]?.uri ?? vscode.Uri.file(process.cwd()),
        `cdf-files.${format}`,
      ),
      filters: format === 'csv' ? { CSV: ['csv'] } : { 'JSON Lines': ['jsonl'] },
    }));
  if (!uri) return undefined;

  const exported = await withNotificationProgress(
    {
      title: vscode.l10n.t('Exporting {0}…', target.label),
      cancellable: true,
    },
    async (progress, token) => {
      const abort = new AbortController();
      token.onCancellationRequested(() => abort.abort());
      let count = 0;
      const columns =
        format === 'csv' ? csvColumns(await targetMetadataKeys(session.api, target, abort.signal)) : undefined;
      const stream = uri.scheme === 'file' ? fs.createWriteStream(uri.fsPath) : undefined;
      const chunks: string[] = [];
      const write = async (text: string): Promise<void> => {
        if (stream)
          await new Promise<void>((resolve, reject) => stream.write(text, (e) => (e ? reject(e) : resolve())));
        else chunks.push(text);
      };
      try {
        if (columns) await write(csvHeader(columns));
        for await (const page of targetPages(session.api, target, abort.signal)) {
          count += page.records.length;
          await write(columns ? csvRows(page.records, columns).text : page.records.map(toJsonLine).join(''));
          progress.report({ message: vscode.l10n.t('{0} files', count) });
        }
      } finally {
        if (stream) await new Promise<void>((resolve) => stream.end(resolve));
      }
      if (!stream) await vscode.workspace.fs.writeFile(uri, Buffer.from(chunks.join(''), 'utf8'));
      return count;
    },
  );
  // After the progress notification has gone, so the two are never shown together.
  void vscode.window.showInformationMessage(vscode.l10n.t('Exported {0} file records to {1}', exported, uri.fsPath));
  return exported;
}

/**
 * Import a CSV of changes (a column `id` or `externalId`, plus the columns to change): every cell is
 * checked first (row and column named), then the files are read and planned, previewed and applied
 * like any bulk action.
 */
export async function importCsv(sessions: Sessions, bulk: BulkController, arg: unknown) {
  const session = sessions.active;
  if (!session) throw new Error(vscode.l10n.t('Open a CDF project first.'));
  const request = typeof arg === 'object' && arg !== null ? (arg as { uri?: vscode.Uri; confirm?: boolean }) : {};
  const uri =
    request.uri ??
    (
      await vscode.window.showOpenDialog({ title: vscode.l10n.t('Import changes from CSV'), filters: { CSV: ['csv'] } })
    )?.[0];
  if (!uri) return undefined;
  const text = Buffer.from(await vscode.workspace.fs.readFile(uri)).toString('utf8');
  const parsed = parseChangesCsv(text);
  if (parsed.problems.length) {
    const list = parsed.problems
      .slice(0, 20)
      .map((p) => `line ${p.line}${p.column ? `, column ${p.column}` : ''}: ${p.message}`)
      .join('\n');
    throw new Error(
      parsed.problems.length === 1
        ? vscode.l10n.t('The CSV has a problem; nothing was sent.\n{0}', list)
        : vscode.l10n.t('The CSV has {0} problems; nothing was sent.\n{1}', parsed.problems.length, list),
    );
  }
  const refs = parsed.rows.map((r) => r.target);
  const target: BulkTarget = { kind: 'ids', label: `${parsed.rows.length} rows of ${uri.path.split('/').pop()}`, refs };
  const plan = emptyJobPlan();
  const context = createBatchContext();
  let row = 0;
  for await (const page of targetPages(session.api, target)) {
    const rows = parsed.rows.slice(row, row + page.records.length + page.missing.length);
    row += rows.length;
    const entries = rows.flatMap((r) => {
      const record = page.records.find((x) =>
        'id' in r.target ? x.id === r.target.id : x.externalId === r.target.externalId,
      );
      return record ? [{ record, plan: (rec: FileRecord) => planImportRow(rec, r) }] : [];
    });
    appendBatch(plan, planEach(entries, context), page.missing);
  }
  if (plan.missing.length)
    void vscode.window.showWarningMessage(
      plan.missing.length === 1
        ? vscode.l10n.t('1 row names a file that does not exist; it is left out.')
        : vscode.l10n.t('{0} rows name files that do not exist; they are left out.', plan.missing.length),
    );
  return bulk.applyPlan(target, [], plan, request.confirm !== false, csvImportNotes(parsed));
}
