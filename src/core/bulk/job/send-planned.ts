import * as l10n from '@vscode/l10n';
import { createBatchContext } from '..';
import type { ItemOutcome, UpdateOptions } from '../../ports';
import type { RunPlan } from './bulk-history';
import type { BulkKind } from '../bulk-kind';
import type { BulkRecordsApi } from './bulk-source';
import { mergeReports } from './merge-reports';
import type { SentJob } from './send-job';
import { notSent, pushImages, sliceOf, windowPlan, type Again, type SendablePlan, type Sent } from './window-plan';

/** A record kind whose API plans each chunk on the read that guards its write. */
export interface PlannedSource<R extends object, U> {
  readonly kind: BulkKind<R, U>;
  readonly api: Required<Pick<BulkRecordsApi<R, U>, 'updatePlanned'>>;
}

/**
 * Sends a whole plan through the kind's planned update (`updatePlanned`): each chunk is read when a
 * write slot is free, and that one read plans it (each record planned again as `windowPlan` does
 * for a window: deleted since the preview, refused now, nothing to change, changed since) AND
 * guards its write (sent with the version read). WHY: a record is then read twice in all (the
 * preview, its chunk; versions only where the API can tell the record unchanged from its version,
 * `known`), and no window waits for its slowest request before the next is read.
 * `beforeSend` learns each chunk's fresh images before anything of it goes out; when a chunk is
 * planned again (a re-read, a version conflict), the latest plan's images are the ones kept.
 */
export async function sendPlanned<R extends object, U>(
  source: PlannedSource<R, U>,
  plan: SendablePlan<R, U>,
  options: UpdateOptions,
  beforeSend: (chunk: RunPlan<R, U>) => void | Promise<void>,
): Promise<SentJob<R, U>> {
  const { kind } = source;
  const started = Date.now();
  const keys = plan.preImages.map((r) => kind.key(r));
  const at = new Map(keys.map((k, i) => [k, i]));
  const sent: Sent<R, U> = {
    items: [...plan.items],
    preImages: [...plan.preImages],
    afterImages: [...plan.afterImages],
  };
  /** Each item's latest plan in this run (undefined: never read by its chunk). */
  const latest: (Again<R, U> | undefined)[] = plan.items.map(() => undefined);
  /** Planned on a record changed since the preview, before any version conflict of it. */
  const changed: boolean[] = plan.items.map(() => false);
  const conflicted = new Set<string>();
  const shared = createBatchContext();
  /** Items whose latest plan refuses them: counted as they are planned, not over the plan per progress. */
  let refused = 0;

  const planChunk = async (records: readonly R[]) => {
    const fresh = new Map(records.map((r) => [kind.key(r), r]));
    const positions = records.map((r) => at.get(kind.key(r)) ?? unplanned(kind.key(r)));
    // A record planned before in this run is planned on a context of its own: the job's would
    // refuse it as listed twice.
    const again = createBatchContext();
    const plans = positions.map((i) => windowPlan(kind, plan, i, fresh, latest[i] ? again : shared, true));
    positions.forEach((i, k) => {
      const p = plans[k]!;
      refused += Number(isRefusal(p)) - Number(isRefusal(latest[i]));
      latest[i] = p;
      if (!conflicted.has(keys[i]!)) changed[i] = p.kind === 'send' && p.replanned;
      pushImages(sent, plan, i, p.before, p.after, p.item);
    });
    await beforeSend(sliceOf(sent, positions));
    return plans.map((p) => (p.kind === 'send' ? p.item : undefined));
  };

  const report = await source.api.updatePlanned(keys, planChunk, {
    ...options,
    onProgress: options.onProgress && withRefusals(options.onProgress, () => refused),
    onConflict: (stale) => stale.forEach((key) => conflicted.add(key)),
    // The record each latest plan was made on: one still at its version keeps that plan (windowPlan's samePlan).
    known: (key) => sent.preImages[at.get(key) ?? -1],
  });
  const aborted = !!options.signal?.aborted;
  const items = report.items.map((o, i) => finalOutcome(source, plan, sent, latest[i], o, i, aborted));
  const window = { positions: keys.map((_, i) => i), settled: [], report: { ...report, items } };
  const merged = mergeReports(plan.items.length, [window], Date.now() - started, aborted);
  const replanned = changed.filter((c, i) => c && latest[i]?.kind === 'send').length;
  return { report: merged, sent, replanned, rewritten: [...conflicted] };
}

/**
 * An item's outcome in the job's words: the run's, except where this job's plan decided it (refused
 * now, no longer changed), where the record was gone at its chunk's first read (deleted since the
 * preview), or where it was never read (cancelled, or the read failed: not sent on the preview's read).
 */
function finalOutcome<R extends object, U>(
  { kind }: PlannedSource<R, U>,
  plan: SendablePlan<R, U>,
  sent: Sent<R, U>,
  planned: Again<R, U> | undefined,
  run: ItemOutcome<U, R>,
  i: number,
  aborted: boolean,
): ItemOutcome<U, R> {
  if (planned?.kind === 'settled' && run.outcome === 'notSent') return { ...planned.outcome, sends: run.sends };
  if (planned?.kind === 'send') return run;
  if (run.outcome === 'failed' && run.failure.reason === 'missing' && run.sends === 0) {
    const gone = windowPlan(kind, plan, i, new Map(), createBatchContext());
    pushImages(sent, plan, i, gone.before, gone.after);
    return gone.kind === 'settled' ? gone.outcome : run;
  }
  if (run.outcome === 'notSent' && !planned)
    return notSent(plan, i, aborted || !run.why ? undefined : unreadText(kind.noun(), run.why));
  return { ...run, item: sent.items[i]! };
}

/** The run counts an item this job's plan refused as not sent (nothing to send); the job reports it failed. */
function withRefusals(
  onProgress: NonNullable<UpdateOptions['onProgress']>,
  refused: () => number,
): UpdateOptions['onProgress'] {
  return (p) => {
    const moved = Math.min(refused(), p.notSent);
    onProgress({ ...p, failed: p.failed + moved, notSent: p.notSent - moved });
  };
}

const isRefusal = <R, U>(a: Again<R, U> | undefined): boolean =>
  a?.kind === 'settled' && a.outcome.outcome === 'failed';

function unplanned(key: string): never {
  throw new Error(l10n.t('The records read name {0}, which this action does not plan.', key));
}

/** Why an item is not sent: its record could not be read again (never sent on the preview's read). */
export const unreadText = (noun: string, why: string): string =>
  l10n.t('not sent: the {0} could not be read again just before sending ({1})', noun, why);
