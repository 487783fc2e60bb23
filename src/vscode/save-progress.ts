import * as vscode from 'vscode';

/** A quick save shows nothing; a slower one (throttling, a hung request) shows a notification with Cancel. */
const PROGRESS_AFTER_MS = 1500;

/**
 * Runs a save with a signal the user can fire: after {@link PROGRESS_AFTER_MS} a cancellable
 * notification appears, and Cancel aborts the save's requests (a request already on the wire may
 * still land: the report then says its outcome is unknown, never "not saved").
 */
export async function cancellableSave<T>(uri: vscode.Uri, run: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const abort = new AbortController();
  const work = run(abort.signal);
  const settled = work.then(
    () => undefined,
    () => undefined,
  );
  const timer = setTimeout(() => {
    const name = decodeURIComponent(uri.path.split('/').pop() ?? '');
    void vscode.window.withProgress(
      {
        location: vscode.ProgressLocation.Notification,
        title: vscode.l10n.t('Saving {0} to CDF…', name),
        cancellable: true,
      },
      (_progress, token) => {
        token.onCancellationRequested(() => abort.abort());
        return settled;
      },
    );
  }, PROGRESS_AFTER_MS);
  try {
    return await work;
  } finally {
    clearTimeout(timer);
  }
}
