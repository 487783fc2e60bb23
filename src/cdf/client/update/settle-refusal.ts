/**
 * How a request of a bulk update that did not succeed settles its items: cancelled, no answer, an
 * answer we cannot read, or CDF's refusal. A refusal that names items fails those and sends the rest
 * again; one that names none is narrowed down by halves, within a budget of extra requests.
 */
import type { Logger } from '../../logging';
import type { FailureReason } from '../../model';
import { CdfApiError, CdfNetworkError, CdfResponseValidationError } from '../errors';
import { matchReferences } from './item-references';
import type { SettleInput, UpdateLedger } from './update-ledger';

/**
 * Halving a rejected request to find the items it does not name costs about 2·log2(size) requests
 * per bad item. The budget per job: enough to isolate one bad item in every chunk, plus some.
 */
export const splitBudget = (chunks: number): number => 100 + 20 * chunks;

/** Items sent together in one request (positions in the input). */
export interface Unit {
  readonly indexes: readonly number[];
  /** An earlier request carrying these items may have been applied (5xx / no answer). */
  readonly possiblyApplied: boolean;
  /** Attempts already spent on throttled sends of these items, and when the first was sent. */
  readonly throttledAttempts?: number;
  readonly firstSentAt?: number;
}

export interface RefusalContext {
  readonly ledger: UpdateLedger;
  readonly logger: Logger;
  cancelled(): boolean;
  /** Puts units back at the front of the queue. */
  requeue(...units: Unit[]): void;
  /** Takes two requests of the budget for halving a refusal; false when it is spent. */
  takeSplit(): boolean;
}

export function settleRejected(
  ctx: RefusalContext,
  unit: Unit,
  error: unknown,
  state: { onTheWire: boolean; possiblyApplied: boolean },
): void {
  const settleAll = (o: SettleInput): void => unit.indexes.forEach((i) => ctx.ledger.settle(i, o));

  // A 429 applies nothing: once the job is cancelled, its chunk is simply not sent again (not failed).
  const refusedForThrottling = error instanceof CdfApiError && error.status === 429;
  if (ctx.cancelled() && (!(error instanceof CdfApiError) || refusedForThrottling)) {
    if (state.onTheWire || state.possiblyApplied) {
      settleAll({ outcome: 'unknown', why: 'cancelled while a request with this item was in flight' });
    } else {
      settleAll({ outcome: 'notSent' });
    }
    return;
  }
  if (error instanceof CdfResponseValidationError) {
    // A 2xx whose body we cannot read: CDF applied the chunk.
    ctx.logger.warn(`files/update: ${error.message}`);
    settleAll({ outcome: 'applied', record: undefined });
    return;
  }
  if (error instanceof CdfNetworkError) {
    settleAll({ outcome: 'unknown', why: error.message });
    return;
  }
  if (!(error instanceof CdfApiError)) {
    // Nothing reached CDF in a way we could see (e.g. no token): safe to try again later.
    const message = errorText(error);
    if (state.possiblyApplied) settleAll({ outcome: 'unknown', why: message });
    else unit.indexes.forEach((i) => ctx.ledger.fail(i, { reason: 'other', message }));
    return;
  }
  settleApiError(ctx, unit, error, state.possiblyApplied);
}

function settleApiError(ctx: RefusalContext, unit: Unit, error: CdfApiError, possiblyApplied: boolean): void {
  const rejected = error.status === 400 || error.status === 409 || error.status === 422;
  if (rejected && settleNamedItems(ctx, unit, error, possiblyApplied)) return;

  const splittable = (rejected || error.status === 413) && unit.indexes.length > 1;
  if (splittable && ctx.takeSplit()) {
    const half = Math.ceil(unit.indexes.length / 2);
    ctx.requeue(
      { indexes: unit.indexes.slice(0, half), possiblyApplied },
      { indexes: unit.indexes.slice(half), possiblyApplied },
    );
    return;
  }
  const { message, status, requestId } = error;
  if (status >= 500 || possiblyApplied) {
    unit.indexes.forEach((i) => ctx.ledger.settle(i, { outcome: 'unknown', why: message, status, requestId }));
    return;
  }
  // 429 here means the retry budget ran out while throttled: refused, so not applied.
  const reason: FailureReason = !(rejected || status === 413)
    ? 'other'
    : error.missing.length > 0
      ? 'missing'
      : error.duplicated.length > 0
        ? 'duplicated'
        : 'invalid';
  if (splittable) {
    const whole = `${message} (CDF rejected ${unit.indexes.length} items together without naming which; the client stopped narrowing it down, so some may be fine)`;
    unit.indexes.forEach((i) => ctx.ledger.fail(i, { reason, message: whole, status, requestId, notIsolated: true }));
    return;
  }
  unit.indexes.forEach((i) => ctx.ledger.fail(i, { reason, message, status, requestId }));
}

/**
 * A refusal that names `missing` / `duplicated` items: those fail (or are `unknown`, if an earlier
 * attempt may have been applied and so be the cause), the rest is sent again. False when none of the
 * named items is in this request.
 */
function settleNamedItems(ctx: RefusalContext, unit: Unit, error: CdfApiError, possiblyApplied: boolean): boolean {
  if (error.missing.length === 0 && error.duplicated.length === 0) return false;
  const unitItems = unit.indexes.map((i) => ctx.ledger.item(i));
  const missing = matchReferences(unitItems, error.missing, 'missing');
  const duplicated = matchReferences(unitItems, error.duplicated, 'duplicated');
  if (missing.size + duplicated.size === 0) return false;
  const { message, status, requestId } = error;
  const good: number[] = [];
  unit.indexes.forEach((index, k) => {
    const reason: FailureReason | undefined = missing.has(k) ? 'missing' : duplicated.has(k) ? 'duplicated' : undefined;
    if (reason === undefined) good.push(index);
    else if (possiblyApplied) {
      const why = `${message} — but an earlier attempt that may have been applied could be the cause`;
      ctx.ledger.settle(index, { outcome: 'unknown', why, status, requestId });
    } else ctx.ledger.fail(index, { reason, message, status, requestId });
  });
  if (good.length > 0) ctx.requeue({ indexes: good, possiblyApplied });
  return true;
}

export function errorText(error: unknown): string {
  if (error instanceof Error) {
    const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
    return `${error.message}${cause}`;
  }
  return String(error);
}
