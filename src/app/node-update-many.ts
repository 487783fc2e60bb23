/**
 * Any number of CogniteFile upsert items, each reported: chunks of at most 1000 (one transaction
 * each), as many in flight as the project's write limit allows, fewer on 429 (node-write-gate.ts).
 * A refused chunk applied nothing, so its items the refusal does not name are sent again without the
 * named ones: a stale version fails only its node (reason 'conflict'), a missing reference only the
 * node holding it; a refusal that names nobody is halved until it does.
 */
import * as l10n from '@vscode/l10n';
import { CdfApiError, chunk, isAbortError } from '../cdf/client';
import { DMS_LIMITS, nodeKeyOf, type CogniteFileUpsertItem, type SlimNode } from '../cdf/model';
import {
  OutcomeUnknownError,
  ReferencesMissingError,
  VersionConflictError,
  type ItemOutcome,
  type UpdateOptions,
  type UpdateReport,
} from '../core/ports';
import type { CogniteFileRecord } from '../core/records';
import { deletedSinceRead, writtenRecord } from './node-written';
import { isThrottled, NodeWriteGate, type Ticket } from './node-write-gate';

type U = CogniteFileUpsertItem;
type R = CogniteFileRecord;
type Outcome = ItemOutcome<U, R>;

export interface NodeWrites {
  /** One request, all or nothing, answered in item order; throws core's typed refusals (see upsertOnce), a 429 as it came. */
  readonly upsert: (items: readonly U[], signal?: AbortSignal) => Promise<SlimNode[]>;
  /** The nodes that exist now, read right before an upsert (which would create a deleted one again). */
  readonly existing: (keys: readonly string[], signal?: AbortSignal) => Promise<R[]>;
  /** The written nodes as CDF holds them now (for the report's records). */
  readonly readBack: (keys: readonly string[], signal?: AbortSignal) => Promise<R[]>;
  /** The project's concurrent write limit. */
  readonly writeLimit: (signal?: AbortSignal) => Promise<number>;
}

export async function nodeUpdateMany(
  items: readonly U[],
  options: UpdateOptions,
  writes: NodeWrites,
): Promise<UpdateReport<U, R>> {
  const started = Date.now();
  const run = new NodeRun(items, options, writes, new NodeWriteGate(await concurrencyOf(options, writes)));
  const size = Math.min(options.chunkSize ?? DMS_LIMITS.itemsPerRequest, DMS_LIMITS.itemsPerRequest);
  run.queue.push(...chunk([...items.keys()], size));
  await run.sendAll();
  return run.report(started);
}

/** The project's write limit, within the caller's bounds; 1 when it cannot be read. */
async function concurrencyOf(options: UpdateOptions, writes: NodeWrites): Promise<number> {
  const limit = await writes.writeLimit(options.signal).catch(() => 1);
  const max = Math.min(limit, options.concurrency?.max ?? limit);
  return Math.max(1, options.concurrency?.min ?? 1, Math.min(max, options.concurrency?.initial ?? max));
}

class NodeRun {
  readonly queue: number[][] = [];
  private readonly outcomes: (Outcome | undefined)[];
  private readonly sends: number[];
  /** 429s per item: a chunk refused as often as the retry policy allows is reported not sent. */
  private readonly throttledSends: number[];
  private readonly attempts: Attempt[] = [];
  /** Each node as read right before its latest send. */
  private readonly before = new Map<string, R>();

  constructor(
    private readonly items: readonly U[],
    private readonly options: UpdateOptions,
    private readonly writes: NodeWrites,
    private readonly gate: NodeWriteGate,
  ) {
    this.outcomes = items.map(() => undefined);
    this.sends = items.map(() => 0);
    this.throttledSends = items.map(() => 0);
  }

  /** Sends the queue as the gate lets requests start, until it is empty (or cancelled). */
  async sendAll(): Promise<void> {
    const { signal } = this.options;
    const running = new Set<Promise<void>>();
    for (;;) {
      if (this.queue.length > 0 && !signal?.aborted) {
        const ticket = await this.gate.enter(signal);
        if (!ticket) continue;
        const task: Promise<void> = this.send(this.queue.shift()!, ticket)
          .then(() => this.progress())
          .finally(() => running.delete(task));
        running.add(task);
      } else if (running.size > 0) await Promise.race(running);
      else break;
    }
    // Never sent, or only refused with 429: nothing of these was written.
    this.queue.splice(0).forEach((indexes) => indexes.forEach((i) => this.settle(i, { outcome: 'notSent' })));
    this.progress();
  }

  private async send(all: number[], ticket: Ticket): Promise<void> {
    const indexes = await this.stillThere(all).catch((err: unknown) => {
      all.forEach((i) => this.settle(i, { outcome: 'notSent', why: errText(err) }));
      return [];
    });
    if (!indexes.length) {
      this.gate.ended();
      return;
    }
    const chunkItems = indexes.map((i) => this.items[i]!);
    indexes.forEach((i) => this.sends[i]!++);
    const attempt: Attempt = { itemIndexes: indexes, attempt: Math.max(...indexes.map((i) => this.sends[i]!)) };
    this.attempts.push(attempt);
    let answers: SlimNode[];
    try {
      answers = await this.writes.upsert(chunkItems, this.options.signal);
      this.gate.admitted();
    } catch (err) {
      if (isThrottled(err)) return this.throttled(indexes, err, attempt, ticket);
      this.gate.ended();
      return this.refused(indexes, err, attempt);
    }
    const records = await this.writes.readBack(chunkItems.map(nodeKeyOf), this.options.signal).catch(() => []);
    const byKey = new Map(records.map((r) => [nodeKeyOf(r), r]));
    indexes.forEach((i, at) => {
      const item = this.items[i]!;
      // Known applied; without the read-back, the record is the node read before with what was written.
      const record = byKey.get(nodeKeyOf(item)) ?? writtenRecord(this.before.get(nodeKeyOf(item))!, item, answers[at]);
      this.settle(i, { outcome: 'applied', record });
    });
  }

