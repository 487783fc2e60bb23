import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import { bulkCommands } from './vscode/bulk/bulk-commands';
import { CONTEXT, FILE_SCHEME } from './vscode/command-ids';
import { appCommands } from './vscode/commands/app-commands';
import { browseCommands } from './vscode/commands/browse-commands';
import { nodeCommands } from './vscode/commands/node-commands';
import { registerCommands } from './vscode/commands/command-types';
import { classicRecords } from './vscode/record-kinds';
import {
  DEMO_CONNECTION,
  lastConnection,
  openConnection,
  connectionCommands,
} from './vscode/connections/connection-commands';
import { DemoInAnotherWindowError } from './vscode/connections/demo-session';
import { NodeReferenceCompletionProvider } from './vscode/editor/node-reference-completion';
import { ReferenceCompletionProvider } from './vscode/editor/reference-completion';
import { ReferenceHintsProvider } from './vscode/editor/reference-hints';
import { TimeHintsProvider } from './vscode/editor/time-hints';
import { UpdatePreview } from './vscode/editor/update-preview';
import { watchLiveProblems } from './vscode/live-problems';
import { ExtensionServices } from './vscode/services';
import { StatusBar } from './vscode/status-bar';
import { testSurface, type ExtensionApi } from './vscode/test-surface';
import { trackWalkthroughProgress } from './vscode/walkthrough-progress';
import { setCountLocale } from './core/format-count';

export type { ExtensionApi };

export function activate(context: vscode.ExtensionContext): ExtensionApi {
  const startedAt = performance.now();
  // src/core cannot import 'vscode': its messages go through @vscode/l10n, which reads the same bundle.
  if (vscode.l10n.bundle) l10n.config({ contents: vscode.l10n.bundle });
  setCountLocale(vscode.env.language);
  const s = new ExtensionServices(context);
  registerProviders(s);
  const commands = {
    ...appCommands(s),
    ...connectionCommands(s),
    ...browseCommands(s),
    ...nodeCommands(s),
    ...bulkCommands(s),
  };
  for (const d of registerCommands(commands, s.log)) s.own(d);
  reopenLastConnection(s);
  const durationMs = performance.now() - startedAt;
  s.log.info(`activated in ${durationMs.toFixed(1)} ms (VS Code ${vscode.version})`);
  return testSurface(s, { startedAt, durationMs });
}

/** The file system, the editor's helpers, the status bar, and what keeps the views in step. */
function registerProviders(s: ExtensionServices): void {
  const { fs, lookups, tree, view, sessions, log, diagnostics } = s;
  const records = { scheme: FILE_SCHEME };
  const timeHints = new TimeHintsProvider();
  const syncViewState = (): void => {
    view.description = tree.description || undefined;
    // The description is not drawn while the Files view is its container's only view (its title is
    // merged into the container's): the message line above the rows is what shows a filter or search.
    view.message = tree.description ? vscode.l10n.t('Showing only: {0}', tree.description) : undefined;
    void vscode.commands.executeCommand('setContext', CONTEXT.filtered, !!tree.description);
  };
  for (const d of [
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
    vscode.languages.registerCompletionItemProvider(
      records,
      new NodeReferenceCompletionProvider(sessions),
      '"',
      '[',
      ',',
    ),
    vscode.languages.registerInlayHintsProvider(records, timeHints),
    vscode.languages.registerInlayHintsProvider(records, new ReferenceHintsProvider(lookups)),
    vscode.languages.registerHoverProvider(records, timeHints),
    ...UpdatePreview.register(s.preview),
    watchLiveProblems(fs, diagnostics),
    trackWalkthroughProgress(fs, s.preview),
    tree.onDidReset(() => lookups.invalidate()),
    tree.onDidChangeTreeData(syncViewState),
    sessions.onDidChange((session) => {
      void vscode.commands.executeCommand('setContext', CONTEXT.connected, !!session);
      log.info(
        session ? `connected to ${session.label} (project ${session.project} at ${session.baseUrl})` : 'disconnected',
      );
    }),
    fs.onDidSaveRecords((saved) => tree.updateRecords(classicRecords(saved))),
  ])
    s.own(d);
}

/**
 * Reconnects to what was open before a reload, so restored (possibly dirty) editors can read their
 * records. Right after activation, not in it: opening a project loads and starts the demo's emulator
 * or signs in, which is no part of what VS Code waits for while it activates us.
 */
function reopenLastConnection(s: ExtensionServices): void {
  const reopen = process.env.CDF_FILES_OPEN_DEMO === '1' ? DEMO_CONNECTION : lastConnection(s.context);
  if (!reopen) return;
  setImmediate(() => {
    openConnection(reopen, s.context, s.sessions, s.log).catch((err: unknown) => {
      s.log.error(`could not reopen "${reopen}"`, err);
      // Not only in the log: a second window finds the demo taken by the first and would otherwise stay empty.
      if (err instanceof DemoInAnotherWindowError) void vscode.window.showWarningMessage(err.message);
    });
  });
}

export function deactivate(): void {
  // Everything is owned by context.subscriptions.
}
