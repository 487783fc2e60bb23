import * as l10n from '@vscode/l10n';
import type { UpdateReport } from '../../ports';
import type { FileRecord } from '../../../cdf/model';
import { actionAfterImage, touchedSince, type ActionEntry, type BulkOperation } from '..';
import type { BulkTarget } from './bulk-target';
import { formatRunReport } from '../texts/job-report';
import { sameProject, type ProjectIdentity } from './project-identity';

/** The parts of a plan a run sends and undo needs: items with their before and after images, same order. */
export interface RunPlan {
  items: readonly { id: number }[];
  preImages: readonly FileRecord[];
  afterImages: readonly FileRecord[];
}

/**
 * What undo and resume need of the last bulk action: per file, how its update ended, the record
 * before the action first reached it and the action's after-image. A resumed run adds to it.
 */
export class BulkActionRecord {
  readonly entries = new Map<number, ActionEntry>();
  /** Each run's report as text (kept across a window reload, unlike the reports themselves). */
  readonly reportTexts: string[] = [];
  /** Files first put on the wire by the run in progress (not by an earlier one). */
  private readonly sending = new Set<number>();

  constructor(
    /** The project the action ran on: resume and undo refuse to run anywhere else. */
    readonly project: ProjectIdentity,
    readonly target: BulkTarget,
    readonly operations: readonly BulkOperation[],
    readonly startedAt: number,
  ) {}

  /**
   * Before a run sends: every file it may send is recorded as `unknown` (may be applied), so if the
   * window goes away mid-run, what is kept still lets undo judge each file by evidence.
   *
   * A file an earlier run sent without an answer is only in a resumed plan when it shows none of
   * the action's changes (see `isDone`): the earlier send is known not to have landed, so its images
   * give way to this plan's, read again just now. Undo then compares with what this run writes on
   * the record as it is now, and a colleague's change made since the first read stays in `before`,
   * never taken for the action's. It stays `unknown` whatever this run reports.
   */
  beginRun(plan: RunPlan): void {
    this.sending.clear();
    plan.items.forEach((item, i) => {
      const before = plan.preImages[i];
      const after = plan.afterImages[i];
      const earlier = this.entries.get(item.id)?.outcome;
      if (!before || !after || earlier === 'applied') return;
      this.entries.set(item.id, { outcome: 'unknown', before, after });
      if (earlier !== 'unknown') this.sending.add(item.id);
    });
  }

  /** Takes a run's report in, item by item. */
  addRun(plan: RunPlan, report: UpdateReport): void {
    if (!plan.items.every((item) => this.entries.has(item.id))) this.beginRun(plan);
    report.items.forEach((outcome, i) => {
      const id = 'id' in outcome.item ? outcome.item.id : plan.items[i]?.id;
      const entry = id === undefined ? undefined : this.entries.get(id);
      if (id === undefined || !entry) return;
      // The after-image stays what the action wrote: CDF's record also holds others' concurrent writes.
      if (outcome.outcome === 'applied')
        this.entries.set(id, {
          ...entry,
          outcome: 'applied',
          after: actionAfterImage(entry.before, entry.after, outcome.record),
        });
      else if (outcome.outcome === 'unknown') this.entries.set(id, { ...entry, outcome: 'unknown' });
      // A file an earlier run may have changed keeps that entry: this run's failure changed nothing.
      else if (this.sending.has(id)) this.entries.set(id, { ...entry, outcome: outcome.outcome });
    });
    this.sending.clear();
    const title = this.reportTexts.length === 0 ? l10n.t('Bulk edit') : l10n.t('Resume {0}', this.reportTexts.length);
    this.reportTexts.push(formatRunReport(title, report, namesOf(plan)));
  }

  /** Files the action may have changed: applied, or sent without an answer. */
  get idsToCheck(): number[] {
    return [...this.entries].filter(([id]) => this.mayHaveChanged(id)).map(([id]) => id);
  }

  belongsTo(project: ProjectIdentity): boolean {
    return sameProject(this.project, project);
  }

  /**
   * For a resumed run: has this action already reached the file? Certainly when it was applied; for a
   * file sent without an answer, when an element the action changes is no longer as it was before
   * (the action, or someone else, wrote there: either way it must not be changed again, which some
   * operations would do twice). A colleague's change elsewhere on the file does not count.
   */
  isDone(current: FileRecord): boolean {
    const entry = this.entries.get(current.id);
    if (entry?.outcome === 'applied') return true;
    return entry?.outcome === 'unknown' && touchedSince(entry.before, entry.after, current);
  }

  private mayHaveChanged(id: number): boolean {
    const outcome = this.entries.get(id)?.outcome;
    return outcome === 'applied' || outcome === 'unknown';
  }
}

/** File names by id, from the records the plan read: the report names every file, not only its id. */
export const namesOf = (plan: RunPlan): Map<number, string> => new Map(plan.preImages.map((r) => [r.id, r.name]));
