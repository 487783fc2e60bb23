import { redactForUser } from '../../cdf/logging';
import * as vscode from 'vscode';
import type { UpdateProgress, UpdateReport } from '../../core/ports';
import type { FileRecord } from '../../cdf/model';
import { compileAction, formatPlanSummary, requestsFor, type BulkOperation } from '../../core/bulk';
import {
  BulkActionRecord,
  formatRunReport,
  namesOf,
  formatUndoConflicts,
  otherProjectRefusal,
  planJob,
  planUndoJob,
  resumeRefusal,
  summarizeRun,
  summarizeUndo,
  viewTarget,
  type BulkTarget,
  type JobPlan,
  type ProjectIdentity,
  emptyJobPlan,
  formatBulkPreview,
  unsavedEditsIn,
  PREVIEW_SAMPLE,
  type BulkPreviewInput,
  type UnsavedEdits,
} from '../../core/bulk-job';
import type { ProjectSession, Sessions } from '../sessions';
import type { RecordFileSystem } from '../record-fs';
import type { FilesTreeProvider } from '../tree/files-tree';
import { BulkDocuments } from './bulk-documents';
import type { ProjectLookups } from '../editor/project-lookups';
import type { SelectionFiles } from '../selection-files';
import type { LastActionStore } from './last-action-store';
import { withNotificationProgress } from './notification-progress';
import { openEdits, previewNames } from './preview-context';
import { pickOperations, wizardTitle } from './operation-wizard';

export interface BulkRequest {
  /** `'view'`: every file the files view shows (its filter, or the files its name search found). */
  target?: BulkTarget | 'view';
  operations?: BulkOperation[];
  /** false: no preview or confirmation (scripts and tests that already looked). */
  confirm?: boolean;
}

export interface BulkRun {
  plan: JobPlan;
  report: UpdateReport;
}

/**
 * Bulk actions from the palette or the tree: pick targets and operations, preview, confirm, run
 * with progress and cancellation, report every item, resume, undo.
 */
export class BulkController implements vscode.Disposable {
  last: BulkActionRecord | undefined;
  private running: AbortController | undefined;
  private readonly documents = new BulkDocuments();
  private readonly progressListeners = new Set<(p: UpdateProgress) => void>();

  constructor(
    private readonly sessions: Sessions,
    private readonly tree: FilesTreeProvider,
    private readonly fs: RecordFileSystem,
    private readonly log: vscode.LogOutputChannel,
    private readonly store: LastActionStore,
    /** Names for the preview, and the selections whose unsaved edits it warns about. */
    private readonly views: { lookups?: ProjectLookups; selections?: SelectionFiles } = {},
  ) {}

  /** Tests watch progress (and cancel mid-run) through this. */
  onProgress(listener: (p: UpdateProgress) => void): vscode.Disposable {
    this.progressListeners.add(listener);
    return new vscode.Disposable(() => this.progressListeners.delete(listener));
  }

  /** Stops sending further chunks of the running job. */
  cancel(): void {
    this.running?.abort();
  }

  async edit(request: BulkRequest = {}, selection: FileRecord[] = []): Promise<BulkRun | undefined> {
    const session = this.session();
    const target =
      request.target === 'view'
        ? (await this.viewTarget(session)).target
        : (request.target ?? (await this.pickTarget(session, selection)));
    if (!target) return undefined;
    const operations = request.operations ?? (await pickOperations(session.api, target.label));
    if (!operations?.length) return undefined;
    const compiled = compileAction(operations);
    if (!compiled.ok) throw new Error(compiled.problems.map((p) => p.message).join(' '));

    const plan = await this.plan(session, target, compiled.action);
    if (!plan) return undefined;
    if (plan.counts.changed === 0) {
      void vscode.window.showInformationMessage(
        vscode.l10n.t('Nothing to change: {0}', formatPlanSummary(plan.counts)),
      );
      return undefined;
    }
    if (request.confirm !== false && !(await this.confirm(target, operations, plan))) return undefined;

    const record = new BulkActionRecord(projectOf(session), target, operations, Date.now());
    this.last = record;
    const report = await this.run(session, plan, record, vscode.l10n.t('Bulk edit: {0}', target.label));
    return { plan, report };
  }