  /** The items whose node exists now; the others fail as deleted, unsent. A failed read throws. */
  private async stillThere(indexes: number[]): Promise<number[]> {
    const existing = await this.writes.existing(
      indexes.map((i) => nodeKeyOf(this.items[i]!)),
      this.options.signal,
    );
    const there = new Set(existing.map((r) => (this.before.set(nodeKeyOf(r), r), nodeKeyOf(r))));
    const gone = indexes.filter((i) => !there.has(nodeKeyOf(this.items[i]!)));
    gone.forEach((i) => this.settle(i, failed('missing', deletedSinceRead())));
    return indexes.filter((i) => !gone.includes(i));
  }

  /** A 429: nothing was written; the chunk goes to the front of the queue, or is not sent after too many. */
  private throttled(indexes: number[], err: CdfApiError, attempt: Attempt, ticket: Ticket): void {
    attempt.status = 429;
    indexes.forEach((i) => this.throttledSends[i]!++);
    const again = this.gate.refused(ticket, err, Math.max(...indexes.map((i) => this.throttledSends[i]!)));
    if (again && !this.options.signal?.aborted) this.queue.unshift(indexes);
    else indexes.forEach((i) => this.settle(i, { outcome: 'notSent', why: l10n.t('CDF kept throttling') }));
  }

  /** Settles what a refusal names, queues the rest again (nothing of the request was applied). */
  private refused(indexes: number[], err: unknown, attempt: Attempt): void {
    if (err instanceof OutcomeUnknownError || isAbortError(err)) {
      attempt.noAnswer = err instanceof Error ? err.message : String(err);
      indexes.forEach((i) => this.settle(i, { outcome: 'unknown', why: attempt.noAnswer! }));
      return;
    }
    const named = namedBy(err);
    if (err instanceof CdfApiError) attempt.status = err.status;
    const hit = indexes.filter((i) => named?.keys.has(nodeKeyOf(this.items[i]!)));
    if (named && hit.length > 0) {
      const status = named.reason === 'conflict' ? 409 : 400;
      hit.forEach((i) => this.settle(i, failed(named.reason, messageOf(err, this.items[i]!), status)));
      const rest = indexes.filter((i) => !hit.includes(i));
      if (rest.length) this.queue.unshift(rest);
    } else if (indexes.length > 1) {
      const half = Math.ceil(indexes.length / 2);
      this.queue.unshift(indexes.slice(0, half), indexes.slice(half));
    } else {
      const status = err instanceof CdfApiError ? err.status : undefined;
      indexes.forEach((i) => this.settle(i, failed(status === 400 ? 'invalid' : 'other', errText(err), status)));
    }
  }

  private settle(index: number, outcome: DistributiveOmit<Outcome, 'index' | 'item' | 'sends'>): void {
    this.outcomes[index] = { ...outcome, index, item: this.items[index]!, sends: this.sends[index]! };
  }

  private progress(): void {
    const done = this.outcomes.filter((o): o is Outcome => o !== undefined);
    const count = (o: Outcome['outcome']) => done.filter((d) => d.outcome === o).length;
    this.options.onProgress?.({
      total: this.items.length,
      applied: count('applied'),
      failed: count('failed'),
      unknown: count('unknown'),
      notSent: count('notSent'),
      pending: this.items.length - done.length,
      requestsSent: this.attempts.length,
      throttled: this.gate.throttled,
      concurrency: this.gate.limiter.limit,
    });
  }

  report(started: number): UpdateReport<U, R> {
    const items = this.outcomes.map(
      (o, i) => o ?? { outcome: 'notSent' as const, index: i, item: this.items[i]!, sends: 0 },
    );
    const of = <O extends Outcome['outcome']>(o: O) =>
      items.filter((x): x is Extract<Outcome, { outcome: O }> => x.outcome === o);
    return {
      total: items.length,
      items,
      applied: of('applied'),
      failed: of('failed'),
      unknown: of('unknown'),
      notSent: of('notSent'),
      cancelled: this.options.signal?.aborted ?? false,
      attempts: this.attempts,
      stats: {
        requestsSent: this.attempts.length,
        throttled: this.gate.throttled,
        peakConcurrency: this.gate.peak,
        finalConcurrency: this.gate.limiter.limit,
        durationMs: Date.now() - started,
      },
    };
  }
}

type Attempt = { itemIndexes: number[]; attempt: number; status?: number; noAnswer?: string };
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** The nodes a refusal names, and why they failed. */
function namedBy(err: unknown): { keys: Set<string>; reason: 'conflict' | 'invalid' } | undefined {
  if (err instanceof VersionConflictError) return { keys: new Set(err.keys), reason: 'conflict' };
  if (err instanceof ReferencesMissingError)
    return { keys: new Set(err.references.map((r) => r.key)), reason: 'invalid' };
  return undefined;
}

function messageOf(err: unknown, item: U): string {
  if (err instanceof ReferencesMissingError) {
    const mine = err.references.filter((r) => r.key === nodeKeyOf(item));
    return l10n.t(
      'No such node: {0} (nothing was written to this node).',
      mine.map((r) => `${r.field} → ${r.target}`).join(', '),
    );
  }
  return errText(err);
}

const failed = (reason: 'conflict' | 'invalid' | 'missing' | 'other', message: string, status?: number) => ({
  outcome: 'failed' as const,
  failure: { reason, message, ...(status === undefined ? {} : { status }) },
});

const errText = (err: unknown): string => (err instanceof Error ? err.message : String(err));
