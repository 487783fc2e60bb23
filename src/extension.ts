import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import { redactingChannel } from './cdf/logging';
import { COMMANDS, CONTEXT, FILE_SCHEME, VIEWS } from './vscode/command-ids';
import { registerCommand } from './vscode/command-runner';
import { BulkController } from './vscode/bulk/bulk-controller';
import { registerBulkCommands } from './vscode/bulk/bulk-commands';
import { LastActionStore } from './vscode/bulk/last-action-store';
import { registerBrowseCommands } from './vscode/commands/browse-commands';
import { ConflictPrompt } from './vscode/conflict-prompt';
import {
  DEMO_CONNECTION,
  lastConnection,
  openConnection,
  registerConnectionCommands,
} from './vscode/connections/connection-commands';
import { DemoInAnotherWindowError } from './vscode/connections/demo-session';
import { ProjectLookups } from './vscode/editor/project-lookups';
import { ReferenceCompletionProvider } from './vscode/editor/reference-completion';
import { TimeHintsProvider } from './vscode/editor/time-hints';
import { UpdatePreview } from './vscode/editor/update-preview';
import { watchLiveProblems } from './vscode/live-problems';
import { RecordFileSystem } from './vscode/record-fs';
import { SaveDiagnostics } from './vscode/save-diagnostics';
import { ReferenceHintsProvider } from './vscode/editor/reference-hints';
import { trackWalkthroughProgress } from './vscode/walkthrough-progress';
import { SelectionFiles, SelectionStore } from './vscode/selection-files';
import { Sessions } from './vscode/sessions';
import { StatusBar } from './vscode/status-bar';
import { FilesTreeProvider } from './vscode/tree/files-tree';

/** What activate() hands to the in-editor tests. */
export interface ExtensionApi {
  readonly log: vscode.LogOutputChannel;
  readonly schemaUri: vscode.Uri;
  readonly sessions: Sessions;
  readonly tree: FilesTreeProvider;
  readonly fs: RecordFileSystem;
  readonly diagnostics: SaveDiagnostics;
  readonly conflicts: ConflictPrompt;
  readonly preview: UpdatePreview;
  readonly bulk: BulkController;
  /** Where this extension's logs go (tests read them back to check no secret is ever logged). */
  readonly logUri: vscode.Uri;
  /** When activate() began (performance.now() of the extension host) and how long it ran: the benchmark reads it. */
  readonly activation: { readonly startedAt: number; readonly durationMs: number };
}