  /** Previews, confirms and runs a plan made elsewhere (a CSV import). */
  async applyPlan(
    target: BulkTarget,
    operations: BulkOperation[],
    plan: JobPlan,
    confirm = true,
    notes: readonly string[] = [],
  ): Promise<BulkRun | undefined> {
    const session = this.session();
    if (plan.counts.changed === 0) {
      void vscode.window.showInformationMessage(
        vscode.l10n.t('Nothing to change: {0}', formatPlanSummary(plan.counts)),
      );
      return undefined;
    }
    if (confirm && !(await this.confirm(target, operations, plan, 'Bulk edit', notes))) return undefined;
    const record = new BulkActionRecord(projectOf(session), target, operations, Date.now());
    this.last = record;
    const report = await this.run(session, plan, record, vscode.l10n.t('Import: {0}', target.label));
    return { plan, report };
  }

  /**
   * Re-plans the last action against the files as they are now, leaving out those it already
   * changed, and shows that plan for confirmation before anything is sent.
   */
  async resume(options: { confirm?: boolean } = {}): Promise<BulkRun | undefined> {
    const session = this.session();
    const record = await this.requireLast(session);
    const refusal = resumeRefusal(record);
    if (refusal) throw new Error(refusal);
    const compiled = compileAction(record.operations);
    if (!compiled.ok) throw new Error(compiled.problems.map((p) => p.message).join(' '));
    const plan = await this.plan(session, record.target, compiled.action, (r) => record.isDone(r));
    if (!plan) return undefined;
    if (plan.counts.changed === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('The last bulk action has nothing left to do.'));
      return undefined;
    }
    if (options.confirm !== false && !(await this.confirm(record.target, [...record.operations], plan, 'Resume')))
      return undefined;
    const report = await this.run(session, plan, record, vscode.l10n.t('Resuming: {0}', record.target.label));
    return { plan, report };
  }

  /**
   * Restores what the last action is known to have changed, element by element; what someone else
   * changed since (or the action never wrote) is reported, not clobbered. The rule is `planUndo`'s.
   */
  async undo(options: { confirm?: boolean } = {}): Promise<{ report?: UpdateReport; conflicts: number } | undefined> {
    const session = this.session();
    const record = await this.requireLast(session);
    const { plan, run } = await planUndoJob(session.api, record);
    const summary = summarizeUndo(plan);
    if (plan.conflicts.length) await this.documents.show('undo-conflicts', formatUndoConflicts(plan));
    if (!plan.items.length) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Nothing to undo: {0}.', summary));
      return { conflicts: plan.conflicts.length };
    }
    if (options.confirm !== false) {
      const ok = vscode.l10n.t('Undo');
      const answer = await vscode.window.showWarningMessage(
        plan.items.length === 1
          ? vscode.l10n.t('Restore 1 file to how it was before the last bulk action?')
          : vscode.l10n.t('Restore {0} files to how they were before the last bulk action?', plan.items.length),
        { modal: true, detail: summary },
        ok,
      );
      if (answer !== ok) return undefined;
    }
    const undoRecord = new BulkActionRecord(record.project, record.target, [], Date.now());
    const report = await this.run(
      session,
      { ...emptyJobPlan(), ...run, counts: emptyPlanCounts(run.items.length) },
      undoRecord,
      vscode.l10n.t('Undoing the last bulk action'),
      false,
    );
    if (report.applied.length === plan.items.length) {
      this.last = undefined;
      await this.store.clear();
    }
    return { report, conflicts: plan.conflicts.length };
  }

  async showReport(): Promise<void> {
    const record = await this.requireLast(this.session());
    await this.documents.show('bulk-report', record.reportTexts.join('\n'));
  }

  private async plan(
    session: ProjectSession,
    target: BulkTarget,
    action: Parameters<typeof planJob>[2],
    isDone?: (current: FileRecord) => boolean,
  ) {
    return withNotificationProgress(
      {
        title: vscode.l10n.t('Reading {0}…', target.label),
        cancellable: true,
      },
      async (progress, token) => {
        const abort = new AbortController();
        token.onCancellationRequested(() => abort.abort());
        try {
          return await planJob(session.api, target, action, {
            signal: abort.signal,
            isDone,
            onPage: (c) =>
              progress.report({ message: vscode.l10n.t('{0} files read, {1} to change', c.matched, c.changed) }),
          });
        } catch (err) {
          if (abort.signal.aborted) return undefined;
          throw err;
        }
      },
    );
  }

  /**
   * The preview document's text for a plan: names beside ids, and a warning when a file it changes
   * has unsaved edits open in an editor.
   */
  async previewText(
    target: BulkTarget,
    operations: readonly BulkOperation[],
    plan: JobPlan,
    options: { all?: boolean; heading?: BulkPreviewInput['heading']; notes?: readonly string[] } = {},
  ): Promise<{ text: string; unsaved: UnsavedEdits[] }> {
    const session = this.session();
    const all = options.all ?? false;
    const unsaved = unsavedEditsIn(plan, openEdits(session.project, this.views.selections));
    const shown = all ? plan.changes : plan.changes.slice(0, PREVIEW_SAMPLE);
    const names = this.views.lookups ? await previewNames(this.views.lookups, shown, operations) : undefined;
    const text = formatBulkPreview({
      heading: options.heading ?? 'Bulk edit',
      targetLabel: target.label,
      operations,
      plan,
      all,
      names,
      unsaved,
      notes: options.notes,
    });
    return { text, unsaved };
  }

  private async confirm(
    target: BulkTarget,
    operations: BulkOperation[],
    plan: JobPlan,
    heading: BulkPreviewInput['heading'] = 'Bulk edit',
    /** Lines a plan made elsewhere adds (a CSV import's "replaces all" columns). */
    notes: readonly string[] = [],
  ): Promise<boolean> {
    const preview = await this.previewText(target, operations, plan, { heading, notes });
    await this.documents.show('bulk-preview', preview.text);
    const apply = vscode.l10n.t('Apply');
    const showAll = vscode.l10n.t('Show All Changes');
    // The modal covers the preview: the unsaved edits are said in it too.
    // A file open both alone and in a selection counts once.
    const unsavedFiles = new Set(preview.unsaved.flatMap((u) => u.files)).size;
    const detail = [
      formatPlanSummary(plan.counts),
      ...(unsavedFiles
        ? [
            unsavedFiles === 1
              ? vscode.l10n.t(
                  '1 of these files has unsaved edits in an editor (listed in the preview): save or revert it first.',
                )
              : vscode.l10n.t(
                  '{0} of these files have unsaved edits in an editor (listed in the preview): save or revert them first.',
                  unsavedFiles,
                ),
          ]
        : []),
    ].join('\n\n');
    for (;;) {
      const answer = await vscode.window.showWarningMessage(
        changeQuestion(plan.counts.changed, requestsFor(plan.counts.changed)),
        { modal: true, detail },
        apply,
        showAll,
      );
      if (answer === showAll) {
        await this.documents.show(
          'bulk-preview',
          (await this.previewText(target, operations, plan, { heading, notes, all: true })).text,
        );
        continue;
      }
      return answer === apply;
    }
  }

  private async run(
    session: ProjectSession,
    plan: JobPlan,
    record: BulkActionRecord,
    title: string,
    keep = true,
  ): Promise<UpdateReport> {
    // Kept before anything is sent: if the window goes away mid-run, undo still has every file.
    record.beginRun(plan);
    if (keep) await this.keep(record);
    const report = await withNotificationProgress({ title, cancellable: true }, async (progress, token) => {
      const abort = new AbortController();
      this.running = abort;
      token.onCancellationRequested(() => abort.abort());
      let reported = 0;
      try {
        return await session.api.updateMany(plan.items, {
          signal: abort.signal,
          onProgress: (p) => {
            const settled = p.applied + p.failed + p.unknown + p.notSent;
            progress.report({
              message: vscode.l10n.t(
                '{0} of {1} applied · {2} requests · {3} throttled',
                p.applied,
                p.total,
                p.requestsSent,
                p.throttled,
              ),
              increment: ((settled - reported) / Math.max(1, p.total)) * 100,
            });
            reported = settled;
            for (const l of this.progressListeners) l(p);
          },
        });
      } finally {
        this.running = undefined;
      }
    });
    record.addRun(plan, report);
    if (keep) await this.keep(record);
    this.refreshViews(report.applied.map((a) => a.record).filter((r): r is FileRecord => !!r));
    this.log.info(`${title}: ${summarizeRun(report)}`);
    this.announce(report, namesOf(plan), keep ? 'Bulk edit' : 'Undo').catch((err: unknown) => {
      // Nothing awaits the notification: a failure behind one of its buttons is said, not lost.
      this.log.error('bulk result', err);
      void vscode.window.showErrorMessage(err instanceof Error ? redactForUser(err.message) : String(err));
    });
    return report;
  }

  private refreshViews(records: FileRecord[]): void {
    // A bulk action can move files between groups (directory, data set): load the tree again.
    if (records.length) this.tree.reset();
    const byId = new Map(records.map((r) => [r.id, r]));
    for (const doc of vscode.workspace.textDocuments) {
      const base = this.fs.baseOf(doc.uri);
      const next = base && byId.get(base.id);
      if (next && !doc.isDirty) this.fs.recordChanged(doc.uri, next);
    }
  }

  /**
   * The result, with what can be done next. An undo's result is its own report (the undone action is
   * gone once everything is restored), without Resume or Undo.
   */
  private async announce(
    report: UpdateReport,
    names: ReadonlyMap<number, string>,
    kind: 'Bulk edit' | 'Undo',
  ): Promise<void> {
    const incomplete = report.failed.length + report.unknown.length + report.notSent.length;
    const showReport = vscode.l10n.t('Show Report');
    const copyReport = vscode.l10n.t('Copy Report');
    const resume = vscode.l10n.t('Resume');
    const undo = vscode.l10n.t('Undo');
    const actions = [showReport, copyReport];
    if (kind === 'Bulk edit') actions.push(...(incomplete ? [resume] : []), undo);
    const show = incomplete ? vscode.window.showWarningMessage : vscode.window.showInformationMessage;
    const message =
      kind === 'Undo'
        ? vscode.l10n.t('Undo: {0}', summarizeRun(report))
        : vscode.l10n.t('Bulk edit: {0}', summarizeRun(report));
    const answer = await show(message, ...actions);
    const text = (): string => formatRunReport(kind, report, names);
    if (answer === showReport) {
      if (kind === 'Undo') await this.documents.show('undo-report', text());
      else await this.showReport();
    } else if (answer === copyReport) await vscode.env.clipboard.writeText(text());
    else if (answer === resume) await vscode.commands.executeCommand('cdfFiles.resumeBulk');
    else if (answer === undo) await vscode.commands.executeCommand('cdfFiles.undoBulk');
  }

  private async pickTarget(session: ProjectSession, selection: FileRecord[]): Promise<BulkTarget | undefined> {
    type Choice = vscode.QuickPickItem & { make: () => Promise<BulkTarget | undefined> };
    const filter = this.tree.currentFilter;
    const choices: Choice[] = [];
    if (selection.length)
      choices.push({
        label:
          selection.length === 1
            ? vscode.l10n.t('The selected file')
            : vscode.l10n.t('The {0} selected files', selection.length),
        make: () =>
          Promise.resolve({
            kind: 'ids',
            label: `${selection.length} selected files`,
            refs: selection.map((r) => ({ id: r.id })),
          }),
      });
    // With a name search, the files it found (as the tree lists them), never the whole filter.
    const view = await this.viewTarget(session);
    const count = view.count ?? (await session.api.countFiles({ filter }));
    choices.push({
      label:
        view.target.kind === 'ids'
          ? vscode.l10n.t('Every file the name search found ({0})', count.toLocaleString('en-US'))
          : vscode.l10n.t('Every file matching the current filter ({0})', count.toLocaleString('en-US')),
      description:
        view.target.kind === 'ids'
          ? view.target.label
          : this.tree.description || vscode.l10n.t('no filter: the whole project'),
      make: () => Promise.resolve(view.target),
    });
    choices.push({ label: vscode.l10n.t('Ids or external ids I paste…'), make: () => pastedTarget() });
    choices.push({ label: vscode.l10n.t('Ids or external ids from a file…'), make: () => fileTarget() });
    const picked = await vscode.window.showQuickPick(choices, {
      title: wizardTitle(1, vscode.l10n.t('Which files?')),
      ignoreFocusOut: true,
    });
    return picked?.make();
  }

  private viewTarget(session: ProjectSession) {
    return viewTarget(session.api, {
      filter: this.tree.currentFilter,
      search: this.tree.currentSearch,
      description: this.tree.description,
    });
  }

  private session(): ProjectSession {
    const s = this.sessions.active;
    if (!s) throw new Error(vscode.l10n.t('Open a CDF project first.'));
    return s;
  }

  /**
   * The last action, from memory or from the workspace storage after a reload; refused when it ran
   * on another project, and said plainly when it is gone.
   */
  private async requireLast(session: ProjectSession): Promise<BulkActionRecord> {
    if (!this.last) {
      const loaded = await this.store.load();
      if (loaded.kind === 'gone')
        throw new Error(
          vscode.l10n.t(
            'The last bulk action ("{0}", {1}) can no longer be resumed or undone: {2}.',
            loaded.header.label,
            new Date(loaded.header.startedAt).toLocaleString(),
            loaded.why,
          ),
        );
      if (loaded.kind === 'none') throw new Error(vscode.l10n.t('There is no bulk action to resume or undo.'));
      this.last = loaded.record;
    }
    const refusal = otherProjectRefusal(this.last.project, projectOf(session), this.last.target.label);
    if (refusal) throw new Error(refusal);
    return this.last;
  }

  /** A failure to keep the action is logged: the action still runs, and undo works until the window closes. */
  private async keep(record: BulkActionRecord): Promise<void> {
    try {
      await this.store.save(record);
    } catch (err) {
      this.log.warn(`could not keep the bulk action in the workspace storage: ${String(err)}`);
    }
  }

  dispose(): void {
    this.running?.abort();
    this.documents.dispose();
  }
}

