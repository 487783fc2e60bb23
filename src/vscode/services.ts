import * as vscode from 'vscode';
import { redactingChannel } from '../cdf/logging';
import { BulkController } from './bulk/bulk-controller';
import { LastActionStore } from './bulk/last-action-store';
import { VIEWS } from './command-ids';
import { ConflictPrompt } from './conflict-prompt';
import { ProjectLookups } from './editor/project-lookups';
import { UpdatePreview } from './editor/update-preview';
import { ReadOnlyDocuments } from './read-only-documents';
import { RecordFileSystem } from './record-fs';
import { SaveDiagnostics } from './save-diagnostics';
import { SelectionFiles, SelectionStore } from './selection-files';
import { Sessions, type ProjectSession } from './sessions';
import { FilesTreeProvider } from './tree/files-tree';
import type { TreeNode } from './tree/nodes';

/**
 * The extension's parts, made once at activation and handed around as one object (commands and
 * providers take what they need from it). It owns every disposable: `own()` ties one to the
 * extension's lifetime, so nothing is left to remember in `deactivate`.
 */
export class ExtensionServices {
  readonly log: vscode.LogOutputChannel;
  readonly sessions: Sessions;
  readonly documents: ReadOnlyDocuments;
  readonly diagnostics: SaveDiagnostics;
  readonly conflicts: ConflictPrompt;
  readonly selectionStore: SelectionStore;
  readonly selections: SelectionFiles;
  readonly fs: RecordFileSystem;
  readonly lookups: ProjectLookups;
  readonly tree: FilesTreeProvider;
  readonly view: vscode.TreeView<TreeNode>;
  readonly preview: UpdatePreview;
  readonly bulk: BulkController;

  constructor(readonly context: vscode.ExtensionContext) {
    // Every line, from any part of the extension, is masked before it is written.
    this.log = this.own(redactingChannel(vscode.window.createOutputChannel('CDF Files', { log: true })));
    this.sessions = this.own(new Sessions());
    this.documents = this.own(new ReadOnlyDocuments());
    this.diagnostics = this.own(new SaveDiagnostics());
    this.conflicts = new ConflictPrompt(this.documents);
    this.selectionStore = new SelectionStore(context.workspaceState);
    this.selections = new SelectionFiles(
      this.selectionStore,
      this.sessions,
      this.diagnostics,
      this.conflicts,
      this.log,
    );
    this.fs = this.own(
      new RecordFileSystem(this.sessions, this.diagnostics, this.conflicts, this.log, this.selections),
    );
    this.lookups = this.own(new ProjectLookups(this.sessions));
    this.tree = this.own(
      new FilesTreeProvider(this.sessions, context.extensionUri, context.workspaceState, this.lookups),
    );
    this.view = this.own(
      vscode.window.createTreeView(VIEWS.files, {
        treeDataProvider: this.tree,
        canSelectMany: true,
        showCollapseAll: true,
      }),
    );
    this.preview = this.own(new UpdatePreview(this.fs, this.documents));
    this.bulk = this.own(new BulkController(this, new LastActionStore(context.workspaceState, context.storageUri)));
  }

  /** Ties a disposable to the extension's lifetime. */
  own<T extends vscode.Disposable>(disposable: T): T {
    this.context.subscriptions.push(disposable);
    return disposable;
  }

  /** The open project, or the error every command says when there is none. */
  session(): ProjectSession {
    const s = this.sessions.active;
    if (!s) throw new Error(vscode.l10n.t('Open a CDF project first.'));
    return s;
  }
}
