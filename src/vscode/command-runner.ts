import * as vscode from 'vscode';
import { redactForUser } from '../cdf/logging';
import { type CommandId } from './command-ids';

/**
 * A command that declines on purpose (the document has a problem the user can fix): said as a
 * warning, logged at info without a stack. Only an unexpected error is logged with its stack.
 */
export class CommandRefusal extends Error {
  override name = 'CommandRefusal';
}

/**
 * The one error wrapper for commands: cancellation is quiet, the user gets a short message,
 * the log gets the detail.
 */
export function registerCommand(
  id: CommandId,
  log: vscode.LogOutputChannel,
  handler: (...args: unknown[]) => unknown,
): vscode.Disposable {
  return vscode.commands.registerCommand(id, async (...args: unknown[]) => {
    try {
      return await handler(...args);
    } catch (err) {
      if (isCancellation(err)) return undefined;
      // An error may quote a token, a cookie or a URL with a password: the person never sees one.
      const message = redactForUser(err instanceof Error ? err.message : String(err));
      if (err instanceof CommandRefusal) {
        log.info(`${id}: ${message}`);
        void vscode.window.showWarningMessage(vscode.l10n.t('CDF Files: {0}', message));
        return undefined;
      }
      log.error(`${id} failed:`, err instanceof Error ? (err.stack ?? message) : message);
      void vscode.window.showErrorMessage(vscode.l10n.t('CDF Files: {0}', message));
      return undefined;
    }
  });
}

function isCancellation(err: unknown): boolean {
  return err instanceof vscode.CancellationError || (err instanceof Error && err.name === 'AbortError');
}
