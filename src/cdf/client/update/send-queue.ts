/**
 * What a bulk update still has to send: chunks put back (a throttled chunk, the rest of a refused
 * one, the halves of one being narrowed down) first, then fresh chunks cut from the input.
 *
 * Items the API would reject anyway (invalid, or the same file twice) fail before they are sent,
 * with their reason. WHY the input is checked chunk by chunk as it is sent, not all of it first:
 * checking 100,000 items before the first request kept the server waiting for that long (tens of
 * milliseconds, more before the code is warm); now the first request goes out once its own items
 * are checked, and the rest are checked while its answer is awaited. Duplicates are the exception:
 * the other copy may be anywhere in the input, so they are found in one pass before anything is
 * sent (a number-keyed map for items by id, the common case, as a string key costs three times more).
 */
import * as l10n from '@vscode/l10n';
import { invalidItemReason } from './invalid-item';
import { identityKey } from './item-references';
import type { FileUpdateItem } from '../../model';
import type { Unit } from './settle-refusal';
import type { UpdateLedger } from './update-ledger';

export class SendQueue {
  private readonly front: Unit[] = [];
  /** The next input position not cut into a chunk yet. */
  private cursor = 0;
  private readonly duplicates: ReadonlySet<number>;

  constructor(
    private readonly ledger: UpdateLedger,
    private readonly chunkSize: number,
  ) {
    if (!Number.isInteger(chunkSize) || chunkSize < 1)
      throw new RangeError(`chunk size must be a positive integer, got ${chunkSize}`);
    this.duplicates = duplicatePositions(ledger.items);
  }

  /** How many chunks the input makes at most (every item sendable). */
  get chunksAtMost(): number {
    return Math.ceil(this.ledger.items.length / this.chunkSize);
  }

  /** True when something is left to send (checking the input up to the next sendable chunk). */
  hasNext(): boolean {
    if (this.front.length === 0) this.cut();
    return this.front.length > 0;
  }

  next(): Unit | undefined {
    return this.hasNext() ? this.front.shift() : undefined;
  }

  /** Puts units back at the front, to go next (in the order given). */
  requeue(...units: Unit[]): void {
    this.front.unshift(...units);
  }

  /**
   * Everything not sent when the run stops (cancelled): the units put back, and the rest of the
   * input as chunks, its items checked as they would have been (an invalid one still fails).
   */
  takeRest(): Unit[] {
    const rest = this.front.splice(0);
    while (this.cursor < this.ledger.items.length) {
      this.cut();
      rest.push(...this.front.splice(0));
    }
    return rest;
  }

  /** Cuts the next chunk of sendable items, failing the unsendable ones on the way. */
  private cut(): void {
    const items = this.ledger.items;
    const indexes: number[] = [];
    while (this.cursor < items.length && indexes.length < this.chunkSize) {
      const i = this.cursor++;
      const invalid = invalidItemReason(this.ledger.item(i));
      if (invalid !== undefined) {
        this.ledger.fail(i, { reason: 'invalid', message: invalid });
      } else if (this.duplicates.has(i)) {
        this.ledger.fail(i, {
          reason: 'duplicated',
          message: l10n.t('The same file appears more than once in this update; combine its changes into one item.'),
        });
      } else {
        indexes.push(i);
      }
    }
    if (indexes.length > 0) this.front.push({ indexes, possiblyApplied: false });
  }
}

/** Positions of items that name a file another item names too (every copy). */
export function duplicatePositions(items: readonly FileUpdateItem[]): Set<number> {
  const duplicates = new Set<number>();
  const byId = new Map<number, number>();
  const byKey = new Map<string, number>();
  for (let i = 0; i < items.length; i++) {
    const item = items[i] as FileUpdateItem;
    const id = typeof item === 'object' && item !== null && 'id' in item ? item.id : undefined;
    // A number id keys the map itself; a key string is built only for the other kinds (an `id` that
    // is not a number is invalid anyway, but is keyed as before: `id:5` names the file 5 too).
    const numeric = typeof id === 'number';
    // An item that names no file (no identifier, or an instanceId that is not an object) is invalid
    // and fails as such when its chunk is cut; it has no key, and building one would throw.
    if (!numeric && !namesAFile(item)) continue;
    const first = numeric ? byId.get(id) : byKey.get(identityKey(item));
    if (first !== undefined) duplicates.add(first).add(i);
    else if (numeric) byId.set(id, i);
    else byKey.set(identityKey(item), i);
  }
  // An `id` given as a string ("5") and the number 5 name the same file: the rare mixed case.
  if (byId.size > 0 && [...byKey.keys()].some((k) => k.startsWith('id:'))) {
    for (const [id, i] of byId) {
      const other = byKey.get(`id:${id}`);
      if (other !== undefined) duplicates.add(other).add(i);
    }
  }
  return duplicates;
}

/** Whether `identityKey` can name the item (hostile input may have no identifier at all). */
function namesAFile(item: FileUpdateItem): boolean {
  if (typeof item !== 'object' || item === null) return false;
  if ('id' in item || 'externalId' in item) return true;
  return 'instanceId' in item && typeof item.instanceId === 'object' && item.instanceId !== null;
}
