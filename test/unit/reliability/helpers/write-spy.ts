/**
 * Counts how often the emulator writes each record: the ground truth for "applied exactly once".
 * The request log cannot tell it alone: a request whose connection was dropped after handling, or
 * whose slow body outlasted the client's timeout, changed the record without a 200 in the log.
 */
import type { FileStore } from '../../../../src/emulator';

export interface WriteSpy {
  /** Writes per record id since the last `reset`. */
  readonly writes: Map<number, number>;
  count(id: number): number;
  reset(): void;
  restore(): void;
}

export function spyOnWrites(store: FileStore): WriteSpy {
  const table = store.files;
  const original = table.putMany.bind(table);
  const writes = new Map<number, number>();
  table.putMany = (records) => {
    for (const r of records) writes.set(r.id, (writes.get(r.id) ?? 0) + 1);
    original(records);
  };
  return {
    writes,
    count: (id) => writes.get(id) ?? 0,
    reset: () => writes.clear(),
    restore: () => {
      // Back to the class's own method.
      delete (table as { putMany?: unknown }).putMany;
    },
  };
}
