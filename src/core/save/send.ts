import { diffRecord } from '../diff';
import { VersionConflictError, type ItemOutcome, type UpdateReport } from '../ports';
import type { RecordKind } from '../records';
import { decide, MAX_ROUNDS, readNow, type Decided } from './decide';
import { KeptChangingError } from './kept-changing';
import type { RecordSaveResult, SaveRecordsRequest } from './save-types';

interface Sent<R, U> {
  results: RecordSaveResult<R, U>[];
  reports: UpdateReport<U, R>[];
}

/**
 * Sends one chunk; for a kind whose API checks versions, a write refused as stale (the whole request,
 * {@link VersionConflictError}, or single items of reason 'conflict') is re-read, merged three ways,
 * asked about where both sides changed one field, and sent again with the new version, at most
 * {@link MAX_ROUNDS} times ({@link KeptChangingError} after that). Nothing is overwritten unseen:
 * the API itself refuses a version that moved.
 */
export async function sendSettled<R extends object, U>(
  req: SaveRecordsRequest<R, U>,
  part: readonly Decided<R>[],
  someSent = false,
): Promise<Sent<R, U> | 'cancelled'> {
  const { kind } = req;
  const final = new Map<string, RecordSaveResult<R, U>>();
  const reports: UpdateReport<U, R>[] = [];
  let pending = [...part];
  // Once anything was applied, a stop (Cancel, or a record that kept changing) ends the rest with a
  // result each: the applied records stay reported; the caller must not say nothing was saved.
  const stopped = (unsent: NonNullable<RecordSaveResult<R, U>['unsent']>): Sent<R, U> | 'cancelled' => {
    const applied = someSent || reports.some((r) => r.applied.length > 0);
    if (!applied) {
      if ('error' in unsent) throw unsent.error;
      return 'cancelled';
    }
    for (const d of pending) final.set(kind.key(d.base), unsentResult(kind, d, unsent));
    return { results: part.map((d) => final.get(kind.key(d.base))!), reports };
  };
  for (let round = 1; pending.length; round++) {
    const attempt = await sendOrConflict(req, pending);
    if (attempt.report) reports.push(attempt.report);
    for (const r of attempt.results) final.set(r.key, r);
    if (!attempt.stale.length) break;
    pending = attempt.stale;
    if (round >= MAX_ROUNDS)
      return stopped({
        error: new KeptChangingError(
          attempt.stale.map((d) => kind.key(d.base)),
          kind.noun(),
        ),
      });
    const again = await decide(req, attempt.stale, await readNow(req, attempt.stale));
    if (again === 'cancelled') return stopped({ cancelled: true });
    pending = again.items;
  }
  return { results: part.map((d) => final.get(kind.key(d.base))!), reports };
}

/** A record nothing was sent for after the save stopped: not applied (or deleted, if it is gone). */
export function unsentResult<R extends object, U>(
  kind: RecordKind<R, U>,
  d: Decided<R>,
  unsent: NonNullable<RecordSaveResult<R, U>['unsent']>,
): RecordSaveResult<R, U> {
  const result = resultOf(kind, d, undefined);
  return result.status === 'deleted' ? result : { ...result, status: 'not-applied', unsent };
}

/** One send; what the API refused as stale comes back apart from the results. */
async function sendOrConflict<R extends object, U>(
  req: SaveRecordsRequest<R, U>,
  part: readonly Decided<R>[],
): Promise<{ results: RecordSaveResult<R, U>[]; report?: UpdateReport<U, R>; stale: Decided<R>[] }> {
  try {
    const { results, report } = await send(req, part);
    const staleKeys = new Set(
      results
        .filter((r) => r.outcome?.outcome === 'failed' && r.outcome.failure.reason === 'conflict')
        .map((r) => r.key),
    );
    const stale = req.kind.concurrency === 'server' ? part.filter((d) => staleKeys.has(req.kind.key(d.base))) : [];
    return { results, ...(report ? { report } : {}), stale };
  } catch (error) {
    // All or nothing: none of the request was applied, so every record of it is decided again.
    if (error instanceof VersionConflictError && req.kind.concurrency === 'server')
      return { results: [], stale: [...part] };
    throw error;
  }
}

/** One chunk: the minimal update of each record, diffed against what CDF holds now. */
async function send<R extends object, U>(
  req: SaveRecordsRequest<R, U>,
  part: readonly Decided<R>[],
): Promise<{ results: RecordSaveResult<R, U>[]; report?: UpdateReport<U, R> }> {
  const { kind } = req;
  const planned = part.flatMap((d) => {
    const patches = d.theirs && diffRecord(kind, d.theirs, d.target);
    return patches ? [{ key: kind.key(d.base), item: kind.encodeUpdate(d.theirs!, patches) }] : [];
  });
  const items = planned.map((p) => p.item);
  const report = items.length ? await req.api.updateMany(items, { signal: req.signal }) : undefined;
  // The report is in the items' order.
  const byKey = new Map(report?.items.map((o, i) => [planned[i]!.key, o]));
  const results = part.map((d) => resultOf(kind, d, byKey.get(kind.key(d.base))));
  return report ? { results, report } : { results };
}

export function resultOf<R extends object, U>(
  kind: RecordKind<R, U>,
  d: Decided<R>,
  outcome: ItemOutcome<U, R> | undefined,
): RecordSaveResult<R, U> {
  // What the user did not type but will see after the save: their changes that the merge kept.
  const broughtIn = d.theirs ? Object.keys(diffRecord(kind, d.mine, d.target) ?? {}) : [];
  const common = {
    key: kind.key(d.base),
    label: kind.label(d.base),
    base: d.base,
    shown: d.mine,
    merged: d.changedSince,
    broughtIn,
  };
  if (!d.theirs) return { ...common, status: 'deleted', record: d.base };
  if (!outcome) return { ...common, status: 'up-to-date', record: d.theirs };
  const sent = { sent: outcome.item, outcome };
  if (outcome.outcome === 'applied' && outcome.record)
    return { ...common, status: 'saved', record: outcome.record, sent: outcome.item };
  // Sent without a definite answer (or an answer that could not be read): it may be in CDF.
  if (outcome.outcome === 'unknown' || outcome.outcome === 'applied')
    return { ...common, status: 'unknown', record: d.theirs, ...sent };
  return { ...common, status: 'not-applied', record: d.theirs, ...sent };
}
