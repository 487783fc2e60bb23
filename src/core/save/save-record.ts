import type { FilesApi } from '../ports';
import type { FileRecord } from '../../cdf/model';
import { planSave } from '../diff';
import type { MergeConflict } from '../merge';
import { oneRequest } from './one-request';
import type { ConflictChoice, SavePlan, SaveRecordsRequest } from './save-records';

export type { ConflictChoice } from './save-records';

/** One open record: the one save (saveRecords) of a selection of one, sent as one request. */
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
