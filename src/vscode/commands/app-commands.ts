import * as vscode from 'vscode';
import { COMMANDS, VIEWS } from '../command-ids';
import { DEMO_CONNECTION, openConnection } from '../connections/connection-commands';
import type { ExtensionServices } from '../services';
import type { Commands } from './command-types';

type AppCommandId =
  | typeof COMMANDS.showLog
  | typeof COMMANDS.openSchema
  | typeof COMMANDS.openDemo
  | typeof COMMANDS.disconnect
  | typeof COMMANDS.previewUpdate;

/** The log, the document schema, the demo project, disconnecting, and the update a save would send. */
export function appCommands(s: ExtensionServices) {
  const { context, log, sessions } = s;
  return {
    [COMMANDS.showLog]: () => log.show(),
    [COMMANDS.openSchema]: async () => {
      const uri = vscode.Uri.joinPath(context.extensionUri, 'schemas', 'file-document.schema.json');
      return vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), { preview: true });
    },
    [COMMANDS.openDemo]: () =>
      vscode.window.withProgress(
        { location: { viewId: VIEWS.files }, title: vscode.l10n.t('Starting the demo project…') },
        async () => {
          await openConnection(DEMO_CONNECTION, context, sessions, log);
          // From the walkthrough or the palette the Files view may be closed: show what was opened.
          await vscode.commands.executeCommand(`${VIEWS.files}.focus`);
        },
      ),
    [COMMANDS.disconnect]: async () => {
      await sessions.close();
      await context.globalState.update('cdfFiles.lastConnection', undefined);
    },
    /** The record's URI from its CodeLens; the active editor's record from the palette or title bar. */
    [COMMANDS.previewUpdate]: (uri?: vscode.Uri) => s.preview.show(uri instanceof vscode.Uri ? uri : undefined),
  } satisfies Commands<AppCommandId>;
}
