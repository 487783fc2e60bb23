import * as l10n from '@vscode/l10n';
import { LIMITS } from '../../../cdf/model';
import { sameValue } from '../../fields';
import { planEach, type BulkKind, type RecordPlan } from '..';
import type { BatchContext } from '../operations/plan-batch';
import type { ItemOutcome } from '../../ports';
import type { RunPlan } from './bulk-history';
import type { BulkSource } from './bulk-source';

/**
 * One item of a run, planned again on the record as CDF holds it just before it is sent: what a
 * window does before its request, and what a version conflict does before the item is sent again.
 */

/** How a job plans one of its records again, from the record as CDF holds it just before it is sent. */
export type PlanAgain<R, U> = (fresh: R) => RecordPlan<R, U>;

/** A plan a run can send: its items with their images, and how to plan each record again. */
export interface SendablePlan<R, U> extends RunPlan<R, U> {
  readonly planAgain?: PlanAgain<R, U>;
}

export interface Sent<R, U> {
  items: U[];
  preImages: R[];
  afterImages: R[];
}

export type Again<R, U> =
  | { kind: 'send'; before: R; after: R; item: U; replanned: boolean }
  | { kind: 'settled'; before: R; after: R; outcome: ItemOutcome<U, R>; item?: never };

/**
 * One item of a window: as planned (no `planAgain`), planned again on its fresh read, or settled
 * without a send. `samePlan`: a record the API holds at the very version (and incarnation) the
 * preview read is that record, so the preview's plan of it stands as it is (a kind whose writes are
 * refused at any other version; one with unique fields is planned again, its values checked anew).
 */
export function windowPlan<R extends object, U>(
  kind: BulkKind<R, U>,
  plan: SendablePlan<R, U>,
  i: number,
  fresh: Map<string, R> | undefined,
  context: BatchContext,
  samePlan = false,
): Again<R, U> {
  const item = plan.items[i]!;
  const [before, after] = [plan.preImages[i]!, plan.afterImages[i]!];
  if (!fresh || !plan.planAgain) return { kind: 'send', before, after, item, replanned: false };
  const now = fresh.get(kind.key(before));
  if (!now)
    return refusedHere(i, item, before, 'missing', l10n.t('the {0} was deleted since the preview', kind.noun()));
  // A record made again under its key (it may count its versions from the same number) is another
  // record, never previewed: the one the preview showed is gone, so it is reported as deleted since.
  if (kind.incarnation !== undefined && kind.incarnation(now) !== kind.incarnation(before))
    return refusedHere(i, item, before, 'missing', madeAgainText(kind.noun()));
  const replanned = !sameValue(kind.version(now), kind.version(before));
  if (samePlan && !replanned && kind.uniqueFields.length === 0) return { kind: 'send', before, after, item, replanned };
  const again = planEach(kind, [{ record: now, plan: plan.planAgain }], context).plans[0]!;
  if (again.outcome === 'change') return { kind: 'send', before: now, after: again.after, item: again.item, replanned };
  if (again.outcome === 'refused') {
    const why = again.problems.map((p) => p.message).join('; ');
    return refusedHere(i, item, now, 'invalid', l10n.t('changed since the preview, and now refused: {0}', why));
  }
  const outcome: ItemOutcome<U, R> = {
    outcome: 'notSent',
    index: i,
    item,
    sends: 0,
    why: l10n.t('changed since the preview: the action no longer changes it ({0})', again.skipped),
  };
  return { kind: 'settled', before: now, after: now, outcome };
}

const madeAgainText = (noun: string): string =>
  l10n.t('the {0} was deleted since the preview and made again under its key: another {0}, left alone', noun);

function refusedHere<R, U>(i: number, item: U, record: R, reason: 'missing' | 'invalid', message: string): Again<R, U> {
  const outcome: ItemOutcome<U, R> = { outcome: 'failed', index: i, item, sends: 0, failure: { reason, message } };
  return { kind: 'settled', before: record, after: record, outcome };
}

export const notSent = <R, U>(plan: SendablePlan<R, U>, i: number, why?: string): ItemOutcome<U, R> => ({
  outcome: 'notSent',
  index: i,
  item: plan.items[i]!,
  sends: 0,
  ...(why ? { why } : {}),
});

export const message = (err: unknown): string => (err instanceof Error ? err.message : String(err));

export async function readAgain<R extends object, U>(
  { kind, api }: BulkSource<R, U>,
  positions: number[],
  plan: SendablePlan<R, U>,
  signal?: AbortSignal,
): Promise<Map<string, R> | undefined> {
  if (!plan.planAgain || signal?.aborted) return undefined;
  const keys = positions.map((i) => kind.key(plan.preImages[i]!));
  const records: R[] = [];
  for (let i = 0; i < keys.length; i += LIMITS.itemsPerRequest)
    records.push(...(await api.retrieveExisting(keys.slice(i, i + LIMITS.itemsPerRequest), signal)));
  return new Map(records.map((r) => [kind.key(r), r]));
}

export function pushImages<R, U>(
  sent: Sent<R, U>,
  plan: SendablePlan<R, U>,
  i: number,
  before: R,
  after: R,
  item?: U,
): void {
  sent.items[i] = item ?? plan.items[i]!;
  sent.preImages[i] = before;
  sent.afterImages[i] = after;
}

export const sliceOf = <R, U>(sent: RunPlan<R, U>, positions: number[]): RunPlan<R, U> => ({
  items: positions.map((i) => sent.items[i]!),
  preImages: positions.map((i) => sent.preImages[i]!),
  afterImages: positions.map((i) => sent.afterImages[i]!),
});
