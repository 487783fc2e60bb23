import type { UpdateReport } from '../ports';
import type { FileRecord } from '../../cdf/model';
import { planSelectionSave } from './plan-selection-save';
import {
  saveRecords,
  type ConflictChoice,
  type RecordConflict,
  type RecordSaveResult,
  type SaveApi,
  type SaveRecordsRequest,
} from './save-records';

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

export type SelectionSaveOutcome =
  | { kind: 'invalid'; problems: ReturnType<typeof planSelectionSave>['problems'] }
  | { kind: 'unchanged' }
  | { kind: 'cancelled' }
  /**
   * `results` say per changed file what happened (as a record's save does); `report` is the
   * updater's. `records` are what CDF returned for the files that were applied, `shown` what the
   * saved text shows of them (see TextBase).
   */
  | {
      kind: 'sent';
      results: RecordSaveResult[];
      report: UpdateReport;
      records: FileRecord[];
      shown: FileRecord[];
      merged: number;
    };

/** The one save's request for a selection: every element that changed, checked as a record is. */
export function selectionSaveRequest(req: SelectionSaveRequest): SaveRecordsRequest {
  return {
    plan: planSelectionSave(req.bases, req.text),
    api: req.api,
    resolveConflicts: req.resolveConflicts,
    signal: req.signal,
  };
}

/** "Edit Selection as JSON": the one save ({@link saveRecords}) of every element that changed. */
export async function saveSelection(req: SelectionSaveRequest): Promise<SelectionSaveOutcome> {
  const outcome = await saveRecords(selectionSaveRequest(req));
  if (outcome.kind !== 'done') return outcome;
  // Nothing left to send after merging: CDF already holds what the text asks for.
  if (!outcome.report) return { kind: 'unchanged' };
  const saved = outcome.results.filter((r) => r.status === 'saved');
  return {
    kind: 'sent',
    results: outcome.results,
    report: outcome.report,
    records: saved.map((r) => r.record),
    shown: saved.map((r) => r.shown),
    merged: outcome.results.filter((r) => r.merged).length,
  };
}
