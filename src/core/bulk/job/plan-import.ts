import * as l10n from '@vscode/l10n';
import { planEach, planImportRow, type CsvImport } from '..';
import type { BulkSource } from './bulk-source';
import type { BulkTarget } from './bulk-target';
import { planPages, type JobPlan } from './plan-job';
import type { CsvImportProblem } from '../../problems';
import { refText } from '../texts/listed-missing';

export interface ImportJob<R, U> {
  target: BulkTarget;
  plan: JobPlan<R, U>;
}

/**
 * Plans a CSV of changes through the one job loop: the rows' files are read a page at a time in row
 * order, and each row plans its own file (with the job's guards: a file named twice, an external id
 * given twice). A row whose file does not exist is counted in `plan.missing`.
 */
export async function planImport<R extends object, U>(
  source: BulkSource<R, U>,
  imported: CsvImport,
  fileName: string,
  signal?: AbortSignal,
): Promise<ImportJob<R, U>> {
  const { kind } = source;
  const rows = imported.rows;
  const target: BulkTarget = {
    kind: 'ids',
    label: `${rows.length} rows of ${fileName}`,
    refs: rows.map((r) => r.target),
  };
  let next = 0;
  const rowOf = new Map<string, CsvImport['rows'][number]>();
  const plan = await planPages(
    source,
    target,
    (page, context) => {
      // targetPages reads the refs in order, a chunk a page: this page answers the next rows.
      const pageRows = rows.slice(next, next + page.records.length + page.missing.length);
      next += pageRows.length;
      const entries = pageRows.flatMap((row) => {
        const record = page.records.find((x) => kind.refMatches(x, row.target));
        // The first row naming a file is the one planned; a second is refused as a duplicate.
        if (record && !rowOf.has(kind.key(record))) rowOf.set(kind.key(record), row);
        return record ? [{ record, plan: () => planImportRow(kind, record, row) }] : [];
      });
      return planEach(kind, entries, context);
    },
    { signal },
  );
  // The row's file as it is just before sending gets the row's values (see `sendJob`).
  plan.planAgain = (fresh) => planImportRow(kind, fresh, rowOf.get(kind.key(fresh))!);
  return { target, plan };
}

/** Why nothing of a CSV with problems is sent, listing the first 20 by line and column (a document's text). */
export function csvProblemsMessage(problems: readonly CsvImportProblem[], fileName?: string): string {
  const list = problems
    .slice(0, 20)
    .map((p) =>
      p.column
        ? l10n.t('Line {0}, column {1}: {2}', p.line, p.column, p.message)
        : l10n.t('Line {0}: {1}', p.line, p.message),
    )
    .map((line) => `- ${line}`)
    .join('\n');
  const more = problems.length > 20 ? `\n\n${l10n.t('… and {0} more.', problems.length - 20)}` : '';
  return `# ${csvProblemsSentence(problems, fileName ?? 'The CSV')}\n\n${list}${more}\n`;
}

/**
 * The notification: one sentence naming the file, how many problems and where the first is; the list
 * itself goes to a document (a notification cuts a long message mid-word).
 */
export function csvProblemsSentence(problems: readonly CsvImportProblem[], fileName: string): string {
  const first = problems[0];
  const where = !first
    ? ''
    : first.column
      ? l10n.t('line {0}, column {1}', first.line, first.column)
      : l10n.t('line {0}', first.line);
  return problems.length === 1
    ? l10n.t('{0} has a problem at {1}; nothing was sent.', fileName, where)
    : l10n.t('{0} has {1} problems, the first at {2}; nothing was sent.', fileName, problems.length, where);
}

/**
 * The warning when rows name files that do not exist (they are left out of the plan): which rows, by
 * line, and how the count of rows relates to the files matched.
 */
export function missingRowsMessage(imported: CsvImport, missing: readonly unknown[], fileName: string): string {
  // Refs are the kind's plain JSON: a row is missing when its ref is one of those that named no record.
  const missed = new Set(missing.map((m) => JSON.stringify(m)));
  const rows = imported.rows.filter((r) => missed.has(JSON.stringify(r.target)));
  const total = imported.rows.length;
  const matched = total - rows.length;
  const [one] = rows;
  if (rows.length === 1 && one) {
    const ref = refText(one.target);
    return l10n.t(
      'Line {0} of {1} names a file that does not exist ({2}): it is left out, so {3} of {4} rows match a file.',
      one.line,
      fileName,
      ref,
      matched,
      total,
    );
  }
  const lines =
    rows
      .slice(0, 10)
      .map((r) => r.line)
      .join(', ') + (rows.length > 10 ? ', …' : '');
  return l10n.t(
    '{0} rows of {1} name files that do not exist (lines {2}): they are left out, so {3} of {4} rows match a file.',
    rows.length,
    fileName,
    lines,
    matched,
    total,
  );
}
