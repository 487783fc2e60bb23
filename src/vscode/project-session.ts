import * as vscode from 'vscode';
import type { ProjectSession, Sessions } from './sessions';

/** The session of the project a document belongs to, or the error that says to connect to it. */
export async function sessionFor(sessions: Sessions, project: string, uri: vscode.Uri): Promise<ProjectSession> {
  const session = await sessions.whenReady();
  if (!session || session.project !== project) {
    throw vscode.FileSystemError.Unavailable(
      vscode.l10n.t('Connect to CDF project "{0}" to open {1}.', project, uri.path),
    );
  }
  return session;
}
