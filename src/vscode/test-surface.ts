import * as vscode from 'vscode';
import type { BulkOperation } from '../core/bulk';
import type { BulkTarget, UnsavedEdits } from '../core/bulk';
import type { UpdateProgress } from '../core/ports';
import { classicBulkSource } from '../app';
import { projectOf } from './bulk/target-picker';
import type { BulkController } from './bulk/bulk-controller';
import type { ExtensionServices } from './services';
import type { Sessions } from './sessions';
import type { FilesTreeProvider } from './tree/files-tree';
import type { UserPort } from './user-port';

/**
 * What activate() returns: only what the in-editor tests and the activation benchmark cannot reach
 * through commands and the UI, each for a reason VS Code's API gives: a view's items cannot be read,
 * a modal's buttons and a progress notification's Cancel cannot be pressed, the status bar cannot be
 * read. Everything else the tests drive as a user does, through commands and editors.
 */
export interface ExtensionApi {
  /** The open project: its API (tests set up and check data) and the demo's in-process emulator (faults). */
  readonly sessions: Pick<Sessions, 'active' | 'onDidChange'>;
  /** What the files view shows. */
  readonly tree: Pick<FilesTreeProvider, 'getChildren' | 'getTreeItem' | 'resolveTreeItem' | 'description'>;
  readonly bulk: {
    /** The running job's own progress events and cancel, which its notification shows and its Cancel calls. */
    onProgress(listener: (p: UpdateProgress) => void): vscode.Disposable;
    cancel(): void;
    /** The preview the confirmation shows beside its modal. */
    preview(target: BulkTarget, operations: BulkOperation[]): Promise<{ text: string; unsaved: UnsavedEdits[] }>;
    /** Resume and undo, throwing their refusal (a command shows it in a notification, which tests cannot read). */
    resume: BulkController['resume'];
    undo: BulkController['undo'];
    /** The last action's target label, from memory. */
    lastLabel(): string | undefined;
    /** Forgets the last action in memory, as a window reload does (the workspace storage keeps it). */
    forgetLastAction(): void;
  };
  /**
   * Stands in for the user where a save asks (the conflict modal: answered by a button's label) and
   * tells (its status bar notes); `undefined` gives VS Code's window back.
   */
  readonly user: { use(user: UserPort | undefined): void };
  /** Where this extension's logs go (tests read them back to check no secret is ever logged). */
  readonly logUri: vscode.Uri;
  /** When activate() began (performance.now() of the extension host) and how long it ran: the benchmark reads it. */
  readonly activation: { readonly startedAt: number; readonly durationMs: number };
}

export function testSurface(s: ExtensionServices, activation: ExtensionApi['activation']): ExtensionApi {
  const { bulk } = s;
  return {
    sessions: s.sessions,
    tree: s.tree,
    bulk: {
      onProgress: (listener) => new vscode.Disposable(bulk.jobs.runs.onProgress(listener)),
      cancel: () => bulk.jobs.runs.cancel(),
      preview: async (target, operations) => {
        const session = s.session();
        const scope = { ...classicBulkSource(session.api), project: projectOf(session) };
        const job = await bulk.jobs.planEdit(scope, target, operations);
        return bulk.previewText(job);
      },
      resume: (options) => bulk.resume(options),
      undo: (options) => bulk.undo(options),
      lastLabel: () => bulk.jobs.last?.target.label,
      forgetLastAction: () => (bulk.jobs.last = undefined),
    },
    user: { use: (user) => s.user.use(user) },
    logUri: s.context.logUri,
    activation,
  };
}
