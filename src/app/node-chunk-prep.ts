/**
 * What a node bulk update does with a chunk between getting a write slot and sending its upsert
 * (node-update-many.ts), in one of two ways; both guard the upsert with a read made at most
 * {@link FRESH_READ_MS} before it, because an upsert would create a deleted node again (node-written.ts):
 *
 * - the items are planned already (`slimCheck`): read the nodes' versions only, refuse the missing;
 * - the items are planned on the read (`plannedRead`): read the nodes with their properties, let
 *   the caller plan the chunk on them, and send each item with `existingVersion` = the version read.
 *   That one read plans the chunk AND guards its upsert, so the update reads each node once. When
 *   the caller knows the node each plan was made on (a bulk job: its preview's read), that read asks
 *   versions only and reads whole just the nodes changed since (node-chunk-reads.ts).
 */
import * as l10n from '@vscode/l10n';
import { nodeKeyOf, type CogniteFileUpsertItem, type NodeStamp } from '../cdf/model';
import type { CogniteFileRecord } from '../core/records';
import { failed } from './node-update-report';
import { deletedSinceRead } from './node-written';
import { readNow, sameStamp, wholeWhereChanged, type ChunkRead, type PlannedReads } from './node-chunk-reads';

export type { PlannedReads } from './node-chunk-reads';

type U = CogniteFileUpsertItem;
type R = CogniteFileRecord;

/**
 * How old (ms since its answer) a read made ahead of its chunk's slot may be and still guard the
 * upsert without a versions re-check. WHY 2 s: about one 1000-node upsert's time in CDF, so a chunk
 * read while the upsert before it in its slot is in flight goes out as soon as that slot frees (the
 * re-check cost each slot a round trip behind the server's other upserts); a Retry-After wait or
 * slow upserts make it older, and then it is checked again. What the wider window lets through is
 * caught after the upsert: a node changed since is refused 409 (existingVersion; read and planned
 * again), a node deleted since is made again by the upsert, which its answer tells, and the run
 * deletes it again (node-answered.ts).
 */
export const FRESH_READ_MS = 2000;

/** Whether a read answered at `answeredAt` still guards an upsert sent at `now` (FRESH_READ_MS). */
export const freshRead = (answeredAt: number, now: number): boolean => now - answeredAt <= FRESH_READ_MS;

/** How a chunk gets ready to be sent. */
export interface ChunkPrep {
  /** Whether the next chunks may be got ready (one per write slot at most) while the ones before them are sent. */
  readonly pipelined: boolean;
  /** Starts getting `indexes` ready now, before their slot (their `ready` then uses it). */
  ahead(indexes: number[]): void;
  /**
   * Right before the upsert: the indexes of `all` to send now, their items final; the others are
   * settled here (missing: never sent). Throws when the read fails (nothing of the chunk is sent).
   */
  ready(all: number[]): Promise<number[]>;
}

/** What a ChunkPrep needs of the run: its items, what it learns of each node, and the report. */
export interface ChunkHost {
  readonly signal: AbortSignal | undefined;
  item(index: number): U;
  replace(index: number, item: U): void;
  /**
   * The node as read right before the send: its stamp (which incarnation, `createdTime`) and its
   * properties (undefined when not known without reading them).
   */
  knowBefore(read: NodeStamp | R, record: R | undefined): void;
  missing(index: number): void;
  /** Settles `index` failed, unsent. */
  refuse(index: number, outcome: ReturnType<typeof failed>): void;
  unchanged(index: number): void;
}

/** Plans a chunk on its nodes as read: an item for each, or undefined where there is nothing to change. */
export type PlanChunk = (records: readonly R[]) => readonly (U | undefined)[] | Promise<readonly (U | undefined)[]>;

/** Memoizes `make` per chunk started ahead; a chunk's `ready` takes its own once. */
function aheadOf<T>(make: (indexes: number[]) => Promise<T>) {
  const started = new Map<number[], Promise<T>>();
  return {
    start(indexes: number[]): void {
      if (started.has(indexes)) return;
      const work = make(indexes);
      work.catch(() => undefined); // handled by the ready that takes it
      started.set(indexes, work);
    },
    take(indexes: number[]): Promise<T> {
      const work = started.get(indexes) ?? make(indexes);
      started.delete(indexes);
      return work;
    },
  };
}

/** What the check before a planned item's upsert reads, and what it knows of earlier reads. */
export interface SlimReads {
  readonly existing: PlannedReads['existing'];
  /** The node with all its properties when read earlier at exactly this stamp. */
  readonly known: (now: NodeStamp) => R | undefined;
  /** The node as read earlier at `version` (the read an item naming that version was planned on). */
  readonly readAt: (key: string, version: number) => R | undefined;
}

/**
 * The items are final; right before the upsert their nodes' stamps are read, and an item is sent only
 * when its node is still the incarnation it was planned on: WHY: `existingVersion` refuses only a
 * NEWER node, so a node deleted and made again (version 1, a new createdTime) would take the item
 * planned on the old one. A node at a lower version than the item names is another incarnation
 * (versions only grow); so is one whose createdTime differs from the read at that version. Those are
 * reported missing (the planned node is gone), unsent. A node named again in the same run is refused
 * per item (one request may name a node once). A check made ahead, before its slot, is made again
 * when its answer is older than {@link FRESH_READ_MS}.
 */
