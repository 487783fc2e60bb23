import { createBatchContext } from '..';
import type { UpdateOptions } from '../../ports';
import type { RunPlan } from './bulk-history';
import type { BulkSource } from './bulk-source';
import type { WindowReport } from './merge-reports';
import { pushImages, readAgain, sliceOf, windowPlan, type SendablePlan, type Sent } from './window-plan';

/**
 * How many times one item is read, planned and sent again after the API refused it as stale: a
 * record a colleague keeps writing ends as a reported conflict rather than a loop.
 */
export const CONFLICT_ROUNDS = 5;

/**
 * A version conflict means someone else wrote the record after the run read it: the API refused
 * the stale write (a kind with `concurrency: 'server'`), so nothing of ours landed on it. Each such
 * item is read again, planned again on what CDF holds now (the colleague's write is kept, ours made
 * on top of it) and sent again, up to {@link CONFLICT_ROUNDS} times. The rounds are windows of
 * their own: a later window's outcome replaces an earlier one's for the same plan item. Returns the
 * keys of the records that were planned again this way (the report names them).
 */
export async function resendConflicts<R extends object, U>(
  source: BulkSource<R, U>,
  plan: SendablePlan<R, U>,
  first: WindowReport<R, U>,
  sent: Sent<R, U>,
  options: UpdateOptions,
  beforeSend: (window: RunPlan<R, U>) => void | Promise<void>,
): Promise<{ windows: WindowReport<R, U>[]; rewritten: Set<string> }> {
  const windows: WindowReport<R, U>[] = [];
  const rewritten = new Set<string>();
  let last = first;
  for (let round = 0; round < CONFLICT_ROUNDS; round++) {
    const report = last.report;
    if (!plan.planAgain || !report || options.signal?.aborted) break;
    const positions = report.failed.filter((f) => f.failure.reason === 'conflict').map((f) => last.positions[f.index]!);
    if (positions.length === 0) break;
    const fresh = await readAgain(source, positions, plan, options.signal).catch(() => undefined);
    // Unread, they stay reported as conflicts: never sent on an old read.
    if (!fresh) break;
    const context = createBatchContext();
    const toSend: number[] = [];
    const settled: WindowReport<R, U>['settled'][number][] = [];
    for (const i of positions) {
      rewritten.add(source.kind.key(plan.preImages[i]!));
      const again = windowPlan(source.kind, plan, i, fresh, context);
      if (again.kind === 'send') toSend.push(i);
      else settled.push(again.outcome);
      pushImages(sent, plan, i, again.before, again.after, again.item);
    }
    await beforeSend(sliceOf(sent, positions));
    const items = toSend.map((i) => sent.items[i]!);
    const { onProgress: _progress, ...quiet } = options;
    last = { positions: toSend, settled, report: items.length ? await source.api.updateMany(items, quiet) : undefined };
    windows.push(last);
  }
  return { windows, rewritten };
}
