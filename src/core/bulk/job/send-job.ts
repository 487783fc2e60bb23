import { LIMITS } from '../../../cdf/model';
import { createBatchContext } from '..';
import type { ItemOutcome, UpdateOptions, UpdateReport } from '../../ports';
import type { RunPlan } from './bulk-history';
import type { BulkSource } from './bulk-source';
import { mergeReports, type WindowReport } from './merge-reports';
import { resendConflicts } from './resend-conflicts';
import { sendPlanned, unreadText } from './send-planned';
import {
  message,
  notSent,
  pushImages,
  readAgain,
  sliceOf,
  windowPlan,
  type SendablePlan,
  type Sent,
} from './window-plan';

export type { PlanAgain, SendablePlan } from './window-plan';

/**
 * Chunks read and sent together: each window's files are read right before the window is sent, so
 * what a run writes (and what undo brings back) is planned on what CDF held then, not at the
 * preview. A window holds twice the requests the updater may have in flight (at most the
 * parallel requests CDF documents per identity), so the budget stays full while a window's last
 * answers come in.
 */
const windowChunks = (options: UpdateOptions): number => 2 * (options.concurrency?.max ?? LIMITS.concurrentRequests);

export interface SentJob<R, U> {
  report: UpdateReport<U, R>;
  /** What was sent, item by item in the plan's order: the fresh reads and their re-planned after-images. */
  sent: RunPlan<R, U>;
  /** Files changed since the preview, planned again from what CDF held just before sending. */
  replanned: number;
  /**
   * Keys of the records someone else wrote while the run sent them: the API refused the stale
   * write (version conflict), and each was read, planned and sent again (see `resendConflicts`).
   */
  rewritten: string[];
}

/**
 * Sends a plan window by window. Before each window, its files are read again and planned again
 * (`planAgain`): a file changed since the preview gets the update the action makes on it now, a
 * file the action no longer changes is not sent, one it can no longer change, or deleted since, is
 * reported failed (refused before sending). `beforeSend` learns each window's fresh images before
 * anything of it goes out (undo's before-image is what was there just before the action wrote).
 * The report has one outcome per plan item, in the plan's order, as `updateMany`'s does.
 */
export async function sendJob<R extends object, U>(
  source: BulkSource<R, U>,
  plan: SendablePlan<R, U>,
  options: UpdateOptions,
  beforeSend: (window: RunPlan<R, U>) => void | Promise<void> = () => undefined,
): Promise<SentJob<R, U>> {
  const { kind, api } = source;
  // A kind that plans each chunk on the read that guards its write sends the whole job that way
  // (send-planned.ts: a chunk is its own window, read when a write slot is free).
  if (plan.planAgain && api.updatePlanned && plan.items.length)
    return sendPlanned({ kind, api: { updatePlanned: api.updatePlanned } }, plan, options, beforeSend);
  return sendWindows(source, plan, options, beforeSend);
}

async function sendWindows<R extends object, U>(
  source: BulkSource<R, U>,
  plan: SendablePlan<R, U>,
  options: UpdateOptions,
  beforeSend: (window: RunPlan<R, U>) => void | Promise<void>,
): Promise<SentJob<R, U>> {
  const { kind, api } = source;
  const started = Date.now();
  const windowSize = (options.chunkSize ?? LIMITS.itemsPerRequest) * windowChunks(options);
  const context = createBatchContext();
  const windows: WindowReport<R, U>[] = [];
  const sent: Sent<R, U> = {
    items: [],
    preImages: [],
    afterImages: [],
  };
  let replanned = 0;
  const rewritten = new Set<string>();
  /** Why the rest is not sent: the records could not be read again (never sent on the preview's read). */
  let stopped: string | undefined;
  const failedRead = (err: unknown): undefined => {
    if (!options.signal?.aborted) stopped = unreadText(kind.noun(), message(err));
    return undefined;
  };
  for (let offset = 0; offset < plan.items.length; offset += windowSize) {
    const positions = range(offset, Math.min(plan.items.length, offset + windowSize));
    const fresh = stopped ? undefined : await readAgain(source, positions, plan, options.signal).catch(failedRead);
    if (stopped || options.signal?.aborted) {
      windows.push({ positions, settled: positions.map((i) => notSent(plan, i, stopped)), report: undefined });
      positions.forEach((i) => pushImages(sent, plan, i, plan.preImages[i]!, plan.afterImages[i]!));
      continue;
    }
    const toSend: number[] = [];
    const settled: ItemOutcome<U, R>[] = [];
    for (const i of positions) {
      const again = windowPlan(kind, plan, i, fresh, context);
      if (again.kind === 'send') {
        toSend.push(i);
        if (again.replanned) replanned++;
      } else settled.push(again.outcome);
      pushImages(sent, plan, i, again.before, again.after, again.item);
    }
    await beforeSend(sliceOf(sent, positions));
    const items = toSend.map((i) => sent.items[i]!);
    const progress = progressOffset(
      [...windows, { positions: [], settled, report: undefined }],
      plan.items.length,
      options.onProgress,
    );
    const report = items.length ? await api.updateMany(items, { ...options, onProgress: progress }) : undefined;
    const window = { positions: toSend, settled, report };
    windows.push(window);
    const again = await resendConflicts(source, plan, window, sent, options, beforeSend);
    windows.push(...again.windows);
    again.rewritten.forEach((key) => rewritten.add(key));
  }
  const report = mergeReports(plan.items.length, windows, Date.now() - started, !!options.signal?.aborted);
  return { report, sent, replanned, rewritten: [...rewritten] };
}

/** The job's progress across windows: what earlier windows settled is added to each window's own. */
function progressOffset<R, U>(
  windows: readonly WindowReport<R, U>[],
  total: number,
  onProgress: UpdateOptions['onProgress'],
) {
  if (!onProgress) return undefined;
  const count = (o: ItemOutcome<U, R>['outcome']) =>
    windows.reduce(
      (n, w) =>
        n +
        w.settled.filter((s) => s.outcome === o).length +
        (w.report?.items.filter((s) => s.outcome === o).length ?? 0),
      0,
    );
  const [applied, failed, unknown, notSent] = (['applied', 'failed', 'unknown', 'notSent'] as const).map(count);
  const requests = windows.reduce((n, w) => n + (w.report?.stats.requestsSent ?? 0), 0);
  const throttled = windows.reduce((n, w) => n + (w.report?.stats.throttled ?? 0), 0);
  return (p: Parameters<NonNullable<UpdateOptions['onProgress']>>[0]) => {
    const settled = {
      applied: applied! + p.applied,
      failed: failed! + p.failed,
      unknown: unknown! + p.unknown,
      notSent: notSent! + p.notSent,
    };
    const done = settled.applied + settled.failed + settled.unknown + settled.notSent;
    onProgress({
      ...p,
      ...settled,
      total,
      pending: total - done,
      requestsSent: requests + p.requestsSent,
      throttled: throttled + p.throttled,
    });
  };
}

const range = (from: number, to: number): number[] => Array.from({ length: to - from }, (_, k) => from + k);
