import type { FileRecord } from '../../cdf/model';
import { planSelectionSave } from './plan-selection-save';
import type { ConflictChoice, RecordConflict, SaveApi, SaveRecordsRequest } from './save-records';

/** Kept for callers that name it: a selection's conflict is any record's. */
export type SelectionConflict = RecordConflict;

export interface SelectionSaveRequest {
  bases: ReadonlyMap<number, FileRecord>;
  text: string;
  /** `updateMany` is the chunked updater: a selection may hold more files than one request takes. */
  api: SaveApi;
  /** Asked once, for every file whose changed fields someone else changed too. */
  resolveConflicts: (conflicts: RecordConflict[]) => Promise<ConflictChoice>;
  signal?: AbortSignal;
}

/** The one save's request for a selection: every element that changed, checked as a record is. */
export function selectionSaveRequest(req: SelectionSaveRequest): SaveRecordsRequest {
  return {
    plan: planSelectionSave(req.bases, req.text),
    api: req.api,
    resolveConflicts: req.resolveConflicts,
    signal: req.signal,
  };
}
