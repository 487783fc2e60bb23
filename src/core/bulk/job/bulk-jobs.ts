import * as l10n from '@vscode/l10n';
import type { UpdateReport } from '../../ports';
import type { FileRecord } from '../../../cdf/model';
import { compileAction, type BulkOperation, type PlanCounts, type UndoPlan } from '..';
import type { ActionStore } from './action-store';
import type { FilesApi } from '../../ports';
import type { BulkTarget } from './bulk-target';
import { BulkActionRecord } from './bulk-history';
import { emptyJobPlan, planJob, type JobPlan } from './plan-job';
import { otherProjectRefusal, type ProjectIdentity } from './project-identity';
import { resumeRefusal } from './resume-refusal';
import { planUndoJob } from './undo-job';

/** Where jobs run: the open project's API, and which project that is (resume and undo refuse others). */
export interface JobScope {
  api: FilesApi;
  project: ProjectIdentity;
}

/**
 * A planned job, ready to preview, confirm and run. `record` is what undo and resume will know of
 * it: a new one for an edit or an import, the last action's own for a resume, a throwaway for an undo.
 */
export interface Job {
  kind: 'edit' | 'import' | 'resume' | 'undo';
  target: BulkTarget;
  operations: readonly BulkOperation[];
  plan: JobPlan;
  record: BulkActionRecord;
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
  last: BulkActionRecord | undefined;

  constructor(
    private readonly store: ActionStore,
    /** A failure to keep the action: the action still runs, and undo works until the window closes. */
    private readonly onKeepFailed: (err: unknown) => void = () => undefined,
  ) {}

  /** Compiles the operations (a clear error when they do not make an action) and plans them on the target. */
  async planEdit(scope: JobScope, target: BulkTarget, operations: BulkOperation[], options: PlanOptions = {}) {
    const action = compiled(operations);
    const plan = await planJob(scope.api, target, action, options);
    const record = new BulkActionRecord(scope.project, target, operations, Date.now());
    return { kind: 'edit', target, operations, plan, record } satisfies Job;
  }

  /** A plan made elsewhere (a CSV import: each row its own operations) as a job of its own. */
  importJob(scope: JobScope, target: BulkTarget, plan: JobPlan, notes: readonly string[] = []): Job {
    const record = new BulkActionRecord(scope.project, target, [], Date.now());
    return { kind: 'import', target, operations: [], plan, record, notes };
  }

  /**
   * Re-plans the last action against the files as they are now, leaving out those it already
   * changed (see `BulkActionRecord.isDone`).
   */
  async planResume(scope: JobScope, options: PlanOptions = {}): Promise<Job> {
    const record = await this.requireLast(scope);
    const refusal = resumeRefusal(record);
    if (refusal) throw new Error(refusal);
    const action = compiled([...record.operations]);
    const plan = await planJob(scope.api, record.target, action, { ...options, isDone: (r) => record.isDone(r) });
    return { kind: 'resume', target: record.target, operations: record.operations, plan, record };
  }

  /**
   * Plans restoring what the last action is known to have changed, from what the files show now
   * (`planUndo`'s rule): `undo` says what is restored and what is left alone, `job` sends it.
   */
  async planUndo(scope: JobScope, signal?: AbortSignal): Promise<{ undo: UndoPlan; job: Job }> {
    const last = await this.requireLast(scope);
    const { plan: undo, run } = await planUndoJob(scope.api, last, signal);
    const n = run.items.length;
    const plan: JobPlan = {
      ...emptyJobPlan(),
      ...run,
      counts: { matched: n, changed: n, unchanged: 0, refused: 0, refusedByReason: {} },
    };
    const record = new BulkActionRecord(last.project, last.target, [], Date.now());
    return { undo, job: { kind: 'undo', target: last.target, operations: [], plan, record } };
  }

  /**
   * Sends the job and records every item's outcome. The action is kept before anything is sent, so
   * undo still has every file if the window goes away mid-run. An undo is not kept; once it restored
   * every file, the undone action is gone.
   */
  async run(job: Job, api: FilesApi, options: Parameters<FilesApi['updateMany']>[1] = {}): Promise<UpdateReport> {
    const keep = job.kind !== 'undo';
    if (keep) this.last = job.record;
    job.record.beginRun(job.plan);
    if (keep) await this.keep(job.record);
    const report = await api.updateMany(job.plan.items, options);
    job.record.addRun(job.plan, report);
    if (keep) await this.keep(job.record);
    if (job.kind === 'undo' && report.applied.length === job.plan.items.length) {
      this.last = undefined;
      await this.store.clear();
    }
    return report;
  }

  /**
   * The last action, from memory or from the store after a reload; refused when it ran on another
   * project, and said plainly when it is gone.
   */
  async requireLast(scope: Pick<JobScope, 'project'>): Promise<BulkActionRecord> {
    if (!this.last) {
      const loaded = await this.store.load();
      if (loaded.kind === 'gone')
        throw new Error(
          l10n.t(
            'The last bulk action ("{0}", {1}) can no longer be resumed or undone: {2}.',
            loaded.header.label,
            new Date(loaded.header.startedAt).toLocaleString(),
            loaded.why,
          ),
        );
      if (loaded.kind === 'none') throw new Error(l10n.t('There is no bulk action to resume or undo.'));
      this.last = loaded.record;
    }
    const refusal = otherProjectRefusal(this.last.project, scope.project, this.last.target.label);
    if (refusal) throw new Error(refusal);
    return this.last;
  }

  private async keep(record: BulkActionRecord): Promise<void> {
    try {
      await this.store.save(record);
    } catch (err) {
      this.onKeepFailed(err);
    }
  }
}

function compiled(operations: BulkOperation[]) {
  const result = compileAction(operations);
  if (!result.ok) throw new Error(result.problems.map((p) => p.message).join(' '));
  return result.action;
}

/** The records the run changed, as CDF returned them (to refresh the views that show them). */
export const appliedRecords = (report: UpdateReport): FileRecord[] =>
  report.applied.map((a) => a.record).filter((r): r is FileRecord => !!r);
