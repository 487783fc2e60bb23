import { planDocumentSave } from '../diff';
import type { MergeConflict } from '../merge';
import type { RecordsApi } from '../ports';
import type { RecordKind } from '../records';
import { oneRequest } from './one-request';
import type { ConflictChoice, SavePlan, SaveRecordsRequest } from './save-types';

/** One open record: the one save (saveRecords) of a selection of one, sent as one request. */
export interface SaveRequest<R extends object, U> {
  kind: RecordKind<R, U>;
  base: R;
  text: string;
  api: Pick<RecordsApi<R, U>, 'retrieveExisting' | 'update'>;
  /**
   * Called only when a field was changed on both sides; shows the comparison and asks. `wouldSave`
   * is the merge with my values on the conflicting fields: what choosing mine sends.
   */
  resolveConflicts: (conflicts: MergeConflict[], theirs: R, mine: R, wouldSave: R) => Promise<ConflictChoice>;
  signal?: AbortSignal;
}

/** A record document's save plan: the plan of a selection of one. */
export function planRecordSave<R extends object, U>(kind: RecordKind<R, U>, base: R, text: string): SavePlan<R> {
  const plan = planDocumentSave(kind, base, text);
  if (!plan.ok) return { ok: false, problems: plan.problems, changes: [] };
  return { ok: true, problems: [], changes: plan.update ? [{ base, update: plan.update }] : [] };
}

/** The one save's request for one record: its plan, sent as one all-or-nothing request. */
export function recordSaveRequest<R extends object, U>(req: SaveRequest<R, U>): SaveRecordsRequest<R, U> {
  return {
    kind: req.kind,
    plan: planRecordSave(req.kind, req.base, req.text),
    api: {
      retrieveExisting: (keys, signal) => req.api.retrieveExisting(keys, signal),
      updateMany: oneRequest(req.kind, (items, signal) => req.api.update(items, signal)),
    },
    resolveConflicts: ([c]) => req.resolveConflicts(c!.conflicts, c!.file, c!.mine, c!.wouldSave),
    signal: req.signal,
  };
}
