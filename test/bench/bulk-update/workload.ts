/** The bulk change every peer makes: one metadata key on every record, so the store can verify it. */
import type { FileUpdateItem } from '../../../src/cdf/model';

export const MARK_KEY = 'bulkBenchmark';

/** One item per id: `metadata.add {bulkBenchmark: mark}` (a typical bulk correction: tag or relink). */
export function markEveryRecord(ids: readonly number[], mark: string): FileUpdateItem[] {
  return ids.map((id) => ({ id, update: { metadata: { add: { [MARK_KEY]: mark } } } }));
}
