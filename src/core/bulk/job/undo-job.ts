import * as l10n from '@vscode/l10n';
import { LIMITS } from '../../../cdf/model';
import { alreadyRestored, planUndo, type ChangePlan, type RecordPlan, type UndoPlan } from '..';
import { actionProblem } from '../../problems';
import type { RecordNouns } from '../../records';
import { countOf } from '../texts/count-of';
import type { PlanAgain } from './send-job';
import type { BulkActionRecord } from './bulk-history';
import type { BulkSource } from './bulk-source';

export interface UndoJob<R, U> {
  plan: UndoPlan<R, U>;
  /** What the undo sends, with the records as read now and what each becomes: a run of its own. */
  run: { items: U[]; preImages: R[]; afterImages: R[]; planAgain: PlanAgain<R, U> };
}

/**
 * Reads again every file the action may have changed (applied, or sent without an answer) and
 * plans the undo from that evidence (see `planUndo`). Files whose update failed or was never sent
 * need no read: the action wrote nothing to them.
 */
export async function planUndoJob<R extends object, U>(
  { kind, api }: BulkSource<R, U>,
  record: BulkActionRecord<R, U>,
  signal?: AbortSignal,
): Promise<UndoJob<R, U>> {
  const keys = record.keysToCheck;
  const current: R[] = [];
  for (let i = 0; i < keys.length; i += LIMITS.itemsPerRequest)
    current.push(...(await api.retrieveExisting(keys.slice(i, i + LIMITS.itemsPerRequest), signal)));
  const plan = planUndo(kind, [...record.entries.values()], current);
  // The plan's changes are in the order of its items.
  const changes = plan.plans.filter((p): p is ChangePlan<R, U> => p.outcome === 'change');
  return {
    plan,
    run: {
      items: plan.items,
      preImages: changes.map((p) => p.before),
      afterImages: changes.map((p) => p.after),
      planAgain: (fresh) => undoAgain(record, fresh),
    },
  };
}

/**
 * The undo of one file planned again on its record read just before sending (the same rule): a
 * change made since the undo's preview where the action wrote is left alone and said.
 */
function undoAgain<R extends object, U>(record: BulkActionRecord<R, U>, fresh: R): RecordPlan<R, U> {
  const entry = record.entries.get(record.kind.key(fresh));
  const again = entry ? planUndo(record.kind, [entry], [fresh]) : undefined;
  const plan = again?.plans[0];
  if (plan) return plan;
  if (!again?.conflicts.length)
    return { outcome: 'unchanged', before: fresh, after: fresh, skipped: alreadyRestored() };
  const where = again.conflicts.flatMap((c) => c.changes.map((x) => x.where)).join(', ');
  return {
    outcome: 'refused',
    before: fresh,
    after: fresh,
    problems: [
      actionProblem(
        'changed-since',
        where,
        'changed since by someone else where the action wrote',
        l10n.t('{0} changed since by someone else where the action wrote; left alone', where),
      ),
    ],
  };
}

/** One line for the confirmation and the message after it: restored, left alone, nothing to do. */
export function summarizeUndo<R, U>(kind: RecordNouns, plan: UndoPlan<R, U>): string {
  const parts = [l10n.t('{0} to restore', countOf(kind, plan.items.length))];
  const { conflicts, notApplied, missing } = plan;
  if (conflicts.length)
    parts.push(
      l10n.t(
        '{0} changed since by someone else where the action wrote (left alone there)',
        countOf(kind, conflicts.length),
      ),
    );
  if (notApplied.length) parts.push(l10n.t('{0} the action did not change', countOf(kind, notApplied.length)));
  if (missing.length) parts.push(l10n.t('{0} deleted since', countOf(kind, missing.length)));
  return parts.join('; ');
}

/** The list of what undo leaves alone, element by element, for a person to look at. */
export function formatUndoConflicts<R, U>(plan: UndoPlan<R, U>): string {
  const lines = [l10n.t('# Not restored: changed since by someone else'), ''];
  for (const c of plan.conflicts) {
    lines.push(`- ${c.title}`);
    for (const x of c.changes)
      lines.push(
        '  - ' +
          l10n.t(
            '{0}: before {1}, the action wrote {2}, now {3}',
            x.where,
            show(x.before),
            show(x.afterAction),
            show(x.now),
          ),
      );
  }
  return lines.join('\n') + '\n';
}

const show = (v: unknown): string => (v === undefined ? l10n.t('(unset)') : JSON.stringify(v));
