import type { FilesApi, ItemOutcome, UpdateReport } from '../ports';
import { LIMITS, type FileChangeUpdate, type FileRecord, type FileUpdateItem } from '../../cdf/model';
import { diff } from '../diff';
import type { MergeConflict } from '../merge';
import type { SaveProblem } from '../problems';
import { combineReports } from './combine-reports';
import { confirmed, decide, readNow, type Decided } from './decide';

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
 * What a save needs from CDF: the records as CDF holds them now (an unknown id is left out: the file
 * was deleted), and an update with a per-item report (a throw means nothing is known applied).
 */
export type SaveApi = Pick<FilesApi, 'retrieveExisting' | 'updateMany'>;

export interface SaveRecordsRequest {
  plan: SavePlan;
  api: SaveApi;
  /** Asked for every record whose changed fields someone else changed too; again if CDF moved meanwhile. */
  resolveConflicts: (conflicts: RecordConflict[]) => Promise<ConflictChoice>;
  signal?: AbortSignal;
  /** Records per update request (each chunk is re-read right before it is sent); the API's most by default. */
  chunkSize?: number;
}

/**
 * What became of one changed record. `shown` is what the saved text shows of it (its base with the
 * text's edits); `record` what CDF holds now (the base when unknown). They differ after a merge:
 * `broughtIn` names the fields where the record holds someone else's change rather than the text's.
 * - `unknown`: sent, but no definite answer: it may or may not have been applied.
 * - `deleted`: the file no longer exists in CDF; nothing was sent for it.
 * - `not-applied`: refused (see `outcome`), or never sent (see `unsent`).
 */
export interface RecordSaveResult {
  status: 'saved' | 'up-to-date' | 'not-applied' | 'unknown' | 'deleted';
  base: FileRecord;
  shown: FileRecord;
  record: FileRecord;
  merged: boolean;
  broughtIn: string[];
  /** The update sent, for 'saved', 'unknown' and a refused 'not-applied'. */
  sent?: FileUpdateItem;
  /** The updater's word on it, for 'unknown' and a refused 'not-applied'. */
  outcome?: ItemOutcome;
  /** Why nothing was sent for it after earlier chunks were: cancelled, or the error that stopped the save. */
  unsent?: { cancelled: true } | { error: unknown };
}

export type SaveRecordsOutcome =
  | { kind: 'invalid'; problems: SaveProblem[] }
  | { kind: 'unchanged' }
  | { kind: 'cancelled' }
  /** `report` is absent when nothing was left to send after merging. */
  | { kind: 'done'; results: RecordSaveResult[]; report?: UpdateReport };

/**
 * The one save, for one record or many: validate and diff (the plan), no request when nothing
 * changed, re-read every changed record, merge three ways where someone else wrote, ask once about
 * fields both changed, then, chunk by chunk, re-read right before sending (merging and asking again
 * where CDF moved meanwhile: see {@link confirmed}), send the minimal updates, and say per record
 * what happened. Errors before anything was sent propagate; the caller keeps the text.
 */
export async function saveRecords(req: SaveRecordsRequest): Promise<SaveRecordsOutcome> {
  if (!req.plan.ok) return { kind: 'invalid', problems: req.plan.problems };
  const changes = req.plan.changes;
  if (!changes.length) return { kind: 'unchanged' };
  const first = await decide(req, changes, await readNow(req, changes));
  if (first === 'cancelled') return { kind: 'cancelled' };
  const size = Math.max(1, req.chunkSize ?? LIMITS.itemsPerRequest);
  const results: RecordSaveResult[] = [];
  const reports: UpdateReport[] = [];
  for (let at = 0; at < first.items.length; at += size) {
    const part = first.items.slice(at, at + size);
    // The first chunk was read right before, unless a question was open since; a later chunk waited.
    const ready = at > 0 || first.asked ? await confirmedOrStopped(req, part, at > 0) : part;
    if (ready === 'cancelled') return { kind: 'cancelled' };
    if ('unsent' in ready) {
      results.push(...first.items.slice(at).map((d) => ({ ...resultOf(d, undefined), unsent: ready.unsent })));
      break;
    }
    const sent = await send(req, ready);
    if (sent.report) reports.push(sent.report);
    results.push(...sent.results);
  }
  const report = combineReports(reports);
  return report ? { kind: 'done', results, report } : { kind: 'done', results };
}

/**
 * {@link confirmed}, where a stop after earlier chunks were sent becomes a result: what was sent
 * stays reported, and the rest is said not sent. Before anything was sent, a stop propagates.
 */
async function confirmedOrStopped(
  req: SaveRecordsRequest,
  part: readonly Decided[],
  someSent: boolean,
): Promise<Decided[] | 'cancelled' | { unsent: NonNullable<RecordSaveResult['unsent']> }> {
  try {
    const ready = await confirmed(req, part);
    if (ready === 'cancelled' && someSent) return { unsent: { cancelled: true } };
    return ready;
  } catch (error) {
    if (!someSent) throw error;
    return { unsent: { error } };
  }
}

/** One chunk: the minimal update of each record, diffed against what CDF holds now. */
async function send(
  req: SaveRecordsRequest,
  part: readonly Decided[],
): Promise<{ results: RecordSaveResult[]; report?: UpdateReport }> {
  const items = part.flatMap(({ theirs, target }): { id: number; update: FileChangeUpdate }[] => {
    const update = theirs && diff(theirs, target);
    return update ? [{ id: theirs.id, update }] : [];
  });
  const report = items.length ? await req.api.updateMany(items, { signal: req.signal }) : undefined;
  // The report is in the items' order, and items are named by id.
  const byId = new Map(report?.items.map((o, i) => [items[i]!.id, o]));
  const results = part.map((d) => resultOf(d, byId.get(d.base.id)));
  return report ? { results, report } : { results };
}

function resultOf(d: Decided, outcome: ItemOutcome | undefined): RecordSaveResult {
  // What the user did not type but will see after the save: their changes that the merge kept.
  const broughtIn = d.theirs ? Object.keys(diff(d.mine, d.target) ?? {}) : [];
  const common = { base: d.base, shown: d.mine, merged: d.changedSince, broughtIn };
  if (!d.theirs) return { ...common, status: 'deleted', record: d.base };
  if (!outcome) return { ...common, status: 'up-to-date', record: d.theirs };
  const sent = { sent: outcome.item, outcome };
  if (outcome.outcome === 'applied' && outcome.record)
    return { ...common, status: 'saved', record: outcome.record, sent: outcome.item };
  // Sent without a definite answer (or an answer that could not be read): it may be in CDF.
  if (outcome.outcome === 'unknown' || outcome.outcome === 'applied')
    return { ...common, status: 'unknown', record: d.theirs, ...sent };
  return { ...common, status: 'not-applied', record: d.theirs, ...sent };
}
