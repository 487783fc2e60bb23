/**
 * `POST /files/update` for any number of items: chunks of at most 1000, sent under a concurrency
 * limit that adapts to throttling, with per-item outcomes (see update-report.ts).
 *
 * Why re-sending an update is safe (so 5xx and network failures are retried, and `unknown` items
 * may be sent again): every patch sets a value (`set`, `setNull`), or adds/removes members of a set
 * (`assetIds`, `labels`, `metadata` keys), and doing that twice gives the same record as doing it
 * once. The one exception is an item named by `externalId` that also changes its `externalId`: once
 * applied, the old name is gone and a re-send fails with `missing`. So a `missing` or `duplicated`
 * that follows an attempt which may have been applied is reported `unknown`, not `failed`.
 *
 * A rejected request is all-or-nothing in CDF (a 4xx applies no item of it): on 400/409/422 that names
 * `missing` / `duplicated` items, those fail and the rest of the chunk is sent again without them.
 * A rejection that names no item is narrowed down by splitting the chunk in halves.
 *
 * Throttling is scheduled here, for the whole job: a 429 comes back to the runner (the transport does
 * not wait it out holding a slot) and its chunk goes to the front of the queue; a 429 for concurrency
 * lowers the limit to what the server admitted, one for the rate slows the pacer (rate-pacer.ts), and
 * a `Retry-After` or repeated overloads hold back every start (throttle-delay.ts), so a crowd of
 * refused requests comes back as a trickle. A chunk refused more often than the policy allows fails.
 */
import { setMaxListeners } from 'node:events';
import * as z from 'zod/mini';
import { LIMITS, type FileUpdateItem, type UpdateOptions, type UpdateProgress, type UpdateReport } from '../../model';
import type { Logger } from '../../logging';
import { AdaptiveConcurrency } from '../adaptive-concurrency';
import { CdfApiError } from '../errors';
import { DOCUMENTED_ITEMS_PER_SECOND, RatePacer } from '../rate-pacer';
import type { CdfTransport } from '../transport';
import { RequestTraffic } from './request-traffic';
import { SendQueue } from './send-queue';
import { throttleCause, throttledDelayMs } from './throttle-delay';
import { recordsOfAnswer } from './read-records';
import { errorText, settleRejected, splitBudget, type RefusalContext, type Unit } from './settle-refusal';
import { UpdateLedger, type SettleInput } from './update-ledger';
import { buildReport } from './update-report';

/** The envelope only; each record is read by read-records.ts (same validation, less CPU). */
const updateResponse = z.object({ items: z.array(z.unknown()) });

export async function runUpdate(
  transport: CdfTransport,
  logger: Logger,
  items: readonly FileUpdateItem[],
  options: UpdateOptions = {},
): Promise<UpdateReport> {
  const run = new UpdateRun(transport, logger, items, options);
  return run.execute();
}

class UpdateRun {
  private readonly ledger: UpdateLedger;
  private readonly queue: SendQueue;
  private readonly limiter: AdaptiveConcurrency;
  private readonly pacer: RatePacer;
  private wake: Promise<void> | undefined;
  private readonly traffic: RequestTraffic;
  private splitRequests = 0;
  private maxSplitRequests = 0;
  private peakConcurrency: number;
  private readonly graceController = new AbortController();
  private readonly startedAt = Date.now();
  private readonly refusals: RefusalContext;

  constructor(
    private readonly transport: CdfTransport,
    private readonly logger: Logger,
    private readonly items: readonly FileUpdateItem[],
    private readonly options: UpdateOptions,
  ) {
    this.ledger = new UpdateLedger(items);
    const chunkSize = Math.min(options.chunkSize ?? LIMITS.itemsPerRequest, LIMITS.itemsPerRequest);
    this.queue = new SendQueue(this.ledger, chunkSize);
    this.maxSplitRequests = splitBudget(this.queue.chunksAtMost);
    this.refusals = {
      ledger: this.ledger,
      logger,
      cancelled: () => options.signal?.aborted ?? false,
      requeue: (...units) => this.queue.requeue(...units),
      takeSplit: () => {
        if (this.splitRequests >= this.maxSplitRequests) return false;
        this.splitRequests += 2;
        return true;
      },
    };
    this.limiter = new AdaptiveConcurrency(options.concurrency);
    // Every request on the wire listens on this signal: more than Node's default of 10 is no leak.
    setMaxListeners(100, this.graceController.signal);
    this.peakConcurrency = this.limiter.limit;
    // CDF documents its per-identity budget in items (120,000/s): 120 requests/s of 1000.
    const documentedRate = DOCUMENTED_ITEMS_PER_SECOND / Math.max(1, chunkSize);
    this.pacer = new RatePacer(documentedRate, Math.max(this.limiter.limit, 1), () => transport.retryPolicy.now());
    this.traffic = new RequestTraffic(this.limiter, this.pacer, this.ledger, transport.retryPolicy, () =>
      this.progress(),
    );
  }

