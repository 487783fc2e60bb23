import type { ItemOutcome, UpdateReport } from '../../cdf/client/update/update-report';

/** One line: what happened to every item of a run. */
export function summarizeRun(report: UpdateReport): string {
  const parts = [`${report.applied.length} applied`];
  if (report.failed.length) parts.push(`${report.failed.length} failed`);
  if (report.unknown.length) parts.push(`${report.unknown.length} unknown (no answer; may or may not be applied)`);
  if (report.notSent.length) parts.push(`${report.notSent.length} not sent`);
  const tail = report.cancelled ? ' (cancelled)' : '';
  const requests = report.stats.requestsSent === 1 ? '1 request' : `${report.stats.requestsSent} requests`;
  return `${parts.join(', ')} of ${report.total} in ${requests}${tail}`;
}

/** Those that need a look first: what CDF refused, what may or may not have applied, what was never sent. */
const ORDER: Record<ItemOutcome['outcome'], number> = { failed: 0, unknown: 1, notSent: 2, applied: 3 };
const OUTCOME_WORDS: Record<ItemOutcome['outcome'], string> = {
  applied: 'applied',
  failed: 'failed',
  unknown: 'unknown',
  notSent: 'not sent',
};

/**
 * The full report: the summary, then every file of the run (name, id, outcome, reason) as a table,
 * the files that did not apply first. `names` names files by id (the run's records before the action);
 * an applied file is otherwise named by the record CDF returned.
 */
export function formatRunReport(title: string, report: UpdateReport, names?: ReadonlyMap<number, string>): string {
  const lines = [`# ${title}`, '', summarizeRun(report), ''];
  lines.push(
    `Requests sent: ${report.stats.requestsSent}; throttled (429): ${report.stats.throttled}; peak concurrency: ${report.stats.peakConcurrency}; ${Math.round(report.stats.durationMs)} ms`,
    '',
  );
  if (report.items.length === 0) return lines.join('\n');
  lines.push('| File | Id | Outcome | Reason |', '| --- | --- | --- | --- |');
  const sorted = [...report.items].sort((a, b) => ORDER[a.outcome] - ORDER[b.outcome] || a.index - b.index);
  for (const item of sorted) {
    const cells = [nameOf(item, names), idOf(item), OUTCOME_WORDS[item.outcome], reasonOf(item, report.cancelled)];
    lines.push(`| ${cells.map(cell).join(' | ')} |`);
  }
  lines.push('');
  return lines.join('\n');
}

function idOf({ item }: ItemOutcome): string {
  if ('id' in item) return String(item.id);
  if ('externalId' in item) return `externalId "${item.externalId}"`;
  return `instance ${item.instanceId.space}/${item.instanceId.externalId}`;
}

function nameOf(outcome: ItemOutcome, names: ReadonlyMap<number, string> | undefined): string {
  const byId = 'id' in outcome.item ? names?.get(outcome.item.id) : undefined;
  return byId ?? (outcome.outcome === 'applied' ? outcome.record?.name : undefined) ?? '(name unknown)';
}

function reasonOf(outcome: ItemOutcome, cancelled: boolean): string {
  switch (outcome.outcome) {
    case 'applied':
      return '';
    case 'failed': {
      const { reason, message, notIsolated } = outcome.failure;
      return `${reason}: ${message}${notIsolated ? ' (refused with others; this file may be fine)' : ''}`;
    }
    case 'unknown':
      return outcome.why;
    case 'notSent':
      return cancelled ? 'cancelled before it was sent' : 'throttled (429) on every try';
  }
}

/** A table cell on one line: a `|` or a line break (editors also break at U+2028/9) would break the row. */
const cell = (text: string): string =>
  text
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|')
    .replace(/\r\n|[\r\n\u2028\u2029]/g, ' ');
