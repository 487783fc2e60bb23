import * as l10n from '@vscode/l10n';
import { formatCount } from '../../format-count';
import type { ItemOutcome, UpdateReport } from '../../ports';
import type { RecordNouns } from '../../records';
import { countOf } from './count-of';

/** What a run's applied items did: an undo's writes put records back, so it says "restored". */
export type RunWrote = 'applied' | 'restored';

const APPLIED_WORDS: Record<RunWrote, () => string> = {
  applied: () => l10n.t('applied'),
  restored: () => l10n.t('restored'),
};

/** One line: what happened to every item of a run, the records counted in their kind's words. */
export function summarizeRun<R, U>(kind: RecordNouns, report: UpdateReport<U, R>, wrote: RunWrote = 'applied'): string {
  const applied = formatCount(report.applied.length);
  const parts = [wrote === 'restored' ? l10n.t('{0} restored', applied) : l10n.t('{0} applied', applied)];
  if (report.failed.length) parts.push(l10n.t('{0} failed', formatCount(report.failed.length)));
  if (report.unknown.length)
    parts.push(l10n.t('{0} unknown (no answer; may or may not be applied)', formatCount(report.unknown.length)));
  if (report.notSent.length) parts.push(l10n.t('{0} not sent', formatCount(report.notSent.length)));
  // A cancel that came after the last request went out held nothing back: "(cancelled)" would read as
  // "stopped part-way", so it is said only when something was left unsent.
  const tail = report.cancelled && report.notSent.length ? ' ' + l10n.t('(cancelled)') : '';
  const sent = report.stats.requestsSent;
  const summary =
    sent === 1
      ? l10n.t('{0} of {1} in 1 request', parts.join(', '), countOf(kind, report.total))
      : l10n.t('{0} of {1} in {2} requests', parts.join(', '), countOf(kind, report.total), formatCount(sent));
  return summary + tail;
}

/** Those that need a look first: what CDF refused, what may or may not have applied, what was never sent. */
const ORDER: Record<ItemOutcome['outcome'], number> = { failed: 0, unknown: 1, notSent: 2, applied: 3 };
const OUTCOME_WORDS: Record<Exclude<ItemOutcome['outcome'], 'applied'>, () => string> = {
  failed: () => l10n.t('failed'),
  unknown: () => l10n.t('unknown'),
  notSent: () => l10n.t('not sent'),
};

/** A run item's record: its key (`BulkKind.key`) and, when known, its name. */
export interface ReportRow {
  readonly key: string;
  readonly name?: string;
}

/**
 * The full report: the summary, then every record of the run (name, key, outcome, reason) as a table,
 * the records that did not apply first, each named by its row (the run's records before the action).
 */
export function formatRunReport<R, U>(
  /** Whose records the rows are: the first column and the reasons name them. */
  kind: RecordNouns,
  title: string,
  report: UpdateReport<U, R>,
  /** Per plan item (a report item's `index`), its record. */
  rows: readonly (ReportRow | undefined)[],
  wrote: RunWrote = 'applied',
): string {
  const lines = [`# ${title}`, '', summarizeRun(kind, report, wrote), ''];
  lines.push(
    l10n.t(
      'Requests sent: {0}; throttled (429): {1}; at most {2} at a time; {3} ms',
      report.stats.requestsSent,
      report.stats.throttled,
      report.stats.peakConcurrency,
      Math.round(report.stats.durationMs),
    ),
    '',
  );
  if (report.items.length === 0) return lines.join('\n');
  const keyColumn = kind.keyName?.() ?? l10n.t('Id');
  lines.push(
    l10n.t('| {0} | {1} | Outcome | Reason |', upperFirst(kind.noun()), keyColumn),
    '| --- | --- | --- | --- |',
  );
  const sorted = [...report.items].sort((a, b) => ORDER[a.outcome] - ORDER[b.outcome] || a.index - b.index);
  // Each outcome's word translated once, not once a row: a 20,000-row table is made at the run's end.
  const outcomeWords = { ...OUTCOME_WORDS, applied: APPLIED_WORDS[wrote] };
  const words = new Map(
    (Object.keys(outcomeWords) as ItemOutcome['outcome'][]).map((o) => [o, cell(outcomeWords[o]())]),
  );
  for (const item of sorted) {
    const row = rows[item.index];
    const name = cell(row?.name ?? l10n.t('(name unknown)'));
    const key = cell(row?.key ?? l10n.t('(unknown)'));
    const reason = item.outcome === 'applied' ? '' : cell(reasonOf(kind, item, report.cancelled));
    lines.push(`| ${name} | ${key} | ${words.get(item.outcome)!} | ${reason} |`);
  }
  lines.push('');
  return lines.join('\n');
}

function reasonOf<R, U>(kind: RecordNouns, outcome: ItemOutcome<U, R>, cancelled: boolean): string {
  switch (outcome.outcome) {
    case 'applied':
      return '';
    case 'failed': {
      const { reason, message, notIsolated } = outcome.failure;
      return notIsolated
        ? l10n.t('{0}: {1} (refused with others; this {2} may be fine)', reason, message, kind.noun())
        : l10n.t('{0}: {1}', reason, message);
    }
    case 'unknown':
      return outcome.why;
    case 'notSent':
      if (outcome.why) return outcome.why;
      return cancelled ? l10n.t('cancelled before it was sent') : l10n.t('throttled (429) on every try');
  }
}

/** What `cell` escapes; most cells (names, keys, outcomes) hold none, and are taken as they are. */
const SPECIAL = /[\\|\r\n\u2028\u2029]/;

/** A table cell on one line: a `|` or a line break (editors also break at U+2028/9) would break the row. */
const cell = (text: string): string =>
  !SPECIAL.test(text)
    ? text
    : text
        .replace(/\\/g, '\\\\')
        .replace(/\|/g, '\\|')
        .replace(/\r\n|[\r\n\u2028\u2029]/g, ' ');

/** A column heading from a noun: "file" -> "File" ("CogniteFile node" stays). */
const upperFirst = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
