/**
 * What an answered node upsert's items come to (node-run.ts): applied, with their records built
 * from the node read right before the upsert, what was sent and the answer when the answer proves
 * them exact (provenWritten), only the others read back; or not applied where the answer names
 * another node than the one read (answeredIncarnation): one this write made is deleted again.
 */
import { nodeKeyOf, type CogniteFileUpsertItem, type DirectRelation, type SlimNode } from '../cdf/model';
import type { ItemOutcome } from '../core/ports';
import type { CogniteFileRecord } from '../core/records';
import { failed, type DistributiveOmit } from './node-update-report';
import type { NodeWrites } from './node-writes';
import {
  answeredIncarnation,
  madeAgainAndDeleted,
  madeAgainByOthers,
  madeAgainByUpsert,
  madeAgainUnanswered,
  provenWritten,
  writtenRecord,
} from './node-written';

type U = CogniteFileUpsertItem;
type R = CogniteFileRecord;
type Settled = DistributiveOmit<ItemOutcome<U, R>, 'index' | 'item' | 'sends'>;

/** The node as read right before the upsert: its incarnation, and its properties when known. */
export interface ReadBefore {
  readonly createdTime: number;
  readonly record: R | undefined;
}

/** `answers` name `items`' nodes (none when the 2xx body was unreadable); one outcome per item. */
export async function answeredOutcomes(
  items: readonly U[],
  answered: readonly SlimNode[],
  before: (key: string) => ReadBefore | undefined,
  writes: Pick<NodeWrites, 'readBack' | 'deleteMade'>,
  signal: AbortSignal | undefined,
): Promise<Settled[]> {
  const answers = answerPerItem(items, answered);
  const read = items.map((item) => before(nodeKeyOf(item)));
  const made = items.map((_, at) => answeredIncarnation(read[at], answers[at]));
  const built = items.map((item, at) =>
    made[at] === 'same' ? provenWritten(read[at]?.record, item, answers[at]) : undefined,
  );
  const unproven = items.filter((_, at) => made[at] === 'same' && !built[at]).map(nodeKeyOf);
  const [records, deleted] = await Promise.all([
    unproven.length ? writes.readBack(unproven, signal).catch(() => []) : [],
    deleteAgain(
      answers.filter((answer, at): answer is SlimNode => !!answer && made[at] === 'madeByThisWrite'),
      writes,
      signal,
    ),
  ]);
  const byKey = new Map(records.map((r) => [nodeKeyOf(r), r]));
  return items.map((item, at): Settled => {
    const answer = answers[at];
    if (made[at] === 'madeByThisWrite')
      return failed('missing', deleted.has(nodeKeyOf(item)) ? madeAgainAndDeleted() : madeAgainByUpsert());
    if (made[at] === 'madeByOthers')
      return failed(answer?.wasModified ? 'other' : 'missing', madeAgainByOthers(answer!));
    const readBack = byKey.get(nodeKeyOf(item));
    // No answer to tell which node was written (an unreadable 2xx): the read-back does. Another
    // incarnation was made by this write or by someone else (version 1 either way): never deleted.
    if (!answer && readBack && read[at] && readBack.createdTime !== read[at].createdTime)
      return failed('other', madeAgainUnanswered());
    // Known applied; without the read-back, the record is the node known before with what was written.
    const known = read[at]?.record;
    const record = built[at] ?? readBack ?? (known && writtenRecord(known, item, answers[at]));
    return { outcome: 'applied', record };
  });
}

/**
 * Each item's answer: the one naming its node. WHY by node and not only by place: an answer listed
 * in another order (or short) would blame one node's fate on another, e.g. delete-again reported on
 * a neighbour whose applied change then drops out of undo. In order, no map is built.
 */
function answerPerItem(items: readonly U[], answers: readonly SlimNode[]): (SlimNode | undefined)[] {
  const inOrder = answers.length === items.length && items.every((item, at) => sameNode(item, answers[at]!));
  if (inOrder) return [...answers];
  const byKey = new Map(answers.map((answer) => [nodeKeyOf(answer), answer]));
  return items.map((item) => byKey.get(nodeKeyOf(item)));
}

const sameNode = (a: U, b: SlimNode): boolean => a.externalId === b.externalId && a.space === b.space;

/**
 * Deletes the nodes this write made, each at the version it made (1): WHY that version: a node
 * someone wrote since is theirs as well, and is refused (409) rather than deleted. One refused node
 * fails the whole request, so then each is deleted alone. Not cancelled with the run at once:
 * what this write made is cleared up even then, unless CDF has not answered within
 * {@link DELETE_AGAIN_GRACE_MS} of the cancel (then it is reported to be checked). The keys of the
 * nodes CDF answered deleted (2xx).
 */
async function deleteAgain(
  made: readonly SlimNode[],
  writes: Pick<NodeWrites, 'deleteMade'>,
  runSignal: AbortSignal | undefined,
): Promise<Set<string>> {
  const nodes = made.map(({ space, externalId, version }) => ({ space, externalId, existingVersion: version }));
  if (nodes.length === 0) return new Set();
  const grace = graceAfter(runSignal, DELETE_AGAIN_GRACE_MS);
  try {
    return await deleteEach(nodes, writes, grace.signal);
  } finally {
    grace.dispose();
  }
}

async function deleteEach(
  nodes: readonly (DirectRelation & { readonly existingVersion: number })[],
  writes: Pick<NodeWrites, 'deleteMade'>,
  signal: AbortSignal,
): Promise<Set<string>> {
  const tried = (some: typeof nodes) =>
    writes.deleteMade(some, signal).then(
      () => some.map(nodeKeyOf),
      () => [],
    );
  const all = await tried(nodes);
  if (all.length > 0 || nodes.length === 1) return new Set(all);
  return new Set((await Promise.all(nodes.map((node) => tried([node])))).flat());
}

/**
 * How long a delete-again may still take once the run is cancelled. WHY: a delete CDF answers takes
 * a round trip and is let finish, so a cancel does not leave a node made again; one a server never
 * answers must not hold the cancel for the client's whole retry budget (minutes).
 */
export const DELETE_AGAIN_GRACE_MS = 5000;

/** A signal that aborts `ms` after `signal` does; `dispose` stops listening. */
function graceAfter(signal: AbortSignal | undefined, ms: number): { signal: AbortSignal; dispose: () => void } {
  const grace = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const start = () => (timer = setTimeout(() => grace.abort(signal?.reason), ms));
  if (signal?.aborted) start();
  else signal?.addEventListener('abort', start, { once: true });
  const dispose = () => {
    clearTimeout(timer);
    signal?.removeEventListener('abort', start);
  };
  return { signal: grace.signal, dispose };
}
