/**
 * The outcome of every item of one bulk update, and how often each was put on the wire. Each item is
 * settled exactly once; an item the run forgot is reported `unknown`, never applied.
 */
import type { FileRecord, FileUpdateItem, ItemFailure, ItemOutcome } from '../../model';

export type SettleInput =
  | { outcome: 'applied'; record: FileRecord | undefined }
  | { outcome: 'failed'; failure: ItemFailure }
  | { outcome: 'unknown'; why: string; status?: number; requestId?: string }
  | { outcome: 'notSent' };

export class UpdateLedger {
  private readonly outcomes: (ItemOutcome | undefined)[];
  private readonly sends: number[];
  readonly counts = { applied: 0, failed: 0, unknown: 0, notSent: 0 };

  constructor(readonly items: readonly FileUpdateItem[]) {
    this.outcomes = new Array<ItemOutcome | undefined>(items.length);
    this.sends = new Array<number>(items.length).fill(0);
  }

  item(index: number): FileUpdateItem {
    return this.items[index] as FileUpdateItem;
  }

  /** The items of `indexes` went on the wire once more. */
  sent(indexes: readonly number[]): void {
    for (const i of indexes) this.sends[i] = (this.sends[i] ?? 0) + 1;
  }

  settle(index: number, outcome: SettleInput): void {
    if (this.outcomes[index] !== undefined) throw new Error(`update item ${index} settled twice`);
    const item = this.item(index);
    const sends = this.sends[index] ?? 0;
    // The applied case spelled out: it is nearly every item of a job, and a spread costs more.
    this.outcomes[index] =
      outcome.outcome === 'applied'
        ? { outcome: 'applied', record: outcome.record, index, item, sends }
        : { ...outcome, index, item, sends };
    this.counts[outcome.outcome]++;
  }

  fail(index: number, failure: ItemFailure): void {
    this.settle(index, { outcome: 'failed', failure });
  }

  get settled(): number {
    return this.counts.applied + this.counts.failed + this.counts.unknown + this.counts.notSent;
  }

  /** Every item's outcome, in input order. */
  all(): ItemOutcome[] {
    return this.outcomes.map((o, index) => o ?? this.internalError(index));
  }

  private internalError(index: number): ItemOutcome {
    // Every path settles each item; this is a guard so a bug shows as `unknown`, never as success.
    const why = 'internal error: item never settled';
    return { outcome: 'unknown', index, item: this.item(index), sends: this.sends[index] ?? 0, why };
  }
}
