/**
 * One node bulk update's run (node-update-many.ts): the queue of chunks, each sent as the write gate
 * lets it (node-write-gate.ts) once its ChunkPrep says which of it to send, and every item's outcome.
 */
import * as l10n from '@vscode/l10n';
import { CdfApiError, isAbortError, type AttemptEvent } from '../cdf/client';
import { nodeKeyOf, type CogniteFileUpsertItem, type SlimNode } from '../cdf/model';
import { OutcomeUnknownError, type ItemOutcome, type UpdateOptions, type UpdateReport } from '../core/ports';
import type { CogniteFileRecord } from '../core/records';
import { isThrottled, NodeWriteGate, type Ticket } from './node-write-gate';
import { answeredUnreadable, messageOf, namedBy } from './node-refusals';
import { errText, failed, nodeUpdateReport, type Attempt, type DistributiveOmit } from './node-update-report';
import { OutcomeTally } from './node-update-report';
import type { NodeWrites } from './node-writes';
import { answeredOutcomes, type ReadBefore } from './node-answered';
import { missingOutcome, type ChunkHost, type ChunkPrep } from './node-chunk-prep';

type U = CogniteFileUpsertItem;
type R = CogniteFileRecord;
type Outcome = ItemOutcome<U, R>;
export type { NodeWrites } from './node-writes';

export class NodeRun {
  readonly queue: number[][] = [];
  private readonly outcomes: (Outcome | undefined)[];
  private readonly sends: number[];
  /** 429s per item: a chunk refused as often as the retry policy allows is reported not sent. */
  private readonly throttledSends: number[];
  private readonly attempts: Attempt[] = [];
  private readonly tally = new OutcomeTally();
  /** 409s per item, each read and planned again while fewer than `replans`. */
  private readonly conflicts: number[];
  private readonly items: U[];
  readonly prep: ChunkPrep;
  private gate = new NodeWriteGate(1);
  /** Each node as read right before its latest send: its incarnation, its properties when known without reading them. */
  private readonly before = new Map<string, ReadBefore>();
  /** Chunks being got ready ahead or ready, not yet sent: at most one per write slot (getAhead). */
  private readonly unsent = new Set<number[]>();

  constructor(
    items: readonly U[],
    private readonly options: UpdateOptions,
    private readonly writes: NodeWrites,
    prep: (host: ChunkHost) => ChunkPrep,
    private readonly replans: number,
  ) {
    this.items = [...items];
    [this.outcomes, this.sends] = [items.map(() => undefined), items.map(() => 0)];
    [this.throttledSends, this.conflicts] = [items.map(() => 0), items.map(() => 0)];
    this.prep = prep({
      signal: options.signal,
      item: (i) => this.items[i]!,
      replace: (i, item) => void (this.items[i] = item),
      knowBefore: (read, record) => void this.before.set(nodeKeyOf(read), { createdTime: read.createdTime, record }),
      missing: (i) => this.settle(i, missingOutcome()),
      refuse: (i, outcome) => this.settle(i, outcome),
      unchanged: (i) => this.settle(i, { outcome: 'notSent' }),
    });
  }

  /** Sends the queue as `gate` lets requests start, until it is empty (or cancelled). */
  async sendAll(gate: NodeWriteGate): Promise<void> {
    this.gate = gate;
    const { signal } = this.options;
    const running = new Set<Promise<void>>();
    this.getAhead();
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

  /**
   * A pipelined prep gets the next chunks ready while the upserts before them are in flight, so a
   * freed slot waits only for the last check (node-chunk-prep.ts). At most one chunk per write slot
   * ready unsent: WHY: getting ready plans it, a plan may have side effects (undo images).
   */
  private getAhead(): void {
    if (!this.prep.pipelined) return;
    for (const indexes of this.queue) {
      if (this.unsent.size >= this.gate.limiter.limit) return;
      if (this.unsent.has(indexes)) continue;
      this.unsent.add(indexes);
      this.prep.ahead(indexes);
    }
  }

  /** `indexes` is on the wire, or will not be sent: the next chunk may be got ready. */
  private left(indexes: number[]): void {
    if (this.unsent.delete(indexes)) this.getAhead();
  }

  private async send(all: number[], ticket: Ticket): Promise<void> {
    const indexes = await this.prep.ready(all).catch((err: unknown) => {
      // Those the read already found gone keep that outcome.
      all.filter((i) => !this.outcomes[i]).forEach((i) => this.settle(i, { outcome: 'notSent', why: errText(err) }));
      return [];
    });
    if (!indexes.length) {
      this.gate.ended();
      this.left(all);
      return;
    }
    const chunkItems = indexes.map((i) => this.items[i]!);
    indexes.forEach((i) => this.sends[i]!++);
    const attempt: Attempt = { itemIndexes: indexes, attempt: Math.max(...indexes.map((i) => this.sends[i]!)) };
    this.attempts.push(attempt);
    // The slot is freed once a 2xx is known, before 1000 answers are parsed: the next request goes first.
    let released = false;
    const onAttempt = (event: AttemptEvent) => {
      if (event.type === 'sending') this.left(all);
      else if (event.type === 'answered' && event.status >= 200 && event.status < 300 && !released) {
        released = true;
        this.gate.admitted();
      }
    };
    let answers: SlimNode[];
    try {
      answers = await this.writes.upsert(chunkItems, this.options.signal, onAttempt);
      if (!released) this.gate.admitted();
    } catch (err) {
      this.left(all);
      if (answeredUnreadable(err)) return (released || this.gate.admitted(), this.applied(indexes, []));
      if (!released && isThrottled(err)) return this.throttled(indexes, err, attempt, ticket);
      if (!released) this.gate.ended();
      return this.refused(indexes, err, attempt);
    }
    await this.applied(indexes, answers);
  }

  /** Settles an answered chunk's items (node-answered.ts). */
  private async applied(indexes: number[], answers: readonly SlimNode[]): Promise<void> {
    // The slot this answer freed goes to the next chunk first: its request starts before this
    // chunk's records are built.
    await new Promise((resolve) => setImmediate(resolve));
    const items = indexes.map((i) => this.items[i]!);
    const before = (key: string) => this.before.get(key);
    const outcomes = await answeredOutcomes(items, answers, before, this.writes, this.options.signal);
    indexes.forEach((i, at) => this.settle(i, outcomes[at]!));
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
      attempt.status ??= status;
      // A stale version, planned on the read right before the upsert, is planned again on a new read.
      const again = named.reason === 'conflict' ? hit.filter((i) => this.conflicts[i]!++ < this.replans) : [];
      const settled = hit.filter((i) => !again.includes(i));
      settled.forEach((i) => this.settle(i, failed(named.reason, messageOf(err, this.items[i]!), status)));
      const rest = indexes.filter((i) => !settled.includes(i));
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
    this.tally.settled(this.outcomes[index]?.outcome, outcome.outcome);
    // Object.assign, not a spread with added keys: several times faster, once per item.
    this.outcomes[index] = Object.assign({}, outcome, { index, item: this.items[index]!, sends: this.sends[index]! });
  }

  private progress(): void {
    this.options.onProgress?.({
      total: this.items.length,
      ...this.tally.counts,
      pending: this.items.length - this.tally.done,
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
