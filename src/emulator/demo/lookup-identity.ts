import { hashInts, permute52 } from '../util/random';

/** When the demo's look-ups (data sets, labels, assets) were created and last updated, before the n-th one's offset. */
export const LOOKUPS_CREATED = Date.UTC(2018, 8, 3, 9, 12, 0);
export const LOOKUPS_UPDATED = Date.UTC(2024, 1, 19, 14, 2, 0);

/** An id that looks like CDF's: large, unique within its resource type (a permutation of the index). */
export const lookupId = (seed: number, salt: number, index: number): number =>
  100_000_000_000_000 + permute52(index, hashInts(seed, salt));