  async execute(): Promise<UpdateReport> {
    const { signal } = this.options;
    let graceTimer: ReturnType<typeof setTimeout> | undefined;
    const onAbort = (): void => {
      graceTimer = setTimeout(() => this.graceController.abort(signal?.reason), this.options.cancelGraceMs ?? 2000);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    if (signal?.aborted) onAbort();

    try {
      await this.sendAll();
      for (const unit of this.queue.takeRest()) {
        // A re-queued batch whose earlier attempt may have landed is not "not sent": it may be applied.
        const outcome: SettleInput = unit.possiblyApplied
          ? { outcome: 'unknown', why: 'cancelled before it was sent again; an earlier attempt may have been applied' }
          : { outcome: 'notSent' };
        for (const i of unit.indexes) this.ledger.settle(i, outcome);
      }
    } finally {
      signal?.removeEventListener('abort', onAbort);
      clearTimeout(graceTimer);
      this.graceController.abort();
    }

    this.progress();
    const outcomes = this.ledger.all();
    const { attempts, requestsSent, throttled } = this.traffic;
    const report = buildReport(outcomes, attempts, signal?.aborted ?? false, {
      requestsSent,
      throttled,
      peakConcurrency: this.peakConcurrency,
      finalConcurrency: this.limiter.limit,
      durationMs: Date.now() - this.startedAt,
    });
    this.logger.info(
      `files/update: ${report.applied.length} applied, ${report.failed.length} failed, ${report.unknown.length} unknown, ` +
        `${report.notSent.length} not sent; ${requestsSent} requests, ${throttled} throttled, ${report.stats.durationMs} ms`,
    );
    return report;
  }

  /** Sends the queue under the concurrency limit and the pacer until it is empty (or cancelled). */
  private async sendAll(): Promise<void> {
    const { signal } = this.options;
    const running = new Set<Promise<void>>();
    this.progress();
    for (;;) {
      let waitMs = 0;
      // In progress: running, less those answered and being read (their server slot is free).
      while (!signal?.aborted && running.size - this.traffic.reading < this.limiter.limit && this.queue.hasNext()) {
        waitMs = this.pacer.waitMs();
        if (waitMs > 0) break;
        this.pacer.take();
        const unit = this.queue.next() as Unit;
        const task: Promise<void> = this.send(unit).finally(() => running.delete(task));
        running.add(task);
        this.peakConcurrency = Math.max(this.peakConcurrency, running.size - this.traffic.reading);
        // A turn of the event loop before the next start: this request goes on the wire before the
        // next one is built (its items checked, its body serialised), so the server starts sooner.
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
      if (running.size === 0 && (signal?.aborted || !this.queue.hasNext())) break;
      await Promise.race([...running, this.traffic.nextAnswer(), ...(waitMs > 0 ? [this.wakeAfter(waitMs)] : [])]);
    }
  }

  /** One pending timer for the pacer at a time; resolves (never rejects) after `ms` or on cancel. */
  private wakeAfter(ms: number): Promise<void> {
    this.wake ??= this.transport.retryPolicy
      .sleep(ms, this.options.signal)
      .catch(() => undefined)
      .finally(() => {
        this.wake = undefined;
      });
    return this.wake;
  }

  private async send(unit: Unit): Promise<void> {
    const { signal } = this.options;
    const body = { items: unit.indexes.map((i) => this.items[i] as FileUpdateItem) };
    const firstSentAt = unit.firstSentAt ?? this.transport.retryPolicy.now();
    const wire = this.traffic.watch(unit);
    try {
      const response = await this.transport.request({
        method: 'POST',
        path: '/files/update',
        body,
        response: updateResponse,
        idempotent: true,
        retryThrottled: false,
        yieldBeforeParsing: true,
        signal: this.graceController.signal,
        stopRetrying: signal,
        onAttempt: wire.onAttempt,
      });
      const records = recordsOfAnswer(body.items, response.data.items, (line) => this.logger.warn(line));
      unit.indexes.forEach((index, k) => this.ledger.settle(index, { outcome: 'applied', record: records[k] }));
    } catch (error) {
      const { onTheWire, possiblyApplied } = wire;
      if (onTheWire) this.traffic.abandoned(wire);
      if (error instanceof CdfApiError && error.status === 429) {
        const throttle = this.traffic.learnThrottleCause(wire, throttleCause(error.message));
        if (!signal?.aborted && this.requeueThrottled(unit, error, possiblyApplied, firstSentAt, throttle)) return;
      }
      settleRejected(this.refusals, unit, error, { onTheWire, possiblyApplied });
    } finally {
      this.traffic.finished(wire);
      this.progress();
    }
  }

  /**
   * A 429: puts the chunk back at the front of the queue and holds back the starts as the answer
   * asks, or returns false when the retry policy says to give up (the chunk then fails: refused).
   */
  private requeueThrottled(
    unit: Unit,
    error: CdfApiError,
    possiblyApplied: boolean,
    firstSentAt: number,
    throttle: { streak: number; fresh: boolean },
  ): boolean {
    const attempts = (unit.throttledAttempts ?? 0) + error.attempts;
    const delayMs = throttledDelayMs(error, this.transport.retryPolicy, throttle, this.pacer);
    const policy = this.transport.retryPolicy;
    if (delayMs === undefined || attempts >= policy.maxAttempts) return false;
    if (policy.now() + delayMs - firstSentAt > policy.maxTotalMs) return false;
    if (delayMs > 0) this.pacer.pause(delayMs);
    this.queue.requeue({ indexes: unit.indexes, possiblyApplied, throttledAttempts: attempts, firstSentAt });
    return true;
  }

  private progress(): void {
    const { onProgress } = this.options;
    if (!onProgress) return;
    const progress: UpdateProgress = {
      total: this.items.length,
      ...this.ledger.counts,
      pending: this.items.length - this.ledger.settled,
      requestsSent: this.traffic.requestsSent,
      throttled: this.traffic.throttled,
      concurrency: this.limiter.limit,
    };
    try {
      onProgress(progress);
    } catch (error) {
      // A broken progress display must not break the job (or leave it half-reported).
      this.logger.warn(`files/update: the progress callback failed: ${errorText(error)}`);
    }
  }
}
