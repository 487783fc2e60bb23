import * as vscode from 'vscode';
import { redactForUser } from '../../cdf/logging';
import type { UpdateProgress, UpdateReport } from '../../core/ports';
import type { FileRecord } from '../../cdf/model';
import type { ClassicUpdateItem } from '../../core/classic-file';
import { classicBulkSource } from '../../app';
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
  type Job as AnyJob,
  type JobPlan as AnyJobPlan,
  type PlanOptions,
  type PreviewSources as AnyPreviewSources,
} from '../../core/bulk';
import type { ProjectSession } from '../sessions';
import type { BulkRequest, BulkRun } from './bulk-request';
import type { ExtensionServices } from '../services';
import { BulkDocuments } from './bulk-documents';
import { withNotificationProgress } from './notification-progress';
import { openEdits, previewNames } from './preview-context';
import { pickOperations } from './operation-wizard';
import { announce, refreshViews } from './run-result';
import { pickTarget, projectOf, targetOfView } from './target-picker';

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

  async edit(request: BulkRequest = {}, selection: FileRecord[] = []): Promise<BulkRun | undefined> {
    // Refused before any question: a second job waits for the one being sent (see `BulkJobs.run`).
    this.jobs.refuseWhileRunning();
    const session = this.session();
    const target =
      request.target === 'view'
        ? (await targetOfView(session, this.services.tree)).target
        : (request.target ?? (await pickTarget(session, this.services.tree, selection)));
    if (!target) return undefined;
    const operations = request.operations ?? (await pickOperations(session.api, target.label));
    if (!operations?.length) return undefined;
    const job = await this.planning(target, (o) => this.jobs.planEdit(scopeOf(session), target, operations, o));
    return job && this.confirmAndRun(session, job, request.confirm !== false);
  }

  /** Previews, confirms and runs a plan made elsewhere (a CSV import). */
  async applyPlan(target: BulkTarget, plan: JobPlan, confirm = true, notes: readonly string[] = []) {
    this.jobs.refuseWhileRunning();
    const session = this.session();
    // The same CSV imported again continues the kept import (after a reload too), so undo covers both runs.
    await this.jobs.recallLast();
    return this.confirmAndRun(session, this.jobs.importJob(scopeOf(session), target, plan, notes), confirm);
  }

  /**
   * Re-plans the last action against the files as they are now, leaving out those it already
   * changed, and shows that plan for confirmation before anything is sent.
   */
  async resume(options: { confirm?: boolean } = {}): Promise<BulkRun | undefined> {
    this.jobs.refuseWhileRunning();
    const session = this.session();
    const scope = scopeOf(session);
    const last = await this.jobs.requireLast(scope);
    const job = await this.planning(last.target, (o) => this.jobs.planResume(scope, o));
    return job && this.confirmAndRun(session, job, options.confirm !== false);
  }

  /**
   * Restores what the last action is known to have changed, element by element; what someone else
   * changed since (or the action never wrote) is reported, not clobbered. The rule is `planUndo`'s.
   */
  async undo(options: { confirm?: boolean } = {}): Promise<{ report?: UpdateReport; conflicts: number } | undefined> {
    const session = this.session();
    const { undo, job } = await this.jobs.planUndo(scopeOf(session));
    const summary = summarizeUndo(undo);
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
    const record = await this.jobs.requireLast(scopeOf(this.session()));
    await this.documents.show('bulk-report', record.reportTexts.join('\n'));
  }

  /** The preview document's text for a job, and the open documents whose unsaved edits it overtakes. */
  previewText(job: Job, all = false) {
    return jobPreview(job, this.previewSources(), all);
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

  /** Plans with a cancellable progress notification; `undefined` when the user cancelled. */
  private planning(target: BulkTarget, plan: (options: PlanOptions) => Promise<Job>): Promise<Job | undefined> {
    const title = vscode.l10n.t('Reading {0}…', target.label);
    return withNotificationProgress({ title, cancellable: true }, async (progress, token) => {
      const abort = new AbortController();
      token.onCancellationRequested(() => abort.abort());
      try {
        return await plan({
          signal: abort.signal,
          onPage: (c) => progress.report({ message: planProgress(scopeOf(this.session()).kind, c) }),
        });
      } catch (err) {
        if (abort.signal.aborted) return undefined;
        throw err;
      }
    });
  }

  private previewSources(): PreviewSources {
    const { lookups, selections } = this.services;
    return {
      openEdits: openEdits(this.session().project, selections),
      names: lookups && ((shown, operations) => previewNames(lookups, shown, operations)),
    };
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

  private async run(session: ProjectSession, job: Job): Promise<UpdateReport<ClassicUpdateItem, FileRecord>> {
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
        return await this.jobs.run(job, scopeOf(session));
      } finally {
        stop();
      }
    });
    refreshViews(this.services.tree, this.services.fs, session.project, appliedRecords(report));
    this.services.log.info(`${title}: ${summarizeRun(report)}`);
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

/** The controller runs jobs on classic files. */
type Job = AnyJob<FileRecord, ClassicUpdateItem>;
type JobPlan = AnyJobPlan<FileRecord, ClassicUpdateItem>;
type PreviewSources = AnyPreviewSources<FileRecord, ClassicUpdateItem>;

const scopeOf = (session: ProjectSession) => ({ ...classicBulkSource(session.api), project: projectOf(session) });
