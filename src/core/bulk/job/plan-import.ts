import * as l10n from '@vscode/l10n';
import { planEach, planImportRow, type CsvImport } from '..';
import type { FilesApi } from '../../ports';
import type { BulkTarget } from './bulk-target';
import { planPages, type JobPlan } from './plan-job';
import type { CsvImportProblem } from '../../problems';

export interface ImportJob {
  target: BulkTarget;
  plan: JobPlan;
}

/**
 * Plans a CSV of changes through the one job loop: the rows' files are read a page at a time in row
 * order, and each row plans its own file (with the job's guards: a file named twice, an external id
 * given twice). A row whose file does not exist is counted in `plan.missing`.
 */
export async function planImport(
  api: FilesApi,
  imported: CsvImport,
  fileName: string,
  signal?: AbortSignal,
): Promise<ImportJob> {
  const rows = imported.rows;
  const target: BulkTarget = {
    kind: 'ids',
    label: `${rows.length} rows of ${fileName}`,
    refs: rows.map((r) => r.target),
  };
  let next = 0;
  const plan = await planPages(
    api,
    target,
    (page, context) => {
      // targetPages reads the refs in order, a chunk a page: this page answers the next rows.
      const pageRows = rows.slice(next, next + page.records.length + page.missing.length);
      next += pageRows.length;
      const entries = pageRows.flatMap((row) => {
        const record = page.records.find((x) =>
          'id' in row.target ? x.id === row.target.id : x.externalId === row.target.externalId,
        );
        return record ? [{ record, plan: () => planImportRow(record, row) }] : [];
      });
      return planEach(entries, context);
    },
    { signal },
  );
  return { target, plan };
}

/** Why nothing of a CSV with problems is sent, listing the first 20 by line and column. */
export function csvProblemsMessage(problems: readonly CsvImportProblem[]): string {
  const list = problems
    .slice(0, 20)
    .map((p) =>
      p.column
        ? l10n.t('line {0}, column {1}: {2}', p.line, p.column, p.message)
        : l10n.t('line {0}: {1}', p.line, p.message),
    )
    .join('\n');
  return problems.length === 1
    ? l10n.t('The CSV has a problem; nothing was sent.\n{0}', list)
    : l10n.t('The CSV has {0} problems; nothing was sent.\n{1}', problems.length, list);
}

/** The warning when rows name files that do not exist (they are left out of the plan). */
export function missingRowsMessage(missing: number): string {
  return missing === 1
    ? l10n.t('1 row names a file that does not exist; it is left out.')
    : l10n.t('{0} rows name files that do not exist; they are left out.', missing);
}
