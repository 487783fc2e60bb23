import type { UpdateReport } from '../../cdf/client/update/update-report';
import type { FileUpdateItem } from '../../cdf/model';

const itemName = (item: FileUpdateItem): string =>
  'id' in item
    ? `id ${item.id}`
    : 'externalId' in item
      ? `externalId "${item.externalId}"`
      : `instance ${item.instanceId.space}/${item.instanceId.externalId}`;

/** One line: what happened to every item of a run. */
export function summarizeRun(report: UpdateReport): string {
  const parts = [`${report.applied.length} applied`];
  if (report.failed.length) parts.push(`${report.failed.length} failed`);
  if (report.unknown.length) parts.push(`${report.unknown.length} unknown (no answer; may or may not be applied)`);
  if (report.notSent.length) parts.push(`${report.notSent.length} not sent`);
  const tail = report.cancelled ? ' (cancelled)' : '';
  return `${parts.join(', ')} of ${report.total} in ${report.stats.requestsSent} request(s)${tail}`;
}

/** The full report, one line per item that did not apply: what a person reads and copies. */
export function formatRunReport(title: string, report: UpdateReport): string {
  const lines = [`# ${title}`, '', summarizeRun(report), ''];
  lines.push(
    `Requests sent: ${report.stats.requestsSent}; throttled (429): ${report.stats.throttled}; peak concurrency: ${report.stats.peakConcurrency}; ${Math.round(report.stats.durationMs)} ms`,
    '',
  );
  if (report.failed.length) {
    lines.push(`## Failed (${report.failed.length}): CDF refused them; nothing of them changed`, '');
    for (const f of report.failed) lines.push(`- ${itemName(f.item)}: ${f.failure.reason}: ${f.failure.message}`);
    lines.push('');
  }
  if (report.unknown.length) {
    lines.push(`## Unknown (${report.unknown.length}): sent without a definite answer`, '');
    for (const u of report.unknown) lines.push(`- ${itemName(u.item)}: ${u.why}`);
    lines.push('');
  }
  if (report.notSent.length) {
    lines.push(`## Not sent (${report.notSent.length})`, '');
    for (const n of report.notSent) lines.push(`- ${itemName(n.item)}`);
    lines.push('');
  }
  return lines.join('\n');
}
