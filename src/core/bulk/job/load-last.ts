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
  if (loaded.kind === 'none') throw new Error(l10n.t('There is no bulk action to resume or undo.'));
  return loaded.record;
}
