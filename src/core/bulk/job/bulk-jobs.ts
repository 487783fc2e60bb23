import type { UpdateOptions, UpdateReport } from '../../ports';
import type { BulkOperation, PlanCounts, UndoPlan } from '..';
import type { ActionStore } from './action-store';
import type { BulkSource } from './bulk-source';
import type { BulkTarget } from './bulk-target';
import { BulkActionRecord } from './bulk-history';
import { asKept, isSameImport, otherKindRefusal, type AnyRecord } from './kept-action';
import { compiled, emptyJobPlan, planJob, type JobPlan } from './plan-job';
import { otherProjectRefusal, type ProjectIdentity } from './project-identity';
import { JobRunEvents, runningRefusal } from './job-run';
import { loadLast } from './load-last';
import { resumeRefusal } from './resume-refusal';
import { makeFirstSave } from './first-save';
import { makePlanTextsWhileIdle, stopTextsWhileIdle } from './image-texts';
import { sendJob, type SentJob } from './send-job';
import { SerialSaves } from './serial-saves';
import { planUndoJob } from './undo-job';

/**
 * Where jobs run: a record kind with the open project's API for it, and which project that is
 * (resume and undo refuse others).
 */
export interface JobScope<R extends object = object, U = unknown> extends BulkSource<R, U> {
  project: ProjectIdentity;
}

/**
 * A planned job, ready to preview, confirm and run. `record` is what undo and resume will know of
 * it: a new one for an edit or an import, the last action's own for a resume, a throwaway for an undo.
 */
export interface Job<R extends object = object, U = unknown> {
  kind: 'edit' | 'import' | 'resume' | 'undo';
  target: BulkTarget;
  operations: readonly BulkOperation[];
  plan: JobPlan<R, U>;
  record: BulkActionRecord<R, U>;
  /** Lines a plan made elsewhere adds to the preview (a CSV import's "replaces all" columns). */
  notes?: readonly string[];
}

export interface PlanOptions {
  signal?: AbortSignal;
  onPage?: (counts: PlanCounts) => void;
}

/**
 * Bulk jobs of one window: plan an edit, a resume or an undo, run it, and keep the last action (in
 * memory and in the store) so that resume and undo work, also after a reload. Asks nothing and shows
 * nothing: the editor layer previews, confirms and reports.
 */
export class BulkJobs {
  last: AnyRecord | undefined;
  /** The job being sent. One at a time: two runs would each keep themselves, and the kept action would be whichever ended last. */
  private running: Pick<Job, 'target'> | undefined;
  /** The running job's progress and its cancel (see {@link JobRunEvents}). */
  readonly runs = new JobRunEvents();
  /** The last run's bookkeeping after its report (see `send`). */
  private settling: Promise<void> = Promise.resolve();

  constructor(
    private readonly store: ActionStore,
    /** A failure to keep the action: the action still runs, and undo works until the window closes. */
    private readonly onKeepFailed: (err: unknown) => void = () => undefined,
  ) {}

  /** Compiles the operations (a clear error when they do not make an action) and plans them on the target. */
  async planEdit<R extends object, U>(
    scope: JobScope<R, U>,
    target: BulkTarget,
    operations: BulkOperation[],
    options: PlanOptions = {},
  ): Promise<Job<R, U>> {
    const action = compiled(scope.kind, operations);
    const plan = await planJob(scope, target, action, options);
    const record = new BulkActionRecord(scope.kind, scope.project, target, operations, Date.now());
    makePlanTextsWhileIdle(plan, () => makeFirstSave(record, plan)); // while the person reads the preview
    return { kind: 'edit', target, operations, plan, record };
  }

  /**
   * A plan made elsewhere (a CSV import: each row its own operations) as a job of its own; or, when
   * the last action is an import of the same rows (an interrupted import imported again, as Resume
   * advises), a further run of that action, so its undo still covers the first run's rows too.
   * After a window reload, call {@link recallLast} first so the kept action is known.
   */
  importJob<R extends object, U>(
    scope: JobScope<R, U>,
    target: BulkTarget,
    plan: JobPlan<R, U>,
    notes: readonly string[] = [],
  ): Job<R, U> {
    const last = this.last;
    const record =
      last && isSameImport(last, scope, target)
        ? (last as unknown as BulkActionRecord<R, U>)
        : new BulkActionRecord(scope.kind, scope.project, target, [], Date.now());
    return { kind: 'import', target, operations: [], plan, record, notes };
  }

  /** Loads the kept action into memory when it is not there (after a reload); quiet when there is none. */
  async recallLast(): Promise<void> {
    await this.settling;
    if (this.last) return;
    const loaded = await this.store.load();
    if (loaded.kind === 'found') this.last = loaded.record;
  }

  /**
   * Re-plans the last action against the files as they are now, leaving out those it already
   * changed (see `BulkActionRecord.isDone`).
   */
  async planResume<R extends object, U>(scope: JobScope<R, U>, options: PlanOptions = {}): Promise<Job<R, U>> {
    this.refuseWhileRunning();
    const record = await this.requireLast(scope);
    const refusal = resumeRefusal(asKept(record));
    if (refusal) throw new Error(refusal);
    const action = compiled(scope.kind, [...record.operations]);
    const plan = await planJob(scope, record.target, action, { ...options, isDone: (r) => record.isDone(r) });
    makePlanTextsWhileIdle(plan); // while the person reads the preview
    return { kind: 'resume', target: record.target, operations: record.operations, plan, record };
  }

