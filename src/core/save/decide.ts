import type { FileChangeUpdate, FileRecord } from '../../cdf/model';
import { applyUpdate } from '../apply';
import { deepEqual } from '../field-values';
import { mergeRecords } from '../merge';
import type { RecordConflict, SaveRecordsRequest } from './save-records';
import { KeptChangingError } from './kept-changing';

/** Rounds of "read, merge, ask" a record may take before the save gives up on it. */
export const MAX_ROUNDS = 3;

export interface Change {
  base: FileRecord;
  update: FileChangeUpdate;
}

/** What to send for one changed record, and the read it was decided on. */
export interface Decided extends Change {
  /** The base with the document's edits ("Mine"). */
  mine: FileRecord;
  /** What CDF held at the read the decision is based on; undefined: the file is gone. */
  theirs: FileRecord | undefined;
  changedSince: boolean;
  /** What the record should hold after the save. */
  target: FileRecord;
}

type Reads = ReadonlyMap<number, FileRecord>;

/**
 * The records as CDF holds them now. Unknown ids are left out (the file was deleted): such a file
 * gets its own result, and the others of a selection are still saved.
 */
export async function readNow(req: SaveRecordsRequest, changes: readonly Change[]): Promise<Reads> {
  const refs = changes.map((c) => ({ id: c.base.id }));
  return new Map((await req.api.retrieveExisting(refs, req.signal)).map((r) => [r.id, r]));
}

/**
 * Merges each change with what CDF holds (`reads`) and asks once about the fields both changed.
 * `asked`: a question was open, so the reads may be old by the time the answer comes.
 */
export async function decide(
  req: SaveRecordsRequest,
  changes: readonly Change[],
  reads: Reads,
): Promise<{ items: Decided[]; asked: boolean } | 'cancelled'> {
  const read = changes.map(({ base, update }) => {
    const theirs = reads.get(base.id);
    const mine = applyUpdate(base, update);
    return { base, update, mine, theirs, changedSince: !!theirs && !unchangedSince(base, theirs) };
  });
  const conflicted = read.flatMap((r): RecordConflict[] => {
    if (!r.theirs || !r.changedSince) return [];
    const { conflicts } = mergeRecords(r.base, r.mine, r.theirs, 'theirs');
    const wouldSave = mergeRecords(r.base, r.mine, r.theirs, 'mine').merged;
    return conflicts.length ? [{ file: r.theirs, conflicts, mine: r.mine, wouldSave }] : [];
  });
  let prefer: 'mine' | 'theirs' = 'theirs';
  if (conflicted.length) {
    const choice = await req.resolveConflicts(conflicted);
    if (choice === 'cancel') return 'cancelled';
    prefer = choice === 'overwrite' ? 'mine' : 'theirs';
  }
  const items = read.map((r): Decided => {
    const target = r.theirs && r.changedSince ? mergeRecords(r.base, r.mine, r.theirs, prefer).merged : r.mine;
    return { ...r, target };
  });
  return { items, asked: conflicted.length > 0 };
}

/**
 * Reads `items` again right before they are sent and keeps only decisions CDF still agrees with:
 * a record that changed since the read its decision was based on is merged again with the new read
 * (asking again where both changed), and read again after any answer. CDF files have no version to
 * send with an update, so "re-read immediately before each request" is the guarantee. A record that
 * keeps changing for {@link MAX_ROUNDS} rounds stops the save ({@link KeptChangingError}).
 */
export async function confirmed(req: SaveRecordsRequest, items: readonly Decided[]): Promise<Decided[] | 'cancelled'> {
  let current = [...items];
  for (let round = 1; ; round++) {
    const now = await readNow(req, current);
    const moved = current.filter((d) => !sameRead(d.theirs, now.get(d.base.id)));
    if (!moved.length) return current;
    if (round >= MAX_ROUNDS) throw new KeptChangingError(moved.map((d) => d.base.id));
    const again = await decide(req, moved, now);
    if (again === 'cancelled') return 'cancelled';
    const byId = new Map(again.items.map((d) => [d.base.id, d]));
    current = current.map((d) => byId.get(d.base.id) ?? d);
    // No question was open: the read just made is the one the decision rests on.
    if (!again.asked) return current;
  }
}

function sameRead(before: FileRecord | undefined, now: FileRecord | undefined): boolean {
  if (!before || !now) return before === now;
  return unchangedSince(before, now);
}

/** No ETag on file records: an unchanged `lastUpdatedTime` and content mean nobody else wrote. */
function unchangedSince(base: FileRecord, current: FileRecord): boolean {
  return base.lastUpdatedTime === current.lastUpdatedTime && deepEqual(base, current);
}
