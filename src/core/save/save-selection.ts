import type { RecordKind } from '../records';
import { planSelectionSave } from './plan-selection-save';
import type { ConflictChoice, RecordConflict, SaveApi, SaveRecordsRequest } from './save-types';

export interface SelectionSaveRequest<R extends object, U> {
  kind: RecordKind<R, U>;
  /** By the kind's key, in the order the selection was opened. */
  bases: ReadonlyMap<string, R>;
  text: string;
  /** `updateMany` is the chunked updater: a selection may hold more records than one request takes. */
  api: SaveApi<R, U>;
  /** Asked once, for every record whose changed fields someone else changed too. */
  resolveConflicts: (conflicts: RecordConflict<R>[]) => Promise<ConflictChoice>;
  signal?: AbortSignal;
}

/** The one save's request for a selection: every element that changed, checked as a record is. */
export function selectionSaveRequest<R extends object, U>(req: SelectionSaveRequest<R, U>): SaveRecordsRequest<R, U> {
  return {
    kind: req.kind,
    plan: planSelectionSave(req.kind, req.bases, req.text),
    api: req.api,
    resolveConflicts: req.resolveConflicts,
    signal: req.signal,
  };
}
