import type { UpdateReport } from '../../cdf/client/update/update-report';
import type { FileRecord } from '../../cdf/model';
import { deepEqual } from '../field-values';
import type { BulkOperation } from '../bulk';
import type { BulkTarget } from './bulk-api';

/**
 * What undo and resume need of the last bulk action: the record before the action was first
 * applied to each file, and the record the update returned. A resumed run adds to the same entry.
 */
export class BulkActionRecord {
  readonly preImages = new Map<number, FileRecord>();
  readonly postImages = new Map<number, FileRecord>();
  /** Items that went out without a definite answer: they may or may not have been applied. */
  readonly uncertain = new Set<number>();
  reports: UpdateReport[] = [];

  constructor(
    readonly target: BulkTarget,
    readonly operations: readonly BulkOperation[],
    readonly startedAt: number,
  ) {}

  /** Takes a run's report in: applied items become post-images; the first pre-image of a file is kept. */
  addRun(preImages: readonly FileRecord[], report: UpdateReport): void {
    const pre = new Map(preImages.map((r) => [r.id, r]));
    for (const outcome of report.items) {
      const id = 'id' in outcome.item ? outcome.item.id : undefined;
      if (id === undefined) continue;
      const before = pre.get(id);
      if (outcome.outcome === 'applied' || outcome.outcome === 'unknown') {
        if (before && !this.preImages.has(id)) this.preImages.set(id, before);
      }
      if (outcome.outcome === 'applied' && outcome.record) {
        this.postImages.set(id, outcome.record);
        this.uncertain.delete(id);
      } else if (outcome.outcome === 'unknown') this.uncertain.add(id);
    }
    this.reports.push(report);
  }

  /** Files this action has changed for certain. */
  get appliedIds(): number[] {
    return [...this.postImages.keys()];
  }

  /**
   * For a resumed run: has this action already reached the file? Certainly when it was applied; for a
   * file sent without an answer, when it is no longer as it was before (the action, or someone else,
   * changed it: either way it must not be changed again, which some operations would do twice).
   */
  isDone(current: FileRecord): boolean {
    if (this.postImages.has(current.id)) return true;
    const before = this.preImages.get(current.id);
    return this.uncertain.has(current.id) && before !== undefined && !deepEqual(before, current);
  }
}
