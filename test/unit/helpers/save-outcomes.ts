/**
 * The one save ({@link saveRecords}), as the product runs it (`recordSaveRequest` /
 * `selectionSaveRequest`), with its per-record results folded into one outcome that tests assert on.
 * Only the shape differs from the product's path: the same request, pipeline and results.
 */
import type { FileRecord, FileUpdateItem } from '../../../src/cdf/model';
import type { UpdateReport } from '../../../src/core/ports';
import type { SaveProblem } from '../../../src/core/problems';
import { saveRecords, type RecordSaveResult } from '../../../src/core/save';
import {
  recordSaveRequest,
  selectionSaveRequest,
  type planSelectionSave,
  type SaveRequest,
  type SelectionSaveRequest,
} from './classic-save';

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
      results: RecordSaveResult<FileRecord, FileUpdateItem>[];
      report: UpdateReport;
      records: FileRecord[];
      shown: FileRecord[];
      merged: number;
    };

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
