import * as vscode from 'vscode';

/**
 * VS Code keeps a progress notification up for at least 800 ms from its start, so that it does not
 * flash; a job shorter than that would show its result while its progress still spins beside it.
 * This settles only once the notification has gone, so what comes next (the result, the confirmation)
 * replaces it instead of joining it.
 */
const MIN_SHOWN_MS = 800;
/** The workbench closes the notification a moment after its timer: the result must not beat it. */
const MARGIN_MS = 150;

export async function withNotificationProgress<T>(
  options: Omit<vscode.ProgressOptions, 'location'>,
  task: Parameters<typeof vscode.window.withProgress<T>>[1],
): Promise<T> {
  const started = Date.now();
  try {
    return await vscode.window.withProgress({ ...options, location: vscode.ProgressLocation.Notification }, task);
  } finally {
    const left = started + MIN_SHOWN_MS + MARGIN_MS - Date.now();
    if (left > 0) await new Promise((resolve) => setTimeout(resolve, left));
  }
}
