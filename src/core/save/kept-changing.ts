import * as l10n from '@vscode/l10n';

/**
 * The records kept changing in CDF while the user answered the conflict questions: after a few
 * rounds of "read, merge, ask, read again" the save stops rather than send a diff of a stale read.
 */
export class KeptChangingError extends Error {
  override readonly name = 'KeptChangingError';
  constructor(readonly ids: readonly number[]) {
    super(
      l10n.t(
        'file {0} kept changing in CDF while you answered, so nothing was sent for it.',
        ids.slice(0, 5).join(', ') + (ids.length > 5 ? ', …' : ''),
      ),
    );
  }
}
