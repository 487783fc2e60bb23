import type { FileRecord } from '../../cdf/model';
import { LIMITS } from '../../cdf/model';
import { planUndo, type UndoPlan } from '../bulk';
import type { BulkApi } from './bulk-api';
import type { BulkActionRecord } from './bulk-history';

export interface UndoJob {
  plan: UndoPlan;
  /** What the undo sends, with the records as read now and what each becomes: a run of its own. */
  run: { items: UndoPlan['items']; preImages: FileRecord[]; afterImages: FileRecord[] };
}

/**
 * Reads again every file the action may have changed (applied, or sent without an answer) and
 * plans the undo from that evidence (see `planUndo`). Files whose update failed or was never sent
 * need no read: the action wrote nothing to them.
 */
export async function planUndoJob(api: BulkApi, record: BulkActionRecord, signal?: AbortSignal): Promise<UndoJob> {
  const ids = record.idsToCheck;
  const current: FileRecord[] = [];
  for (let i = 0; i < ids.length; i += LIMITS.itemsPerRequest)
    current.push(
      ...(await api.retrieveExisting(
        ids.slice(i, i + LIMITS.itemsPerRequest).map((id) => ({ id })),
        signal,
      )),
    );
  const plan = planUndo([...record.entries.values()], current);
  const changes = new Map(plan.plans.flatMap((p) => (p.outcome === 'change' ? [[p.before.id, p]] : [])));
  return {
    plan,
    run: {
      items: plan.items,
      preImages: plan.items.map((i) => changes.get(i.id)!.before),
      afterImages: plan.items.map((i) => changes.get(i.id)!.after),
    },
  };
}

/** One line for the confirmation and the message after it: restored, left alone, nothing to do. */
export function summarizeUndo(plan: UndoPlan): string {
  const parts = [`${files(plan.items.length)} to restore`];
  if (plan.conflicts.length)
    parts.push(
      `${files(plan.conflicts.length)} changed since by someone else where the action wrote (left alone there)`,
    );
  if (plan.notApplied.length) parts.push(`${files(plan.notApplied.length)} the action did not change`);
  if (plan.missing.length) parts.push(`${files(plan.missing.length)} deleted since`);
  return parts.join('; ');
}

/** The list of what undo leaves alone, element by element, for a person to look at. */
export function formatUndoConflicts(plan: UndoPlan): string {
  const lines = ['# Not restored: changed since by someone else', ''];
  for (const c of plan.conflicts) {
    lines.push(`- ${c.title}`);
    for (const x of c.changes)
      lines.push(
        `  - ${x.where}: before ${show(x.before)}, the action wrote ${show(x.afterAction)}, now ${show(x.now)}`,
      );
  }
  return lines.join('\n') + '\n';
}

const show = (v: unknown): string => (v === undefined ? '(unset)' : JSON.stringify(v));

const files = (n: number): string => (n === 1 ? '1 file' : `${n} files`);
