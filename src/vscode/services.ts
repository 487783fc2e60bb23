import * as vscode from 'vscode';
import { redactingChannel } from '../cdf/logging';
import type { FileRecord, FileUpdateItem } from '../cdf/model';
import { CLASSIC_FILE } from '../core/records';
import { BulkController } from './bulk/bulk-controller';
import { LastActionStore } from './bulk/last-action-store';
import { VIEWS } from './command-ids';
import { ConflictPrompt } from './conflict-prompt';
import { ProjectLookups } from './editor/project-lookups';
import { UpdatePreview } from './editor/update-preview';
import { ReadOnlyDocuments } from './read-only-documents';
import { RecordFileSystem } from './record-fs';
import { SaveDiagnostics } from './save-diagnostics';
import { uriHandlers } from './record-handlers';
import { SelectionStore, type SelectionFiles } from './selection-files';
import { Sessions, type ProjectSession } from './sessions';
import { FilesTreeProvider } from './tree/files-tree';
import { UserSlot } from './user-port';
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
  /** Who a save asks and tells (VS Code's window; the test surface can stand in). */
  readonly user = new UserSlot();
  readonly conflicts: ConflictPrompt;
  readonly selectionStore: SelectionStore;
  /** The classic files' selections (the bulk preview asks which files open selections hold). */
  readonly selections: SelectionFiles<FileRecord, FileUpdateItem>;
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
    this.conflicts = new ConflictPrompt(this.documents, this.user);
    this.selectionStore = new SelectionStore(context.workspaceState);
    const { handlers, selections } = uriHandlers({
      sessions: this.sessions,
      store: this.selectionStore,
      diagnostics: this.diagnostics,
      conflicts: this.conflicts,
      log: this.log,
    });
    this.selections = selections.get(CLASSIC_FILE.name) as unknown as SelectionFiles<FileRecord, FileUpdateItem>;
    this.fs = this.own(new RecordFileSystem(handlers, this.diagnostics, this.log, this.user));
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
