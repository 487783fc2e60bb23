import * as l10n from '@vscode/l10n';

/**
 * The records kept changing in CDF while the user answered the conflict questions (or, for a kind
 * whose API checks versions, kept moving past each retry): after a few rounds of "read, merge, ask,
 * send" the save stops rather than send a diff of a stale read. `keys` are the kind's record keys.
 */
export class KeptChangingError extends Error {
  override readonly name = 'KeptChangingError';
  constructor(
    readonly keys: readonly string[],
    noun: string,
  ) {
    super(
      l10n.t(
        '{1} {0} kept changing in CDF while you answered, so nothing was sent for it.',
        keys.slice(0, 5).join(', ') + (keys.length > 5 ? ', …' : ''),
        noun,
      ),
    );
  }
}
