import * as vscode from 'vscode';
import { redactForUser } from '../../cdf/logging';
import type { UpdateProgress, UpdateReport } from '../../core/ports';
import {
  appliedRecords,
  BulkJobs,
  changeQuestion,
  confirmDetail,
  formatUndoConflicts,
  jobPreview,
  rowsOf,
  nothingToDo,
  planProgress,
  runProgress,
  runTitle,
  summarizeRun,
  summarizeUndo,
  undoQuestion,
  type ActionStore,
  type BulkTarget,
  type JobScope,
  type Job as AnyJob,
  type JobPlan as AnyJobPlan,
  type PlanOptions,
} from '../../core/bulk';
import type { ProjectSession } from '../sessions';
import type { BulkRequest, BulkRun } from './bulk-request';
import type { ExtensionServices } from '../services';
import { BulkDocuments } from './bulk-documents';
import { withNotificationProgress } from './notification-progress';
import { previewSourcesOf } from './preview-context';
import { announce, refreshViews } from './run-result';
import { askEdit, erased, scopeOf, type BulkSelection } from './bulk-scope';

/**
 * Bulk actions from the palette or the tree. The jobs (plan, run, keep, resume, undo) are core's
 * `BulkJobs`; this asks the questions (targets, operations, confirmation) and shows the answers
 * (progress, preview, report).
 */
export class BulkController implements vscode.Disposable {
  readonly jobs: BulkJobs;
  private readonly documents: BulkDocuments;

  constructor(
    private readonly services: Pick<
      ExtensionServices,
      'sessions' | 'tree' | 'fs' | 'log' | 'lookups' | 'selections' | 'documents' | 'session'
    >,
    store: ActionStore,
  ) {
    this.documents = new BulkDocuments(services.documents);
    this.jobs = new BulkJobs(store, (err) =>
      services.log.warn(`could not keep the bulk action in the workspace storage: ${String(err)}`),
    );
  }

  /** An edit of classic files, or of CogniteFile nodes (`request.kind`); the wizard asks what the request leaves out. */
  async edit(request: BulkRequest = {}, selection: BulkSelection = {}): Promise<BulkRun | undefined> {
    // Refused before any question: a second job waits for the one being sent (see `BulkJobs.run`).
    this.jobs.refuseWhileRunning();
    const session = this.session();
    const scope = scopeOf(session, request.kind);
    const asked = await askEdit(session, this.services.tree, request, selection);
    if (!asked) return undefined;
    const { target, operations } = asked;
    const job = await this.planning(target, scope, (o) => this.jobs.planEdit(scope, target, operations, o));
    return job && this.confirmAndRun(session, job, request.confirm !== false);
  }

  /** Previews, confirms and runs a plan made elsewhere (a CSV import). */
  async applyPlan<R extends object, U>(
    target: BulkTarget,
    plan: AnyJobPlan<R, U>,
    confirm = true,
    notes: readonly string[] = [],
  ) {
    this.jobs.refuseWhileRunning();
    const session = this.session();
    // The same CSV imported again continues the kept import (after a reload too), so undo covers both runs.
    await this.jobs.recallLast();
    const job = this.jobs.importJob(scopeOf(session), target, erased<JobPlan>(plan), notes);
    return this.confirmAndRun(session, job, confirm);
  }

  /**
   * Re-plans the last action against the files as they are now, leaving out those it already
   * changed, and shows that plan for confirmation before anything is sent.
   */
  async resume(options: { confirm?: boolean } = {}): Promise<BulkRun | undefined> {
    this.jobs.refuseWhileRunning();
    const session = this.session();
    const scope = await this.lastScope(session);
    const last = await this.jobs.requireLast(scope);
    const job = await this.planning(last.target, scope, (o) => this.jobs.planResume(scope, o));
    return job && this.confirmAndRun(session, job, options.confirm !== false);
  }

