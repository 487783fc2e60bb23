/**
 * Any number of CogniteFile upsert items, each reported: chunks of at most 1000 (one transaction
 * each), as many in flight as the project's concurrent write limit (`GET /models/statistics`) to
 * start with, fewer when CDF answers 429 (node-write-gate.ts: a throttled chunk goes back to the
 * front of the queue, nothing of it was written). Right before its upsert, each chunk's nodes are
 * checked to still exist (only their versions are read: an upsert would create a deleted node
 * again), and its report built from the node as read before, what was sent and the answer
 * (node-written.ts, recent-node-reads.ts). A refused chunk
 * applied nothing, so its items that the refusal does not name are sent again without
 * the named ones: a stale version fails only its node (reason 'conflict'), a missing reference only
 * the node holding it; a refusal that names nobody is halved until it does.
 */
import * as l10n from '@vscode/l10n';
import { CdfApiError, chunk, isAbortError } from '../cdf/client';
import { DMS_LIMITS, nodeKeyOf, type CogniteFileUpsertItem, type NodeStamp, type SlimNode } from '../cdf/model';
import { OutcomeUnknownError, type ItemOutcome, type UpdateOptions, type UpdateReport } from '../core/ports';
import type { CogniteFileRecord } from '../core/records';
import { isThrottled, NodeWriteGate, type Ticket } from './node-write-gate';
import { messageOf, namedBy } from './node-refusals';
import { errText, failed, nodeUpdateReport, type Attempt, type DistributiveOmit } from './node-update-report';
import { deletedSinceRead, provenWritten, writtenRecord } from './node-written';

type U = CogniteFileUpsertItem;
type R = CogniteFileRecord;
type Outcome = ItemOutcome<U, R>;

export interface NodeWrites {
  /**
   * One request, all or nothing, answered in item order; throws core's typed refusals (see
   * upsertOnce), a 429 as it came.
   */
  readonly upsert: (items: readonly U[], signal?: AbortSignal) => Promise<SlimNode[]>;
  /**
   * The nodes that exist now, read right before an upsert (which would create a deleted one again):
   * version and createdTime only, no properties.
   */
  readonly existing: (keys: readonly string[], signal?: AbortSignal) => Promise<NodeStamp[]>;
  /** The node with all its properties when it was read earlier at exactly this incarnation and version. */
  readonly known: (now: NodeStamp) => R | undefined;
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
  const run = new NodeRun(items, options, writes);
  const size = Math.min(options.chunkSize ?? DMS_LIMITS.itemsPerRequest, DMS_LIMITS.itemsPerRequest);
  run.queue.push(...chunk([...items.keys()], size));
  // The write limit and the first chunk's check are both reads: asked together, the first upsert
  // waits one round trip for them instead of two.
  run.checkAhead(run.queue[0]);
  await run.sendAll(new NodeWriteGate(await concurrencyOf(options, writes)));
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
  /** The check of a chunk started before its turn (see checkAhead). */
  private readonly ahead = new Map<number[], Promise<number[]>>();
  private gate = new NodeWriteGate(1);
  /** Each node as it was right before its latest send, when known without reading its properties. */
  private readonly before = new Map<string, R | undefined>();

  constructor(
    private readonly items: readonly U[],
    private readonly options: UpdateOptions,
    private readonly writes: NodeWrites,
  ) {
    this.outcomes = items.map(() => undefined);
    this.sends = items.map(() => 0);
    this.throttledSends = items.map(() => 0);
  }

  /** Starts the check of `indexes` now; their send uses it instead of checking again. */
  checkAhead(indexes: number[] | undefined): void {
    if (!indexes) return;
    const check = this.stillThere(indexes);
    check.catch(() => undefined); // handled by the send that takes it
    this.ahead.set(indexes, check);
  }

  /** Sends the queue as `gate` lets requests start, until it is empty (or cancelled). */
  async sendAll(gate: NodeWriteGate): Promise<void> {
    this.gate = gate;
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
    const check = this.ahead.get(all) ?? this.stillThere(all);
    this.ahead.delete(all);
    const indexes = await check.catch((err: unknown) => {
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
    await this.applied(indexes, answers);
  }

  /**
   * Settles an answered chunk applied. Its records are built from the node read right before the
   * upsert, what was sent and the upsert's answer (version, lastUpdatedTime) when the answer proves
   * them exact (provenWritten); only the others are read back. An unreadable node keeps the built record.
   */
  private async applied(indexes: number[], answers: readonly SlimNode[]): Promise<void> {
    // The slot this answer freed goes to the next chunk first: its request starts before this
    // chunk's records are built.
    await new Promise((resolve) => setImmediate(resolve));
    const built = indexes.map((i, at) => provenWritten(this.before.get(this.keyOf(i)), this.items[i]!, answers[at]));
    const unproven = indexes.filter((_, at) => !built[at]).map((i) => this.keyOf(i));
    const records = unproven.length ? await this.writes.readBack(unproven, this.options.signal).catch(() => []) : [];
    const byKey = new Map(records.map((r) => [nodeKeyOf(r), r]));
    indexes.forEach((i, at) => {
      const item = this.items[i]!;
      // Known applied; without the read-back, the record is the node known before with what was written.
      const before = this.before.get(this.keyOf(i));
      const record = built[at] ?? byKey.get(this.keyOf(i)) ?? (before && writtenRecord(before, item, answers[at]));
      this.settle(i, { outcome: 'applied', record });
    });
  }

  private keyOf(index: number): string {
    return nodeKeyOf(this.items[index]!);
  }

  /** The items whose node exists now; the others fail as deleted, unsent. A failed read throws. */
  private async stillThere(indexes: number[]): Promise<number[]> {
    const existing = await this.writes.existing(
      indexes.map((i) => nodeKeyOf(this.items[i]!)),
      this.options.signal,
    );
    const there = new Set(
      existing.map((now) => (this.before.set(nodeKeyOf(now), this.writes.known(now)), nodeKeyOf(now))),
    );
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
    const { attempts, gate } = this;
    const cancelled = this.options.signal?.aborted ?? false;
    return nodeUpdateReport(this.items, this.outcomes, { attempts, gate, cancelled, started });
  }
}
