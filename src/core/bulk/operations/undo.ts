import * as l10n from '@vscode/l10n';
import type { FileChangeUpdate, FileRecord } from '../../../cdf/model';
import { ownField, CLASSIC_FILE_FIELDS, putField } from '../../fields';
import { planTransition, type RecordPlan } from './plan-record';
import { fileTitle } from '../texts/preview';

/** How one file's update ended (see `UpdateReport`): `unknown` was sent and got no definite answer. */
export type ActionOutcome = 'applied' | 'unknown' | 'failed' | 'notSent';

/** What is known of one file a bulk action set out to change. */
export interface ActionEntry {
  outcome: ActionOutcome;
  /** The record before the action (read just before it was planned). */
  before: FileRecord;
  /**
   * The action's after-image: `before` with what the update writes (scalars are `set`, collections
   * `add`/`remove`), the planned result, with CDF's stored values for those elements once applied
   * (`actionAfterImage`). Never CDF's whole returned record: it also holds other people's writes,
   * and every element that differs from `before` is taken for the action's own change.
   */
  after: FileRecord;
}

/** Elements of a file that someone changed since the action (or the action never wrote): left alone. */
export interface UndoConflict {
  id: number;
  title: string;
  changes: { where: string; before: unknown; afterAction: unknown; now: unknown }[];
}

export interface UndoPlan {
  /** What to send, by internal id. */
  items: { id: number; update: FileChangeUpdate }[];
  /** One per file with something of the action still on it or already undone: change, unchanged, refused. */
  plans: RecordPlan[];
  /** Per file, the elements not restored because they hold neither the action's value nor the old one. */
  conflicts: UndoConflict[];
  /** The action may have changed them, but they are no longer found (deleted since). */
  missing: number[];
  /**
   * Nothing to undo, by evidence: the update failed or was never sent, or it went out without an
   * answer and the file shows none of the action's values.
   */
  notApplied: number[];
}

/** Read when used, so it is in the language the bundle was configured with. */
export const alreadyRestored = (): string => l10n.t('already as it was before the action');

/**
 * The updates that undo a bulk action, from what is known of each file (outcome, before, after)
 * and the records as they are now. It restores only what the action is known to have changed,
 * element by element (a scalar field, a metadata key, one label / asset id / security category):
 * - the file's update failed or was never sent: nothing is restored, the action wrote nothing;
 * - otherwise (applied, or unknown) each element the action changed is looked at now:
 *   - it holds the action's value → restored to the value before;
 *   - it holds the value before → left alone (never written, or put back already);
 *   - anything else → someone else changed it since: reported, left alone.
 * So a file whose update went out without an answer and that shows none of the action's values is
 * "not applied", not "restored", and a colleague's later change to it survives. Elements the action
 * did not change are never written (add/remove per key and element, `set` only for restored scalars).
 */
export function planUndo(entries: readonly ActionEntry[], currentRecords: readonly FileRecord[]): UndoPlan {
  const now = new Map(currentRecords.map((r) => [r.id, r]));
  const undo: UndoPlan = { items: [], plans: [], conflicts: [], missing: [], notApplied: [] };
  for (const { outcome, before, after } of entries) {
    if (outcome === 'failed' || outcome === 'notSent') {
      undo.notApplied.push(before.id);
      continue;
    }
    const current = now.get(before.id);
    if (!current) {
      undo.missing.push(before.id);
      continue;
    }
    const { target, conflicts, found } = restoreTarget(before, after, current);
    if (conflicts.length) undo.conflicts.push({ id: current.id, title: fileTitle(current), changes: conflicts });
    if (!found) {
      // Nothing of the action is on the file: for an unknown outcome that is evidence it never applied.
      if (outcome === 'unknown' && !conflicts.length) undo.notApplied.push(current.id);
      else if (!conflicts.length) undo.plans.push(planTransition(current, current, alreadyRestored()));
      continue;
    }
    const plan = planTransition(current, target, alreadyRestored());
    undo.plans.push(plan);
    if (plan.outcome === 'change') undo.items.push({ id: current.id, update: plan.update });
  }
  return undo;
}

/**
 * Whether anything the action changes on this file is no longer as it was before: the action (or
 * someone else) has written there. A resumed run leaves such a file alone, since some operations
 * are not idempotent; a change elsewhere on the file (another field, another key) is not evidence.
 */
export function touchedSince(before: FileRecord, after: FileRecord, current: FileRecord): boolean {
  const { found, conflicts } = restoreTarget(before, after, current);
  return found || conflicts.length > 0;
}

type Conflict = UndoConflict['changes'][number];

interface Restore {
  target: FileRecord;
  conflicts: Conflict[];
  /** At least one element still holds the action's value (and is restored in `target`). */
  found: boolean;
}

function restoreTarget(pre: FileRecord, post: FileRecord, current: FileRecord): Restore {
  const target: Record<string, unknown> = { ...current };
  const result: Restore = { target: current, conflicts: [], found: false };
  for (const field of CLASSIC_FILE_FIELDS.fields) {
    const [was, became, now] = [pre, post, current].map((r) => ownField(r, field.name));
    if (field.kind.same(was, became)) continue;
    const restored = field.kind.restore(field.name, was, became, now);
    putField(target, field, restored.value);
    result.conflicts.push(...restored.conflicts);
    result.found ||= restored.found;
  }
  return { ...result, target: target as FileRecord };
}
