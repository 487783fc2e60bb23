import * as l10n from '@vscode/l10n';
import type { FileRecord, FileUpdateItem } from '../../cdf/model';
import { applyUpdate } from '../apply';
import { diff } from '../diff';
import { deepEqual } from '../field-values';
import { mergeRecords, type MergeConflict } from '../merge';
import { RecordNotReturnedError, type FilesApi, type UpdateReport } from '../ports';
import { planSelectionSave } from './plan-selection-save';
import type { ConflictChoice } from './save-record';

export interface SelectionConflict {
  file: FileRecord;
  conflicts: MergeConflict[];
}

export interface SelectionSaveRequest {
  bases: ReadonlyMap<number, FileRecord>;
  text: string;
  api: Pick<FilesApi, 'retrieveFiles' | 'updateMany'>;
  /** Asked once, for every file whose changed fields someone else changed too. */
  resolveConflicts: (conflicts: SelectionConflict[]) => Promise<ConflictChoice>;
  signal?: AbortSignal;
}

export type SelectionSaveOutcome =
  | { kind: 'invalid'; problems: ReturnType<typeof planSelectionSave>['problems'] }
  | { kind: 'unchanged' }
  | { kind: 'cancelled' }
  /**
   * `report` tells per file what happened; `records` are what CDF returned for the files that were
   * applied, `shown` what the saved text shows of them (base plus the text's edits): their bases until
   * the text is reloaded, so that saving the same text again sends only what is still missing, and
   * never removes what someone else added meanwhile (see TextBase).
   */
  | { kind: 'sent'; report: UpdateReport; records: FileRecord[]; shown: FileRecord[]; merged: number };

/**
 * The save loop of one record, for a selection: validate every element, re-read the changed files,
 * merge three ways where someone else changed them, ask once about overlapping changes, then send the
 * minimal updates through the chunked updater (which reports every file).
 */
export async function saveSelection(req: SelectionSaveRequest): Promise<SelectionSaveOutcome> {
  const plan = planSelectionSave(req.bases, req.text);
  if (!plan.ok) return { kind: 'invalid', problems: plan.problems };
  if (!plan.changes.length) return { kind: 'unchanged' };

  const current = new Map(
    (
      await req.api.retrieveFiles(
        plan.changes.map((c) => c.base.id),
        req.signal,
      )
    ).map((r) => [r.id, r]),
  );
  const wanted: { theirs: FileRecord; mine: FileRecord; base: FileRecord }[] = [];
  const conflicted: SelectionConflict[] = [];
  for (const { base, update } of plan.changes) {
    const theirs = current.get(base.id);
    if (!theirs)
      throw new RecordNotReturnedError(
        base.id,
        l10n.t(
          'File {0} no longer exists in CDF (it was deleted); remove it from the selection to save the rest.',
          base.id,
        ),
      );
    const mine = applyUpdate(base, update);
    wanted.push({ theirs, mine, base });
    if (!deepEqual(base, theirs)) {
      const { conflicts } = mergeRecords(base, mine, theirs);
      if (conflicts.length) conflicted.push({ file: theirs, conflicts });
    }
  }
  let prefer: 'mine' | 'theirs' = 'theirs';
  if (conflicted.length) {
    const choice = await req.resolveConflicts(conflicted);
    if (choice === 'cancel') return { kind: 'cancelled' };
    prefer = choice === 'overwrite' ? 'mine' : 'theirs';
  }
  let merged = 0;
  const items: FileUpdateItem[] = [];
  for (const { theirs, mine, base } of wanted) {
    const target = deepEqual(base, theirs) ? mine : mergeRecords(base, mine, theirs, prefer).merged;
    if (!deepEqual(base, theirs)) merged++;
    const update = diff(theirs, target);
    if (update) items.push({ id: theirs.id, update });
  }
  if (!items.length) return { kind: 'unchanged' };
  const report = await req.api.updateMany(items, { signal: req.signal });
  const records = report.applied.map((a) => a.record).filter((r): r is FileRecord => !!r);
  const mineById = new Map(wanted.map((w) => [w.mine.id, w.mine]));
  const shown = records.map((r) => mineById.get(r.id)).filter((r): r is FileRecord => !!r);
  return { kind: 'sent', report, records, shown, merged };
}
