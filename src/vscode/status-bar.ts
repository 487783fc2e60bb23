import * as vscode from 'vscode';
import { COMMANDS } from './command-ids';
import type { Sessions } from './sessions';

/** The active connection, always visible; a click offers to switch. */
export class StatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('cdfFiles.connection', vscode.StatusBarAlignment.Left, 50);
  private readonly subscription: vscode.Disposable;

  constructor(sessions: Sessions) {
    this.item.name = vscode.l10n.t('CDF Files connection');
    this.item.command = COMMANDS.connect;
    this.subscription = sessions.onDidChange((s) => {
      if (!s) return this.item.hide();
      this.item.text = `$(cloud) CDF: ${s.label}`;
      this.item.tooltip = vscode.l10n.t('Project {0} at {1}. Click to switch connections.', s.project, s.baseUrl);
      this.item.show();
    });
  }

  dispose(): void {
    this.subscription.dispose();
    this.item.dispose();
  }
}