  /**
   * Plans restoring what the last action is known to have changed, from what the files show now
   * (`planUndo`'s rule): `undo` says what is restored and what is left alone, `job` sends it.
   */
  async planUndo<R extends object, U>(
    scope: JobScope<R, U>,
    signal?: AbortSignal,
  ): Promise<{ undo: UndoPlan<R, U>; job: Job<R, U> }> {
    this.refuseWhileRunning();
    const last = await this.requireLast(scope);
    const { plan: undo, run } = await planUndoJob(scope, last, signal);
    const n = run.items.length;
    const plan: JobPlan<R, U> = {
      ...emptyJobPlan<R, U>(),
      ...run,
      counts: { matched: n, changed: n, unchanged: 0, refused: 0, refusedByReason: {} },
    };
    const record = new BulkActionRecord(scope.kind, last.project, last.target, [], Date.now());
    return { undo, job: { kind: 'undo', target: last.target, operations: [], plan, record } };
  }

  /**
   * Sends the job and returns its report; its outcomes are then kept (see `send`). Each window (or
   * chunk) is read and planned again just before it is sent (`sendJob`): the action's images become
   * those reads, kept before anything is sent and again before a window whose images changed goes
   * out, so undo has every record it sent if the window goes away mid-run. An undo is not kept; once
   * it restored every record, the undone action is gone. One job at a time.
   */
  async run<R extends object, U>(
    job: Job<R, U>,
    source: BulkSource<R, U>,
    options: UpdateOptions = {},
  ): Promise<UpdateReport<U, R>> {
    this.refuseWhileRunning();
    this.running = job;
    try {
      await this.settling;
      return await this.send(job, source, this.runs.begin(options));
    } finally {
      this.running = undefined;
      this.runs.end();
    }
  }

  /**
   * Throws a plain sentence while a job of this window is being sent: a second job (an undo or a
   * resume too) waits until it ends, so the kept action is always the one that ran last.
   */
  refuseWhileRunning(): void {
    if (this.running) throw new Error(runningRefusal(this.running.target.label));
  }

  private async send<R extends object, U>(
    job: Job<R, U>,
    source: BulkSource<R, U>,
    options: UpdateOptions,
  ): Promise<UpdateReport<U, R>> {
    stopTextsWhileIdle();
    const keep = job.kind !== 'undo';
    const saves = new SerialSaves(() => this.keep(asKept(job.record)));
    if (keep) this.last = asKept(job.record);
    job.record.beginRun(job.plan);
    // Kept before anything is sent: every window (or chunk) waits for this save. Started before the
    // first reads: a read that waited for it would be checked again (versions only) before its upsert.
    const begun = keep ? saves.save() : Promise.resolve();
    const { report, sent, replanned, rewritten } = await sendJob(source, job.plan, options, async (window) => {
      await begun;
      // Kept again with fresh images before they go out; unchanged ones need no save (one per chunk is quadratic).
      if (job.record.reimage(window) > 0 && keep) await saves.save();
      // Its undo after-images, worked out once its request is out: not all after the last answer.
      setTimeout(() => job.record.expectAfterImages(window), 0);
    });
    await begun;
    // The report is the caller's once every outcome is known. Taking the outcomes into the kept
    // action (its after-images, its report text) and saving it follow (~0.1 s for 20,000 records):
    // until that save lands, the one made before sending holds every sent record as "may be
    // applied", which undo checks against CDF. Later jobs, resume and undo wait for it (settled).
    this.settling = nextTurn()
      .then(() => this.settle(job, keep, saves, { sent, report, replanned, rewritten }))
      .catch((err) => this.onKeepFailed(err));
    return report;
  }

  /** Resolves once the last run's outcomes are in the kept action and it is saved (never rejects). */
  settled(): Promise<void> {
    return this.settling;
  }

  private async settle<R extends object, U>(job: Job<R, U>, keep: boolean, saves: SerialSaves, run: SentJob<R, U>) {
    job.record.addRun(run.sent, run.report, run.replanned, run.rewritten);
    if (keep) await saves.save();
    if (job.kind === 'undo' && run.report.applied.length === job.plan.items.length) {
      this.last = undefined;
      await this.store.clear().catch(this.onKeepFailed);
    }
  }

  /** The last action, from memory or the store after a reload; refused for another project, said plainly when gone. */
  async requireLast<R extends object, U>(
    scope: Pick<JobScope<R, U>, 'project' | 'kind'>,
  ): Promise<BulkActionRecord<R, U>> {
    await this.settling;
    this.last ??= await loadLast(this.store);
    const refusal =
      otherProjectRefusal(this.last.project, scope.project, this.last.target.label) ??
      otherKindRefusal(this.last, scope.kind);
    if (refusal) throw new Error(refusal);
    return this.last as unknown as BulkActionRecord<R, U>;
  }

  private async keep(record: AnyRecord): Promise<void> {
    try {
      await this.store.save(record);
    } catch (err) {
      this.onKeepFailed(err);
    }
  }
}

/** The records the run changed, as CDF returned them (to refresh the views that show them). */
export const appliedRecords = <R, U>(report: UpdateReport<U, R>): R[] =>
  report.applied.map((a) => a.record).filter((r): r is NonNullable<typeof r> => !!r);

/** After the caller has taken the report (its continuations run first). */
const nextTurn = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));