export function slimCheck(host: ChunkHost, reads: SlimReads, now = Date.now): ChunkPrep {
  const firstOf = new Map<string, number>();
  const incarnationOk = (item: U, stamp: NodeStamp | undefined): boolean => {
    const version = item.existingVersion;
    if (!stamp || version === undefined) return stamp !== undefined;
    const planned = reads.readAt(nodeKeyOf(item), version);
    return stamp.version >= version && (!planned || planned.createdTime === stamp.createdTime);
  };
  const checkNow = async (indexes: number[]) => {
    const once = indexes.filter((i) => {
      const key = nodeKeyOf(host.item(i));
      if (!firstOf.has(key)) firstOf.set(key, i);
      return firstOf.get(key) === i || (host.refuse(i, failed('invalid', namedTwice(key))), false);
    });
    const stamps = await reads.existing(
      once.map((i) => nodeKeyOf(host.item(i))),
      host.signal,
    );
    const answeredAt = now();
    stamps.forEach((stamp) => host.knowBefore(stamp, reads.known(stamp)));
    const byKey = new Map(stamps.map((stamp) => [nodeKeyOf(stamp), stamp]));
    const send = once.filter(
      (i) => incarnationOk(host.item(i), byKey.get(nodeKeyOf(host.item(i)))) || (host.missing(i), false),
    );
    return { send, answeredAt };
  };
  const check = aheadOf(checkNow);
  return {
    // Pipelined: a check made while the upsert before it is in flight guards its chunk for FRESH_READ_MS.
    pipelined: true,
    ahead: (indexes) => check.start(indexes),
    ready: async (all) => {
      const first = await check.take(all);
      const fresh = freshRead(first.answeredAt, now());
      return fresh || first.send.length === 0 ? first.send : (await checkNow(first.send)).send;
    },
  };
}

const namedTwice = (key: string): string => l10n.t('A node is named more than once: {0}', key);

/**
 * The items are planned on the read right before the upsert. A chunk got ready ahead (read AND
 * planned while the upserts before it are in flight, so that a freed slot sends it at once) may have
 * waited for that slot: WHY it is then checked again (versions only) when its answer is older than
 * {@link FRESH_READ_MS}: the guard's window stays bounded, never a long wait for a slot. A node
 * found at another version (or incarnation) is read and planned again (`plan` is called again for
 * those nodes: a plan with side effects, e.g. saving undo images, sees the read that is sent): what
 * was planned on the older read would be refused 409 anyway.
 */
export function plannedRead(host: ChunkHost, reads: PlannedReads, plan: PlanChunk, now = Date.now): ChunkPrep {
  const keysOf = (indexes: number[]) => indexes.map((i) => nodeKeyOf(host.item(i)));
  const readFull = (indexes: number[]): Promise<ChunkRead> => readNow(keysOf(indexes), reads, host.signal, now);
  const planOn = async (indexes: number[], read: ChunkRead): Promise<{ send: number[]; read: ChunkRead }> => {
    const byKey = new Map(read.records.map((r) => [nodeKeyOf(r), r]));
    const there = indexes.filter((i) => byKey.has(nodeKeyOf(host.item(i))) || (host.missing(i), false));
    const records = there.map((i) => byKey.get(nodeKeyOf(host.item(i)))!);
    const planned = await plan(records);
    // The version read goes on the item planned for that node only: a plan out of step would send
    // one node's change with another's version. Thrown, the chunk is not sent.
    const astray = planned.findIndex((item, at) => item && nodeKeyOf(item) !== nodeKeyOf(records[at] ?? item));
    if (planned.length !== records.length || astray >= 0)
      throw new Error(
        l10n.t('The plan answered {0} items for {1} nodes, or in another order.', planned.length, records.length),
      );
    const send = there.filter((i, at) => {
      const item = planned[at];
      if (!item) return (host.unchanged(i), false);
      host.replace(i, Object.assign({}, item, { existingVersion: records[at]!.version }));
      host.knowBefore(records[at]!, records[at]);
      return true;
    });
    return { send, read };
  };
  const prepared = aheadOf(async (indexes: number[]) => planOn(indexes, await readFull(indexes)));
  return {
    pipelined: true,
    ahead: (indexes) => prepared.start(indexes),
    ready: async (all) => {
      const first = await prepared.take(all);
      const fresh = freshRead(first.read.answeredAt, now());
      if (fresh || first.send.length === 0) return first.send;
      const stamps = await reads.existing(keysOf(first.send), host.signal);
      const answeredAt = now();
      const read = new Map(first.read.records.map((r) => [nodeKeyOf(r), r]));
      const same = stamps.length === first.send.length && stamps.every((s) => sameStamp(s, read.get(nodeKeyOf(s))));
      if (same) return first.send;
      // Known nodes: these stamps tell which to read whole (no second versions read).
      const again = reads.known ? await wholeWhereChanged(stamps, answeredAt, reads, host.signal) : undefined;
      return (await planOn(first.send, again ?? (await readFull(first.send)))).send;
    },
  };
}

/** A missing node's outcome. */
export const missingOutcome = () => failed('missing', deletedSinceRead());
