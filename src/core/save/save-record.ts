import type { FilesApi } from '../ports';
import type { FileRecord, FileUpdateItem } from '../../cdf/model';
import { planSave } from '../diff';
import type { MergeConflict } from '../merge';
import { oneRequest } from './one-request';
import { saveRecords, type ConflictChoice, type SavePlan, type SaveRecordsRequest } from './save-records';
import type { SaveProblem } from '../problems';

export type { ConflictChoice } from './save-records';

/** One open record: the one save ({@link saveRecords}) of a selection of one, sent as one request. */
export interface SaveRequest {
  base: FileRecord;
  text: string;
  api: Pick<FilesApi, 'retrieveExisting' | 'updateFiles'>;
  /**
   * Called only when a field was changed on both sides; shows the comparison and asks. `wouldSave`
   * is the merge with my values on the conflicting fields: what choosing mine sends.
   */
  resolveConflicts: (
    conflicts: MergeConflict[],
    theirs: FileRecord,
    mine: FileRecord,
    wouldSave: FileRecord,
  ) => Promise<ConflictChoice>;
  signal?: AbortSignal;
}

export type SaveOutcome =
  | { kind: 'invalid'; problems: SaveProblem[] }
  | { kind: 'unchanged' }
  | { kind: 'cancelled' }
  /** The file no longer exists in CDF: nothing was sent. */
  | { kind: 'deleted' }
  /** Nothing left to send after merging: the server already holds what the user wants. */
  | { kind: 'up-to-date'; record: FileRecord; shown: FileRecord; broughtIn: string[] }
  /** `broughtIn`: the fields where the saved record holds someone else's change rather than the document's text. */
  | {
      kind: 'saved';
      record: FileRecord;
      shown: FileRecord;
      sent: FileUpdateItem;
      merged: boolean;
      broughtIn: string[];
    };

/*
 * `record` is what CDF holds now; `shown` is what the saved text shows: the base with the text's edits
 * (and the base's read-only fields, which the text still holds). `shown` stays the text's base until
 * the text is reloaded from `record`. A merged `record` holds someone else's change the text never
 * showed; diffing a later save of the same text against it would remove that change.
 */

/** A record document's save plan: the plan of a selection of one. */
export function planRecordSave(base: FileRecord, text: string): SavePlan {
  const plan = planSave(base, text);
  if (!plan.ok) return { ok: false, problems: plan.problems, changes: [] };
  return { ok: true, problems: [], changes: plan.update ? [{ base, update: plan.update }] : [] };
}

/** The one save's request for one record: its plan, sent as one all-or-nothing request. */
export function recordSaveRequest(req: SaveRequest): SaveRecordsRequest {
  return {
    plan: planRecordSave(req.base, req.text),
    api: {
      retrieveExisting: (refs, signal) => req.api.retrieveExisting(refs, signal),
      updateMany: oneRequest((items, signal) => req.api.updateFiles(items, signal)),
    },
    resolveConflicts: ([c]) => req.resolveConflicts(c!.conflicts, c!.file, c!.mine, c!.wouldSave),
    signal: req.signal,
  };
}

/** API errors propagate to the caller, which keeps the user's text. */
export async function saveRecord(req: SaveRequest): Promise<SaveOutcome> {
  const outcome = await saveRecords(recordSaveRequest(req));
  if (outcome.kind !== 'done') return outcome;
  const [result] = outcome.results;
  const { record, shown, broughtIn, merged, sent } = result!;
  if (result!.status === 'up-to-date') return { kind: 'up-to-date', record, shown, broughtIn };
  if (result!.status === 'deleted') return { kind: 'deleted' };
  // One request, all or nothing: a refused update threw above, so the item was applied.
  return { kind: 'saved', record, shown, sent: sent!, merged, broughtIn };
}
