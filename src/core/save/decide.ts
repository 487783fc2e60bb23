import { applyRecord } from '../apply';
import { deepEqual } from '../fields';
import { mergeRecordsOf } from '../merge';
import type { RecordKind } from '../records';
import { KeptChangingError } from './kept-changing';
import type { Change, RecordConflict, SaveRecordsRequest } from './save-types';

/** Rounds of "read, merge, ask" a record may take before the save gives up on it. */
export const MAX_ROUNDS = 3;

/** What to send for one changed record, and the read it was decided on. */
export interface Decided<R> extends Change<R> {
  /** The base with the document's edits ("Mine"). */
  mine: R;
  /** What CDF held at the read the decision is based on; undefined: the record is gone. */
  theirs: R | undefined;
  changedSince: boolean;
  /** What the record should hold after the save. */
  target: R;
}

/** The records read, by the kind's key. */
type Reads<R> = ReadonlyMap<string, R>;

/**
 * The records as CDF holds them now. Unknown keys are left out (the record was deleted): such a
 * record gets its own result, and the others of a selection are still saved.
 */
export async function readNow<R extends object, U>(
  req: SaveRecordsRequest<R, U>,
  changes: readonly Change<R>[],
): Promise<Reads<R>> {
  const keys = changes.map((c) => req.kind.key(c.base));
  return new Map((await req.api.retrieveExisting(keys, req.signal)).map((r) => [req.kind.key(r), r]));
}

/**
 * Merges each change with what CDF holds (`reads`) and asks once about the fields both changed.
 * `asked`: a question was open, so the reads may be old by the time the answer comes.
 */
export async function decide<R extends object, U>(
  req: SaveRecordsRequest<R, U>,
  changes: readonly Change<R>[],
  reads: Reads<R>,
): Promise<{ items: Decided<R>[]; asked: boolean } | 'cancelled'> {
  const { kind } = req;
  const read = changes.map(({ base, update }) => {
    const theirs = reads.get(kind.key(base));
    const mine = applyRecord(kind, base, update);
    return { base, update, mine, theirs, changedSince: !!theirs && !unchangedSince(kind, base, theirs) };
  });
  const conflicted = read.flatMap((r): RecordConflict<R>[] => {
    if (!r.theirs || !r.changedSince) return [];
    const { conflicts } = mergeRecordsOf(kind, r.base, r.mine, r.theirs, 'theirs');
    const wouldSave = mergeRecordsOf(kind, r.base, r.mine, r.theirs, 'mine').merged;
    return conflicts.length ? [{ file: r.theirs, conflicts, mine: r.mine, wouldSave }] : [];
  });
  let prefer: 'mine' | 'theirs' = 'theirs';
  if (conflicted.length) {
    const choice = await req.resolveConflicts(conflicted);
    if (choice === 'cancel') return 'cancelled';
    prefer = choice === 'overwrite' ? 'mine' : 'theirs';
  }
  const items = read.map((r): Decided<R> => {
    const target = r.theirs && r.changedSince ? mergeRecordsOf(kind, r.base, r.mine, r.theirs, prefer).merged : r.mine;
    return { ...r, target };
  });
  return { items, asked: conflicted.length > 0 };
}

/**
 * For a kind without a version check ('compare'): reads `items` again right before they are sent and
 * keeps only decisions CDF still agrees with: a record that changed since the read its decision was
 * based on is merged again with the new read (asking again where both changed), and read again after
 * any answer. "Re-read immediately before each request" is then the guarantee. A record that keeps
 * changing for {@link MAX_ROUNDS} rounds stops the save ({@link KeptChangingError}).
 */
export async function confirmed<R extends object, U>(
  req: SaveRecordsRequest<R, U>,
  items: readonly Decided<R>[],
): Promise<Decided<R>[] | 'cancelled'> {
  const { kind } = req;
  let current = [...items];
  for (let round = 1; ; round++) {
    const now = await readNow(req, current);
    const moved = current.filter((d) => !sameRead(kind, d.theirs, now.get(kind.key(d.base))));
    if (!moved.length) return current;
    if (round >= MAX_ROUNDS)
      throw new KeptChangingError(
        moved.map((d) => kind.key(d.base)),
        kind.noun(),
      );
    const again = await decide(req, moved, now);
    if (again === 'cancelled') return 'cancelled';
    const byKey = new Map(again.items.map((d) => [kind.key(d.base), d]));
    current = current.map((d) => byKey.get(kind.key(d.base)) ?? d);
    // No question was open: the read just made is the one the decision rests on.
    if (!again.asked) return current;
  }
}

function sameRead<R extends object, U>(kind: RecordKind<R, U>, before: R | undefined, now: R | undefined): boolean {
  if (!before || !now) return before === now;
  return unchangedSince(kind, before, now);
}

/**
 * Nobody else wrote since `base`: the same record (not one made again under its key, which may count
 * its versions from the same number), the same version, and (for a kind whose version the API does
 * not check, like a classic file's `lastUpdatedTime`) the same content too.
 */
function unchangedSince<R extends object, U>(kind: RecordKind<R, U>, base: R, current: R): boolean {
  if (kind.incarnation && kind.incarnation(base) !== kind.incarnation(current)) return false;
  if (kind.version(base) !== kind.version(current)) return false;
  return kind.concurrency === 'server' || deepEqual(base, current);
}