export function activate(context: vscode.ExtensionContext): ExtensionApi {
  const startedAt = performance.now();
  // src/core cannot import 'vscode': its messages go through @vscode/l10n, which reads the same bundle.
  if (vscode.l10n.bundle) l10n.config({ contents: vscode.l10n.bundle });
  // Every line, from any part of the extension, is masked before it is written.
  const log = redactingChannel(vscode.window.createOutputChannel('CDF Files', { log: true }));
  const schemaUri = vscode.Uri.joinPath(context.extensionUri, 'schemas', 'file-document.schema.json');
  const sessions = new Sessions();
  const diagnostics = new SaveDiagnostics();
  const conflicts = new ConflictPrompt();
  const selectionStore = new SelectionStore(context.workspaceState);
  const selections = new SelectionFiles(selectionStore, sessions, diagnostics, conflicts, log);
  const fs = new RecordFileSystem(sessions, diagnostics, conflicts, log, selections);
  const lookups = new ProjectLookups(sessions);
  const tree = new FilesTreeProvider(sessions, context.extensionUri, context.workspaceState, lookups);
  const view = vscode.window.createTreeView(VIEWS.files, {
    treeDataProvider: tree,
    canSelectMany: true,
    showCollapseAll: true,
  });
  const timeHints = new TimeHintsProvider();
  const preview = new UpdatePreview(fs);
  const bulk = new BulkController(
    sessions,
    tree,
    fs,
    log,
    new LastActionStore(context.workspaceState, context.storageUri),
    { lookups, selections },
  );
  const records = { scheme: FILE_SCHEME };

  const syncViewState = (): void => {
    view.description = tree.description || undefined;
    void vscode.commands.executeCommand('setContext', CONTEXT.filtered, !!tree.description);
  };
  context.subscriptions.push(
    log,
    sessions,
    diagnostics,
    conflicts,
    fs,
    tree,
    view,
    preview,
    bulk,
    lookups,
    new StatusBar(sessions),
    vscode.workspace.registerFileSystemProvider(FILE_SCHEME, fs, { isCaseSensitive: true }),
    vscode.languages.registerCompletionItemProvider(
      records,
      new ReferenceCompletionProvider(lookups),
      '"',
      ' ',
      '[',
      ',',
    ),
    vscode.languages.registerInlayHintsProvider(records, timeHints),
    vscode.languages.registerInlayHintsProvider(records, new ReferenceHintsProvider(lookups)),
    tree.onDidReset(() => lookups.invalidate()),
    vscode.languages.registerHoverProvider(records, timeHints),
    ...UpdatePreview.register(preview),
    watchLiveProblems(fs, diagnostics),
    trackWalkthroughProgress(fs),
    tree.onDidChangeTreeData(syncViewState),
    sessions.onDidChange((s) => {
      void vscode.commands.executeCommand('setContext', CONTEXT.connected, !!s);
      log.info(s ? `connected to ${s.label} (project ${s.project} at ${s.baseUrl})` : 'disconnected');
    }),
    fs.onDidSaveRecords((records) => tree.updateRecords(records)),
    registerCommand(COMMANDS.showLog, log, () => log.show()),
    registerCommand(COMMANDS.openSchema, log, async () => {
      const doc = await vscode.workspace.openTextDocument(schemaUri);
      await vscode.window.showTextDocument(doc, { preview: true });
    }),
    registerCommand(COMMANDS.openDemo, log, () =>
      vscode.window.withProgress(
        { location: { viewId: VIEWS.files }, title: vscode.l10n.t('Starting the demo project…') },
        async () => {
          await openConnection(DEMO_CONNECTION, context, sessions, log);
          // From the walkthrough or the palette the Files view may be closed: show what was opened.
          await vscode.commands.executeCommand(`${VIEWS.files}.focus`);
        },
      ),
    ),
    registerCommand(COMMANDS.disconnect, log, async () => {
      await sessions.close();
      await context.globalState.update('cdfFiles.lastConnection', undefined);
    }),
    ...registerConnectionCommands(context, sessions, log),
    registerCommand(COMMANDS.previewUpdate, log, (uri) => preview.show(uri instanceof vscode.Uri ? uri : undefined)),
    ...registerBrowseCommands(tree, sessions, log, view, selectionStore),
    ...registerBulkCommands(bulk, tree, sessions, log, view),
  );

  // Reconnect to what was open before a reload, so restored (possibly dirty) editors can read their records.
  // Right after activation, not in it: opening a project loads and starts the demo's emulator or signs in,
  // which is no part of what VS Code waits for while it activates us.
  const reopen = process.env.CDF_FILES_OPEN_DEMO === '1' ? DEMO_CONNECTION : lastConnection(context);
  if (reopen) {
    setImmediate(() => {
      openConnection(reopen, context, sessions, log).catch((err: unknown) => {
        log.error(`could not reopen "${reopen}"`, err);
        // Not only in the log: a second window finds the demo taken by the first and would otherwise stay empty.
        if (err instanceof DemoInAnotherWindowError) void vscode.window.showWarningMessage(err.message);
      });
    });
  }
  const durationMs = performance.now() - startedAt;
  log.info(`activated in ${durationMs.toFixed(1)} ms (VS Code ${vscode.version})`);
  return {
    log,
    schemaUri,
    sessions,
    tree,
    fs,
    diagnostics,
    conflicts,
    preview,
    bulk,
    logUri: context.logUri,
    activation: { startedAt, durationMs },
  };
}

export function deactivate(): void {
  // Everything is owned by context.subscriptions.
}