async function pastedTarget(): Promise<BulkTarget | undefined> {
  const { parseTargets } = await import('../../core/bulk/targets-text');
  const text = await vscode.window.showInputBox({
    title: wizardTitle(1, vscode.l10n.t('Files by id or external id')),
    prompt: vscode.l10n.t(
      'Ids and external ids, separated by commas or spaces; quote an external id that looks like a number',
    ),
    validateInput: (v) =>
      parseTargets(v.replace(/\s+/g, '\n'))
        .problems.filter((p) => p.severity === 'error')
        .map((p) => `item ${p.line}: ${p.message}`)[0],
    ignoreFocusOut: true,
  });
  if (!text) return undefined;
  const parsed = parseTargets(text.replace(/\s+/g, '\n'));
  return { kind: 'ids', label: `${parsed.targets.length} listed files`, refs: parsed.targets };
}

/** One id or external id per line (or a JSON array), e.g. a column saved from a spreadsheet or a query. */
async function fileTarget(): Promise<BulkTarget | undefined> {
  const { parseTargets } = await import('../../core/bulk/targets-text');
  const [uri] =
    (await vscode.window.showOpenDialog({
      title: wizardTitle(1, vscode.l10n.t('A file of ids or external ids, one per line')),
      filters: { 'Text, CSV or JSON': ['txt', 'csv', 'json', 'lst'] },
    })) ?? [];
  if (!uri) return undefined;
  const parsed = parseTargets(Buffer.from(await vscode.workspace.fs.readFile(uri)).toString('utf8'));
  const errors = parsed.problems.filter((p) => p.severity === 'error');
  if (errors.length) {
    const file = uri.path.split('/').pop() ?? '';
    const lines = errors
      .slice(0, 5)
      .map((p) => vscode.l10n.t('line {0}: {1}', p.line, p.message))
      .join('; ');
    throw new Error(
      errors.length === 1
        ? vscode.l10n.t('{0} has a line that is not an id; nothing was sent. {1}', file, lines)
        : vscode.l10n.t('{0} has {1} lines that are not ids; nothing was sent. {2}', file, errors.length, lines),
    );
  }
  return {
    kind: 'ids',
    label: `${parsed.targets.length} files listed in ${uri.path.split('/').pop()}`,
    refs: parsed.targets,
  };
}

/** Which project a session is: the demo runs on a new port each time, so it is named, not addressed. */
export function projectOf(session: ProjectSession): ProjectIdentity {
  return { baseUrl: session.isDemo ? 'demo' : session.baseUrl, project: session.project };
}

function emptyPlanCounts(changed: number): JobPlan['counts'] {
  return { matched: changed, changed, unchanged: 0, refused: 0, refusedByReason: {} };
}

/** "Change 1 file in 1 request?", "Change 250 files in 1 request?", "Change 5,000 files in 5 requests?" */
function changeQuestion(files: number, requests: number): string {
  if (files === 1) return vscode.l10n.t('Change 1 file in 1 request?');
  return requests === 1
    ? vscode.l10n.t('Change {0} files in 1 request?', files)
    : vscode.l10n.t('Change {0} files in {1} requests?', files, requests);
}
