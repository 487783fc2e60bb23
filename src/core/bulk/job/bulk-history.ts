import * as l10n from '@vscode/l10n';
import type { UpdateReport } from '../../ports';
import { AfterImages, touchedSince, type ActionEntry, type BulkKind, type BulkOperation } from '..';
import { sameValue } from '../../fields';
import type { BulkTarget } from './bulk-target';
import { formatRunReport, type ReportRow } from '../texts/job-report';
import { sameProject, type ProjectIdentity } from './project-identity';

/** The parts of a plan a run sends and undo needs: items with their before and after images, same order. */
export interface RunPlan<R = object, U = unknown> {
  items: readonly U[];
  preImages: readonly R[];
  afterImages: readonly R[];
}

/**
 * What undo and resume need of the last bulk action: per file, how its update ended, the record
 * before the action first reached it and the action's after-image. A resumed run adds to it.
 */
export class BulkActionRecord<R extends object = object, U = unknown> {
  /** By record key (`BulkKind.key`). */
  readonly entries = new Map<string, ActionEntry<R>>();
  /** Each run's report as text (kept across a window reload, unlike the reports themselves). */
  readonly reportTexts: string[] = [];
  /** Records first put on the wire by the run in progress (not by an earlier one). */
  private readonly sending = new Set<string>();
  /** Applied records' after-images, worked out while their requests were on the wire. */
  private readonly images: AfterImages<R, U>;

  constructor(
    /** The kind of the records the action changes: their keys, fields and titles. */
    readonly kind: BulkKind<R, U>,
    /** The project the action ran on: resume and undo refuse to run anywhere else. */
    readonly project: ProjectIdentity,
    readonly target: BulkTarget,
    readonly operations: readonly BulkOperation[],
    readonly startedAt: number,
  ) {
    this.images = new AfterImages(kind);
  }

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
  beginRun(plan: RunPlan<R, U>): void {
    this.sending.clear();
    plan.items.forEach((_item, i) => {
      const before = plan.preImages[i];
      const after = plan.afterImages[i];
      if (!before || !after) return;
      const key = this.kind.key(before);
      const earlier = this.entries.get(key)?.outcome;
      if (earlier === 'applied') return;
      this.entries.set(key, { outcome: 'unknown', before, after });
      if (earlier !== 'unknown') this.sending.add(key);
    });
  }

  /**
   * A window of the run, planned again just before it is sent: its files' images become the fresh
   * read and what the action writes on it, so undo brings back what was there just before the
   * action wrote. A file an earlier run applied keeps its entry (see `beginRun`). Returns how many
   * entries now hold other images than before (a file unchanged since the preview: the same ones).
   */
  reimage(window: RunPlan<R, U>): number {
    let changed = 0;
    window.items.forEach((_item, i) => {
      const [before, after] = [window.preImages[i], window.afterImages[i]];
      const key = before && this.kind.key(before);
      const entry = key === undefined ? undefined : this.entries.get(key);
      if (key === undefined || !entry || !before || !after || entry.outcome === 'applied') return;
      if (sameValue(entry.before, before) && sameValue(entry.after, after)) return;
      this.entries.set(key, { ...entry, before, after });
      changed++;
    });
    return changed;
  }

  /**
   * Works out the after-images a window's records get once applied (see `AfterImages`), for a
   * window on its way: the run's end then only checks them against what CDF returned.
   */
  expectAfterImages(window: Pick<RunPlan<R, U>, 'preImages'>): void {
    for (const before of window.preImages) {
      const entry = this.entries.get(this.kind.key(before));
      if (entry && entry.outcome !== 'applied') this.images.expect(entry.before, entry.after);
    }
  }

  /** Takes a run's report in, item by item. */
  addRun(
    plan: RunPlan<R, U>,
    report: UpdateReport<unknown, R>,
    replanned = 0,
    rewritten: readonly string[] = [],
  ): void {
    const keys = plan.preImages.map((r) => this.kind.key(r));
    if (!keys.every((key) => this.entries.has(key))) this.beginRun(plan);
    // The report has one outcome per plan item, in the plan's order: its key is the plan's.
    report.items.forEach((outcome) => {
      const key = keys[outcome.index];
      const entry = key === undefined ? undefined : this.entries.get(key);
      if (key === undefined || !entry) return;
      // The after-image stays what the action wrote: CDF's record also holds others' concurrent writes.
      if (outcome.outcome === 'applied')
        this.entries.set(key, {
          ...entry,
          outcome: 'applied',
          after: this.images.of(entry.before, entry.after, outcome.record),
        });
      else if (outcome.outcome === 'unknown') this.entries.set(key, { ...entry, outcome: 'unknown' });
      // A file an earlier run may have changed keeps that entry: this run's failure changed nothing.
      else if (this.sending.has(key)) this.entries.set(key, { ...entry, outcome: outcome.outcome });
    });
    this.sending.clear();
    const title = this.reportTexts.length === 0 ? l10n.t('Bulk edit') : l10n.t('Resume {0}', this.reportTexts.length);
    const rows = plan.preImages.map((r, i) => ({ key: keys[i]!, name: this.kind.label(r) })); // rowsOf, keys known
    const text = formatRunReport(this.kind, title, report, rows);
    const notes = [
      replanned ? replannedNote(this.kind, replanned) : '',
      rewritten.length ? conflictNote(rewritten) : '',
    ];
    this.reportTexts.push([text, ...notes.filter(Boolean).map((n) => `${n}\n`)].join('\n'));
  }

  /** Keys of the records the action may have changed: applied, or sent without an answer. */
  get keysToCheck(): string[] {
    return [...this.entries.keys()].filter((key) => this.mayHaveChanged(key));
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
  isDone(current: R): boolean {
    const entry = this.entries.get(this.kind.key(current));
    if (entry?.outcome === 'applied') return true;
    return entry?.outcome === 'unknown' && touchedSince(this.kind, entry.before, entry.after, current);
  }

  private mayHaveChanged(key: string): boolean {
    const outcome = this.entries.get(key)?.outcome;
    return outcome === 'applied' || outcome === 'unknown';
  }
}

const replannedNote = (kind: Pick<BulkKind<object, unknown>, 'noun' | 'nouns'>, n: number): string =>
  n === 1
    ? l10n.t(
        '1 {0} had changed since the preview: it was planned again on what CDF held just before it was sent.',
        kind.noun(),
      )
    : l10n.t(
        '{0} {1} had changed since the preview: each was planned again on what CDF held just before it was sent.',
        n,
        kind.nouns(),
      );

/**
 * Records a colleague wrote while the run sent them: the API refused the stale write, nothing of
 * theirs was overwritten, and each was read, planned and sent again. Named, so a person can look.
 */
const conflictNote = (keys: readonly string[]): string =>
  l10n.t(
    '{0} changed in CDF while this action sent them (version conflict): CDF refused the stale write, so nothing was overwritten; each was read again, planned again on what CDF held and sent again (its outcome is in the table): {1}',
    keys.length,
    keys.join(', '),
  );

/** Each plan item's record, by its place in the plan: the report names every record, not only its key. */
export const rowsOf = <R extends object, U>(
  kind: BulkKind<R, U>,
  plan: Pick<RunPlan<R, U>, 'preImages'>,
): ReportRow[] => plan.preImages.map((r) => ({ key: kind.key(r), name: kind.label(r) }));
