import * as l10n from '@vscode/l10n';
import type { FileRecord } from '../../../cdf/model';
import { LIMITS } from '../../../cdf/model';
import { planUndo, type UndoPlan } from '..';
import type { FilesApi } from '../../ports';
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
export async function planUndoJob(api: FilesApi, record: BulkActionRecord, signal?: AbortSignal): Promise<UndoJob> {
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
  const n = plan.items.length;
  const parts = [n === 1 ? l10n.t('1 file to restore') : l10n.t('{0} files to restore', n)];
  const conflicts = plan.conflicts.length;
  if (conflicts)
    parts.push(
      conflicts === 1
        ? l10n.t('1 file changed since by someone else where the action wrote (left alone there)')
        : l10n.t('{0} files changed since by someone else where the action wrote (left alone there)', conflicts),
    );
  const notApplied = plan.notApplied.length;
  if (notApplied)
    parts.push(
      notApplied === 1
        ? l10n.t('1 file the action did not change')
        : l10n.t('{0} files the action did not change', notApplied),
    );
  const missing = plan.missing.length;
  if (missing) parts.push(missing === 1 ? l10n.t('1 file deleted since') : l10n.t('{0} files deleted since', missing));
  return parts.join('; ');
}

/** The list of what undo leaves alone, element by element, for a person to look at. */
export function formatUndoConflicts(plan: UndoPlan): string {
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
