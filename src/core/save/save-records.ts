import * as l10n from '@vscode/l10n';
import { RecordNotReturnedError, type FilesApi, type ItemOutcome, type UpdateReport } from '../ports';
import type { FileChangeUpdate, FileRecord, FileUpdateItem } from '../../cdf/model';
import { applyUpdate } from '../apply';
import { diff } from '../diff';
import { deepEqual } from '../field-values';
import { mergeRecords, type MergeConflict } from '../merge';
import type { SaveProblem } from '../problems';

/** How the user settles fields that both they and someone else changed since the document was opened. */
export type ConflictChoice = 'overwrite' | 'theirs' | 'cancel';

/** One record whose changed fields someone else changed too. */
export interface RecordConflict {
  /** What CDF holds now ("Theirs"). */
  file: FileRecord;
  conflicts: MergeConflict[];
  /** The base with the document's edits ("Mine"). */
  mine: FileRecord;
  /** The merge with my values on the conflicting fields: what choosing mine sends. */
  wouldSave: FileRecord;
}

/** What a document asks to change: one entry per record whose text differs from its base. */
export interface SavePlan {
  ok: boolean;
  problems: SaveProblem[];
  changes: { base: FileRecord; update: FileChangeUpdate }[];
}

/**
 * What a save needs from CDF: the records as CDF holds them now (throwing the API's error for an id
 * it does not have), and an update with a per-item report (a throw means nothing is known applied).
 */
export type SaveApi = Pick<FilesApi, 'retrieveFiles' | 'updateMany'>;

export interface SaveRecordsRequest {
  plan: SavePlan;
  api: SaveApi;
  /** Asked once, for every record whose changed fields someone else changed too. */
  resolveConflicts: (conflicts: RecordConflict[]) => Promise<ConflictChoice>;
  signal?: AbortSignal;
}

/**
 * What became of one changed record. `shown` is what the saved text shows of it (its base with the
 * text's edits); `record` what CDF holds now. They differ after a merge: `broughtIn` names the fields
 * where the record holds someone else's change rather than the text's.
 */
export interface RecordSaveResult {
  status: 'saved' | 'up-to-date' | 'not-applied';
  base: FileRecord;
  shown: FileRecord;
  record: FileRecord;
  merged: boolean;
  broughtIn: string[];
  /** The update sent, for 'saved' and 'not-applied'. */
  sent?: FileUpdateItem;
}

export type SaveRecordsOutcome =
  | { kind: 'invalid'; problems: SaveProblem[] }
  | { kind: 'unchanged' }
  | { kind: 'cancelled' }
  /** `report` is absent when nothing was left to send after merging. */
  | { kind: 'done'; results: RecordSaveResult[]; report?: UpdateReport };

interface Reconciled {
  base: FileRecord;
  theirs: FileRecord;
  mine: FileRecord;
  changedSince: boolean;
}

/**
 * The one save, for one record or many: validate and diff (the plan), no request when nothing
 * changed, re-read every changed record, merge three ways where someone else wrote, ask once about
 * fields both changed, send the minimal updates, and say per record what happened. API errors of
 * the re-read, and of a send that knows nothing applied, propagate; the caller keeps the text.
 */
export async function saveRecords(req: SaveRecordsRequest): Promise<SaveRecordsOutcome> {
  if (!req.plan.ok) return { kind: 'invalid', problems: req.plan.problems };
  if (!req.plan.changes.length) return { kind: 'unchanged' };
  const reconciled = await readFresh(req);
  const conflicted = conflictsOf(reconciled);
  let prefer: 'mine' | 'theirs' = 'theirs';
  if (conflicted.length) {
    const choice = await req.resolveConflicts(conflicted);
    if (choice === 'cancel') return { kind: 'cancelled' };
    prefer = choice === 'overwrite' ? 'mine' : 'theirs';
  }
  const wanted = reconciled.map((r) => ({ ...r, target: r.changedSince ? merge(r, prefer) : r.mine }));
  // Diff against what CDF holds now, so a merged save sends only what still differs.
  const items = wanted.flatMap(({ theirs, target }): { id: number; update: FileChangeUpdate }[] => {
    const update = diff(theirs, target);
    return update ? [{ id: theirs.id, update }] : [];
  });
  const report = items.length ? await req.api.updateMany(items, { signal: req.signal }) : undefined;
  // The report is in the items' order, and items are named by id.
  const byId = new Map(report?.items.map((o, i) => [items[i]!.id, o]));
  const results = wanted.map((w) => resultOf(w, w.target, byId.get(w.theirs.id)));
  return report ? { kind: 'done', results, report } : { kind: 'done', results };
}

async function readFresh(req: SaveRecordsRequest): Promise<Reconciled[]> {
  const ids = req.plan.changes.map((c) => c.base.id);
  const current = new Map((await req.api.retrieveFiles(ids, req.signal)).map((r) => [r.id, r]));
  return req.plan.changes.map(({ base, update }) => {
    const theirs = current.get(base.id);
    if (!theirs) throw new RecordNotReturnedError(base.id, l10n.t('File {0} was not returned by the server.', base.id));
    return { base, theirs, mine: applyUpdate(base, update), changedSince: !unchangedSince(base, theirs) };
  });
}

function conflictsOf(reconciled: readonly Reconciled[]): RecordConflict[] {
  return reconciled.flatMap((r): RecordConflict[] => {
    if (!r.changedSince) return [];
    const { conflicts } = mergeRecords(r.base, r.mine, r.theirs, 'theirs');
    if (!conflicts.length) return [];
    return [{ file: r.theirs, conflicts, mine: r.mine, wouldSave: merge(r, 'mine') }];
  });
}

const merge = (r: Reconciled, prefer: 'mine' | 'theirs'): FileRecord =>
  mergeRecords(r.base, r.mine, r.theirs, prefer).merged;

function resultOf(w: Reconciled, target: FileRecord, outcome: ItemOutcome | undefined): RecordSaveResult {
  // What the user did not type but will see after the save: their changes that the merge kept.
  const broughtIn = Object.keys(diff(w.mine, target) ?? {});
  const common = { base: w.base, shown: w.mine, merged: w.changedSince, broughtIn };
  if (!outcome) return { ...common, status: 'up-to-date', record: w.theirs };
  // An applied item whose answer could not be read is not known saved: saving again re-reads it.
  if (outcome.outcome === 'applied' && outcome.record)
    return { ...common, status: 'saved', record: outcome.record, sent: outcome.item };
  return { ...common, status: 'not-applied', record: w.theirs, sent: outcome.item };
}

/** No ETag on file records: an unchanged `lastUpdatedTime` and content mean nobody else wrote. */
function unchangedSince(base: FileRecord, current: FileRecord): boolean {
  return base.lastUpdatedTime === current.lastUpdatedTime && deepEqual(base, current);
}
