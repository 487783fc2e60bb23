import * as l10n from '@vscode/l10n';
import { ownField, putField } from '../../fields';
import { titleOf, type BulkKind } from '../bulk-kind';
import { planTransition, type RecordPlan } from './plan-record';

/** How one file's update ended (see `UpdateReport`): `unknown` was sent and got no definite answer. */
export type ActionOutcome = 'applied' | 'unknown' | 'failed' | 'notSent';

/** What is known of one file a bulk action set out to change. */
export interface ActionEntry<R = object> {
  outcome: ActionOutcome;
  /** The record before the action (read just before it was planned). */
  before: R;
  /**
   * The action's after-image: `before` with what the update writes (scalars are `set`, collections
   * `add`/`remove`), the planned result, with CDF's stored values for those elements once applied
   * (`actionAfterImage`). Never CDF's whole returned record: it also holds other people's writes,
   * and every element that differs from `before` is taken for the action's own change.
   */
  after: R;
}

/** Elements of a file that someone changed since the action (or the action never wrote): left alone. */
export interface UndoConflict {
  /** The record's key (see `BulkKind.key`). */
  key: string;
  title: string;
  changes: { where: string; before: unknown; afterAction: unknown; now: unknown }[];
}

export interface UndoPlan<R = object, U = unknown> {
  /** What to send. */
  items: U[];
  /** One per file with something of the action still on it or already undone: change, unchanged, refused. */
  plans: RecordPlan<R, U>[];
  /** Per file, the elements not restored because they hold neither the action's value nor the old one. */
  conflicts: UndoConflict[];
  /** Keys of records the action may have changed that are no longer found (deleted since). */
  missing: string[];
  /**
   * Keys of records with nothing to undo, by evidence: the update failed or was never sent, or it went
   * out without an answer and the record shows none of the action's values.
   */
  notApplied: string[];
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
export function planUndo<R extends object, U>(
  kind: BulkKind<R, U>,
  entries: readonly ActionEntry<R>[],
  currentRecords: readonly R[],
): UndoPlan<R, U> {
  const now = new Map(currentRecords.map((r) => [kind.key(r), r]));
  const undo: UndoPlan<R, U> = { items: [], plans: [], conflicts: [], missing: [], notApplied: [] };
  for (const { outcome, before, after } of entries) {
    const key = kind.key(before);
    if (outcome === 'failed' || outcome === 'notSent') {
      undo.notApplied.push(key);
      continue;
    }
    const current = now.get(key);
    // A record made again under its key (another incarnation) is another record: the action never
    // changed it, so undo leaves it alone and says the one it changed was deleted since.
    if (!current || (kind.incarnation && kind.incarnation(current) !== kind.incarnation(before))) {
      undo.missing.push(key);
      continue;
    }
    const { target, conflicts, found } = restoreTarget(kind, before, after, current);
    if (conflicts.length) undo.conflicts.push({ key, title: titleOf(kind, current), changes: conflicts });
    if (!found) {
      // Nothing of the action is on the file: for an unknown outcome that is evidence it never applied.
      if (outcome === 'unknown' && !conflicts.length) undo.notApplied.push(key);
      else if (!conflicts.length) undo.plans.push(planTransition(kind, current, current, alreadyRestored()));
      continue;
    }
    const plan = planTransition(kind, current, target, alreadyRestored());
    undo.plans.push(plan);
    if (plan.outcome === 'change') undo.items.push(plan.item);
  }
  return undo;
}

/**
 * Whether anything the action changes on this file is no longer as it was before: the action (or
 * someone else) has written there. A resumed run leaves such a file alone, since some operations
 * are not idempotent; a change elsewhere on the file (another field, another key) is not evidence.
 */
export function touchedSince<R extends object, U>(kind: BulkKind<R, U>, before: R, after: R, current: R): boolean {
  const { found, conflicts } = restoreTarget(kind, before, after, current);
  return found || conflicts.length > 0;
}

type Conflict = UndoConflict['changes'][number];

interface Restore<R> {
  target: R;
  conflicts: Conflict[];
  /** At least one element still holds the action's value (and is restored in `target`). */
  found: boolean;
}

function restoreTarget<R extends object, U>(kind: BulkKind<R, U>, pre: R, post: R, current: R): Restore<R> {
  const target = { ...current } as Record<string, unknown>;
  const result: Restore<R> = { target: current, conflicts: [], found: false };
  for (const field of kind.fields) {
    const [was, became, now] = [pre, post, current].map((r) => ownField(r, field.name));
    if (field.kind.same(was, became)) continue;
    const restored = field.kind.restore(field.name, was, became, now);
    putField(target, field, restored.value);
    result.conflicts.push(...restored.conflicts);
    result.found ||= restored.found;
  }
  return { ...result, target: target as R };
}
