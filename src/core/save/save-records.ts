import { LIMITS } from '../../cdf/model';
import type { UpdateReport } from '../ports';
import { combineReports } from './combine-reports';
import { confirmed, decide, readNow, type Decided } from './decide';
import { sendSettled, unsentResult } from './send';
import type { RecordSaveResult, SaveRecordsOutcome, SaveRecordsRequest } from './save-types';

/**
 * The one save, for one record or many, of any record kind: validate and diff (the plan), no request
 * when nothing changed, re-read every changed record, merge three ways where someone else wrote, ask
 * once about fields both changed, then, chunk by chunk, send the minimal updates and say per record
 * what happened. How a chunk is kept from overwriting a newer write is the kind's concurrency:
 * 'compare' re-reads right before sending (merging and asking again where CDF moved meanwhile: see
 * {@link confirmed}); 'server' sends the version the decision rests on, and a write the API refuses
 * as stale is re-read, merged, asked and sent again (see {@link sendSettled}). Errors before anything
 * was sent propagate; the caller keeps the text.
 */
export async function saveRecords<R extends object, U>(
  req: SaveRecordsRequest<R, U>,
): Promise<SaveRecordsOutcome<R, U>> {
  if (!req.plan.ok) return { kind: 'invalid', problems: req.plan.problems };
  const changes = req.plan.changes;
  if (!changes.length) return { kind: 'unchanged' };
  const first = await decide(req, changes, await readNow(req, changes));
  if (first === 'cancelled') return { kind: 'cancelled' };
  const size = Math.max(1, req.chunkSize ?? LIMITS.itemsPerRequest);
  const results: RecordSaveResult<R, U>[] = [];
  const reports: UpdateReport<U, R>[] = [];
  for (let at = 0; at < first.items.length; at += size) {
    const part = first.items.slice(at, at + size);
    // The first chunk was read right before, unless a question was open since; a later chunk waited
    // (a 'server' kind's version check covers the wait, but a record deleted while the user answered
    // must be seen: an upsert would create it again).
    const reread = first.asked || (req.kind.concurrency === 'compare' && at > 0);
    const ready = reread ? await confirmedOrStopped(req, part, at > 0) : part;
    if (ready === 'cancelled') return { kind: 'cancelled' };
    if ('unsent' in ready) {
      const rest = first.items.slice(at).map((d) => unsentResult(req.kind, d, ready.unsent));
      results.push(...rest);
      break;
    }
    const sent = await sendSettled(
      req,
      ready,
      reports.some((r) => r.applied.length > 0),
    );
    if (sent === 'cancelled') return { kind: 'cancelled' };
    if (sent.results.some((r) => r.unsent)) {
      // Stopped part-way: what was sent is reported; nothing of the later chunks was sent.
      const unsent = sent.results.find((r) => r.unsent)!.unsent!;
      reports.push(...sent.reports);
      results.push(...sent.results, ...first.items.slice(at + size).map((d) => unsentResult(req.kind, d, unsent)));
      break;
    }
    reports.push(...sent.reports);
    results.push(...sent.results);
  }
  const report = combineReports(reports);
  return report ? { kind: 'done', results, report } : { kind: 'done', results };
}

/**
 * {@link confirmed}, where a stop after earlier chunks were sent becomes a result: what was sent
 * stays reported, and the rest is said not sent. Before anything was sent, a stop propagates.
 */
async function confirmedOrStopped<R extends object, U>(
  req: SaveRecordsRequest<R, U>,
  part: readonly Decided<R>[],
  someSent: boolean,
): Promise<Decided<R>[] | 'cancelled' | { unsent: NonNullable<RecordSaveResult<R, U>['unsent']> }> {
  try {
    const ready = await confirmed(req, part);
    if (ready === 'cancelled' && someSent) return { unsent: { cancelled: true } };
    return ready;
  } catch (error) {
    if (!someSent) throw error;
    return { unsent: { error } };
  }
}
