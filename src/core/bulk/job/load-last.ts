import * as l10n from '@vscode/l10n';
import type { ActionStore } from './action-store';
import type { AnyRecord } from './kept-action';

/** The kept action from the store (after a window reload), or a plain sentence why there is none to use. */
export async function loadLast(store: ActionStore): Promise<AnyRecord> {
  const loaded = await store.load();
  if (loaded.kind === 'gone')
    throw new Error(
      l10n.t(
        'The last bulk action ("{0}", {1}) can no longer be resumed or undone: {2}.',
        loaded.header.label,
        new Date(loaded.header.startedAt).toLocaleString(),
        loaded.why,
      ),
    );
  // Said for Show Report too: a sentence about resuming or undoing only read as a wrong answer there.
  if (loaded.kind === 'none')
    throw new Error(l10n.t('No bulk action has run yet: there is nothing to resume, undo or report.'));
  return loaded.record;
}