  /**
   * Restores what the last action is known to have changed, element by element; what someone else
   * changed since (or the action never wrote) is reported, not clobbered. The rule is `planUndo`'s.
   */
  async undo(
    options: { confirm?: boolean } = {},
  ): Promise<{ report?: UpdateReport<unknown, object>; conflicts: number } | undefined> {
    const session = this.session();
    const { undo, job } = await this.jobs.planUndo(await this.lastScope(session));
    const summary = summarizeUndo(job.record.kind, undo);
    const conflicts = undo.conflicts.length;
    if (conflicts) await this.documents.show('undo-conflicts', formatUndoConflicts(undo));
    if (!undo.items.length) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Nothing to undo: {0}.', summary));
      return { conflicts };
    }
    if (options.confirm !== false) {
      const ok = vscode.l10n.t('Undo');
      const question = undoQuestion(job.record.kind, undo.items.length);
      if ((await vscode.window.showWarningMessage(question, { modal: true, detail: summary }, ok)) !== ok)
        return undefined;
    }
    return { report: await this.run(session, job), conflicts };
  }

  /** A Markdown document beside the editor (a CSV's problems, listed). */
  showDocument(name: string, text: string): Promise<unknown> {
    return this.documents.show(name, text);
  }

  async showReport(): Promise<void> {
    const record = await this.jobs.requireLast(await this.lastScope(this.session()));
    await this.documents.show('bulk-report', record.reportTexts.join('\n'));
  }

  /** The preview document's text for a job, and the open documents whose unsaved edits it overtakes. */
  previewText<R extends object, U>(job: AnyJob<R, U>, all = false) {
    const { lookups, selections } = this.services;
    const sources = previewSourcesOf(job.record.kind.name, this.session().project, lookups, selections);
    return jobPreview(erased<Job>(job), sources, all);
  }

  /** One flow for an edit, an import and a resume: nothing to do is said; else preview, confirm, run. */
  private async confirmAndRun(session: ProjectSession, job: Job, confirm: boolean): Promise<BulkRun | undefined> {
    if (job.plan.counts.changed === 0) {
      void vscode.window.showInformationMessage(nothingToDo(job));
      return undefined;
    }
    if (confirm && !(await this.confirm(job))) return undefined;
    return { plan: job.plan, report: await this.run(session, job) };
  }

  /**
   * Plans with a cancellable progress notification, counting the records in the words of the kind
   * being planned (`scope`); `undefined` when the user cancelled.
   */
  private planning(
    target: BulkTarget,
    { kind }: JobScope,
    plan: (options: PlanOptions) => Promise<Job>,
  ): Promise<Job | undefined> {
    const title = vscode.l10n.t('Reading {0}…', target.label);
    return withNotificationProgress({ title, cancellable: true }, async (progress, token) => {
      const abort = new AbortController();
      token.onCancellationRequested(() => abort.abort());
      try {
        return await plan({
          signal: abort.signal,
          onPage: (c) => progress.report({ message: planProgress(kind, c) }),
        });
      } catch (err) {
        if (abort.signal.aborted) return undefined;
        throw err;
      }
    });
  }

  private async confirm(job: Job): Promise<boolean> {
    const preview = await this.previewText(job);
    await this.documents.show('bulk-preview', preview.text);
    const apply = vscode.l10n.t('Apply');
    const showAll = vscode.l10n.t('Show All Changes');
    const detail = confirmDetail(job, preview.unsaved);
    for (;;) {
      const answer = await vscode.window.showWarningMessage(
        changeQuestion(job),
        { modal: true, detail },
        apply,
        showAll,
      );
      if (answer !== showAll) return answer === apply;
      await this.documents.show('bulk-preview', (await this.previewText(job, true)).text);
    }
  }

  /** Resume, undo and the report act on the kept action, on its own record kind. */
  private async lastScope(session: ProjectSession) {
    await this.jobs.recallLast();
    return scopeOf(session, this.jobs.last?.kind.name);
  }

  private async run(session: ProjectSession, job: Job): Promise<UpdateReport<unknown, object>> {
    const title = runTitle(job);
    const report = await withNotificationProgress({ title, cancellable: true }, async (progress, token) => {
      token.onCancellationRequested(() => this.jobs.runs.cancel());
      let reported = 0;
      // The notification watches the job's progress as any other watcher does.
      const stop = this.jobs.runs.onProgress((p: UpdateProgress) => {
        const settled = p.applied + p.failed + p.unknown + p.notSent;
        const increment = ((settled - reported) / Math.max(1, p.total)) * 100;
        progress.report({ message: runProgress(p), increment });
        reported = settled;
      });
      try {
        return await this.jobs.run(job, scopeOf(session, job.record.kind.name));
      } finally {
        stop();
      }
    });
    refreshViews(this.services.tree, this.services.fs, session.project, appliedRecords(report), job.record.kind.name);
    this.services.log.info(
      `${title}: ${summarizeRun(job.record.kind, report, job.kind === 'undo' ? 'restored' : 'applied')}`,
    );
    const kind = job.kind === 'undo' ? 'Undo' : job.kind === 'import' ? 'Import' : 'Bulk edit';
    announce(report, rowsOf(job.record.kind, job.plan), job.record.kind, kind, this.documents, () =>
      this.showReport(),
    ).catch((err: unknown) => {
      // Nothing awaits the notification: a failure behind one of its buttons is said, not lost.
      this.services.log.error('bulk result', err);
      void vscode.window.showErrorMessage(err instanceof Error ? redactForUser(err.message) : String(err));
    });
    return report;
  }

  private session(): ProjectSession {
    return this.services.session();
  }

  dispose(): void {
    this.jobs.runs.cancel();
  }
}

/** The controller runs jobs on any record kind: the kind travels with the job's record. */
type Job = AnyJob;
type JobPlan = AnyJobPlan;
