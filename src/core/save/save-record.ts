import * as l10n from '@vscode/l10n';
import { RecordNotReturnedError, type FilesApi } from '../ports';
import type { FileRecord, FileUpdateItem } from '../../cdf/model';
import { applyUpdate } from '../apply';
import { deepEqual } from '../field-values';
import { diff, planSave } from '../diff';
import type { SaveProblem } from '../diff';
import { mergeRecords, type MergeConflict } from '../merge';

/** How the user settles fields that both they and someone else changed since the document was opened. */
export type ConflictChoice = 'overwrite' | 'theirs' | 'cancel';

export interface SaveRequest {
  base: FileRecord;
  text: string;
  api: Pick<FilesApi, 'retrieveFiles' | 'updateFiles'>;
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

/**
 * The save loop (DESIGN.md): validate, diff against the base, no request when nothing changed,
 * re-read to detect a concurrent change, merge three ways, send the minimal update. API errors
 * propagate to the caller, which keeps the user's text.
 */
export async function saveRecord(req: SaveRequest): Promise<SaveOutcome> {
  const plan = planSave(req.base, req.text);
  if (!plan.ok) return { kind: 'invalid', problems: plan.problems };
  if (!plan.update) return { kind: 'unchanged' };

  const [theirs] = await req.api.retrieveFiles([req.base.id], req.signal);
  if (!theirs)
    throw new RecordNotReturnedError(req.base.id, l10n.t('File {0} was not returned by the server.', req.base.id));
  const mine = applyUpdate(req.base, plan.update);

  if (unchangedSince(req.base, theirs)) return send(req, theirs, mine, mine, false);

  const { conflicts, merged: preferTheirs } = mergeRecords(req.base, mine, theirs, 'theirs');
  let merged = preferTheirs;
  if (conflicts.length) {
    const preferMine = mergeRecords(req.base, mine, theirs, 'mine').merged;
    const choice = await req.resolveConflicts(conflicts, theirs, mine, preferMine);
    if (choice === 'cancel') return { kind: 'cancelled' };
    if (choice === 'overwrite') merged = preferMine;
  }
  return send(req, theirs, merged, mine, true);
}

async function send(
  req: SaveRequest,
  current: FileRecord,
  wanted: FileRecord,
  mine: FileRecord,
  merged: boolean,
): Promise<SaveOutcome> {
  // What the user did not type but will see after the save: their changes that the merge kept.
  const broughtIn = Object.keys(diff(mine, wanted) ?? {});
  // Diff against what the server holds now, so a merged save sends only what still differs.
  const update = diff(current, wanted);
  if (!update) return { kind: 'up-to-date', record: current, shown: mine, broughtIn };
  const item: FileUpdateItem = { id: current.id, update };
  const [record] = await req.api.updateFiles([item], req.signal);
  if (!record)
    throw new RecordNotReturnedError(current.id, l10n.t('The update of file {0} returned no record.', current.id));
  return { kind: 'saved', record, shown: mine, sent: item, merged, broughtIn };
}

/** No ETag on file records: an unchanged `lastUpdatedTime` and content mean nobody else wrote. */
function unchangedSince(base: FileRecord, current: FileRecord): boolean {
  return base.lastUpdatedTime === current.lastUpdatedTime && deepEqual(base, current);
}
