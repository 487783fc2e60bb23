import * as l10n from '@vscode/l10n';
import type { UpdateOptions, UpdateProgress } from '../../ports';

/**
 * The job being sent, seen from outside while it runs: its progress goes to everyone watching (the
 * editor's progress notification, in-editor tests) and `cancel` stops it (the notification's Cancel,
 * the window closing). One place knows what is running, so a cancel reaches the job that is.
 */
export class JobRunEvents {
  private readonly listeners = new Set<(progress: UpdateProgress) => void>();
  private abort: AbortController | undefined;

  /** Progress of every job sent from now on, until the returned function is called. */
  onProgress(listener: (progress: UpdateProgress) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Stops sending further chunks of the running job (its report says which were not sent); nothing when none runs. */
  cancel(): void {
    this.abort?.abort();
  }

  /** The options one run sends with: the caller's, plus this cancel and these listeners. */
  begin(options: UpdateOptions): UpdateOptions {
    const abort = new AbortController();
    this.abort = abort;
    const signal = options.signal ? AbortSignal.any([options.signal, abort.signal]) : abort.signal;
    const onProgress = (p: UpdateProgress): void => {
      options.onProgress?.(p);
      for (const listener of this.listeners) listener(p);
    };
    return { ...options, signal, onProgress };
  }

  end(): void {
    this.abort = undefined;
  }
}

/** Why another job (or an undo) may not start while one runs in this window. */
export const runningRefusal = (label: string): string =>
  l10n.t(
    'A bulk action ("{0}") is still running in this window. Wait for it to finish, or cancel it, before starting another bulk action or an undo.',
    label,
  );
