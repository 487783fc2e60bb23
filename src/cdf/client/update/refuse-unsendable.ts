/** Items the API would reject anyway (invalid, or the same file twice) fail before any request. */
import * as l10n from '@vscode/l10n';
import { invalidItemReason } from './invalid-item';
import { identityKey } from './item-references';
import type { UpdateLedger } from './update-ledger';

/** Fails what cannot be sent; returns the positions of the rest. */
export function refuseUnsendable(ledger: UpdateLedger): number[] {
  const sendable: number[] = [];
  const firstByIdentity = new Map<string, number>();
  const duplicates = new Set<number>();
  ledger.items.forEach((item, i) => {
    const key = identityKey(item);
    const first = firstByIdentity.get(key);
    if (first === undefined) firstByIdentity.set(key, i);
    else duplicates.add(first).add(i);
  });
  ledger.items.forEach((item, i) => {
    const invalid = invalidItemReason(item);
    if (invalid !== undefined) {
      ledger.fail(i, { reason: 'invalid', message: invalid });
    } else if (duplicates.has(i)) {
      ledger.fail(i, {
        reason: 'duplicated',
        message: l10n.t('The same file appears more than once in this update; combine its changes into one item.'),
      });
    } else {
      sendable.push(i);
    }
  });
  return sendable;
}
