import * as l10n from '@vscode/l10n';
import { formatCount } from '../../format-count';
import type { UpdateProgress } from '../../ports';
import type { RecordNouns } from '../../records';
import { formatPlanSummary, requestsFor, type BulkOperation, type RecordPlan, type ReferenceNames } from '..';
import type { Job } from '../job/bulk-jobs';
import {
  formatBulkPreview,
  PREVIEW_SAMPLE,
  unsavedEditsIn,
  type OpenEdits,
  type UnsavedEdits,
} from './preview-document';
import { countOf } from './count-of';
import { listedMissingText } from './listed-missing';

export { countOf };

/** What the preview looks up in the editor: open documents with unsaved edits, and names for ids. */
export interface PreviewSources<R extends object = object, U = unknown> {
  openEdits: readonly OpenEdits[];
  names?: (shown: readonly RecordPlan<R, U>[], operations: readonly BulkOperation[]) => Promise<ReferenceNames>;
}

/**
 * The preview document of a job (the first changes, or `all`), with the documents whose unsaved
 * edits it would overtake.
 */
export async function jobPreview<R extends object, U>(
  job: Job<R, U>,
  sources: PreviewSources<R, U>,
  all = false,
): Promise<{ text: string; unsaved: UnsavedEdits[] }> {
  const { plan, operations } = job;
  const kind = job.record.kind;
  const unsaved = unsavedEditsIn(kind, plan, sources.openEdits);
  const shown = all ? plan.changes : plan.changes.slice(0, PREVIEW_SAMPLE);
  const names = sources.names ? await sources.names(shown, operations) : undefined;
  const text = formatBulkPreview({
    kind,
    heading: job.kind === 'resume' ? 'Resume' : 'Bulk edit',
    targetLabel: job.target.label,
    operations,
    plan,
    all,
    names,
    unsaved,
    notes: job.notes,
  });
  return { text, unsaved };
}

/** The confirmation's question: "Change 1 file in 1 request?", "Change 5,000 files in 5 requests?" */
export function changeQuestion<R extends object, U>(job: Job<R, U>): string {
  const kind = job.record.kind;
  const files = job.plan.counts.changed;
  const requests = requestsFor(files);
  if (files === 1) return l10n.t('Change 1 {0} in 1 request?', kind.noun());
  return requests === 1
    ? l10n.t('Change {0} {1} in 1 request?', formatCount(files), kind.nouns())
    : l10n.t('Change {0} {1} in {2} requests?', formatCount(files), kind.nouns(), formatCount(requests));
}

/**
 * The confirmation's detail: the counts, and the unsaved edits (the modal covers the preview, so
 * they are said in it too; a file open both alone and in a selection counts once).
 */
export function confirmDetail<R extends object, U>(job: Job<R, U>, unsaved: readonly UnsavedEdits[]): string {
  const kind = job.record.kind;
  const files = new Set(unsaved.flatMap((u) => u.files)).size;
  const lines = [formatPlanSummary(kind, job.plan.counts), ...listedMissing(job)];
  if (files === 1)
    lines.push(
      l10n.t(
        '1 of these {0} has unsaved edits in an editor (listed in the preview): save or revert it first.',
        kind.nouns(),
      ),
    );
  else if (files > 1)
    lines.push(
      l10n.t(
        '{0} of these {1} have unsaved edits in an editor (listed in the preview): save or revert them first.',
        files,
        kind.nouns(),
      ),
    );
  return lines.join('\n\n');
}

/** Said instead of a confirmation when the job changes nothing. */
export function nothingToDo<R extends object, U>(job: Job<R, U>): string {
  return job.kind === 'resume'
    ? l10n.t('The last bulk action has nothing left to do.')
    : [
        l10n.t('Nothing to change: {0}', formatPlanSummary(job.record.kind, job.plan.counts)),
        ...listedMissing(job),
      ].join(' ');
}

/** An edit's listed records not in CDF (an import warns of its rows by line itself). */
const listedMissing = <R extends object, U>(job: Job<R, U>): string[] => {
  const text = job.kind === 'edit' ? listedMissingText(job.record.kind, job.plan.missing) : undefined;
  return text ? [text] : [];
};

/** The undo's confirmation. */
export function undoQuestion(kind: RecordNouns, files: number): string {
  return files === 1
    ? l10n.t('Restore 1 {0} to how it was before the last bulk action?', kind.noun())
    : // The count grouped as in the dialog's detail beneath it ("4,769 files to restore").
      l10n.t('Restore {0} to how they were before the last bulk action?', countOf(kind, files));
}

/** The progress notification's title (and the log line's) while a job runs. */
export function runTitle<R extends object, U>(job: Job<R, U>): string {
  const changed = countOf(job.record.kind, job.plan.counts.changed);
  switch (job.kind) {
    // How many files change: the target's label ("all files") does not say.
    case 'edit':
      return l10n.t('Bulk edit: {0} ({1})', job.target.label, changed);
    case 'import':
      return l10n.t('Import: {0} ({1})', job.target.label, changed);
    case 'resume':
      return l10n.t('Resuming: {0} ({1})', job.target.label, changed);
    case 'undo':
      return l10n.t('Undoing the last bulk action');
  }
}

export const planProgress = (kind: RecordNouns, c: { matched: number; changed: number }): string =>
  l10n.t('{0} {1} read, {2} to change', formatCount(c.matched), kind.nouns(), formatCount(c.changed));

export const runProgress = (p: UpdateProgress): string =>
  l10n.t(
    '{0} of {1} applied · {2} requests · {3} throttled',
    formatCount(p.applied),
    formatCount(p.total),
    formatCount(p.requestsSent),
    formatCount(p.throttled),
  );
