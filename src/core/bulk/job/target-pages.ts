import { LIMITS } from '../../../cdf/model';
import type { BulkTarget } from './bulk-target';
import type { BulkSource } from './bulk-source';

export interface TargetPage<R> {
  records: R[];
  /** Refs of this page that matched no record. */
  missing: unknown[];
}

/**
 * The target's records, a page (at most 1000) at a time, always as CDF holds them now: a filter is
 * listed through the kind's API (in parallel partitions where it offers them); refs are read in
 * chunks. Nothing holds the whole target set.
 */
export async function* targetPages<R extends object, U>(
  { kind, api }: BulkSource<R, U>,
  target: BulkTarget,
  signal?: AbortSignal,
): AsyncGenerator<TargetPage<R>> {
  if (target.kind === 'filter') {
    for await (const records of api.listPages(target.filter, signal)) yield { records, missing: [] };
    return;
  }
  for (let i = 0; i < target.refs.length; i += LIMITS.itemsPerRequest) {
    const refs = target.refs.slice(i, i + LIMITS.itemsPerRequest);
    // Each ref read once (the API refuses a request naming one record twice), then one record per
    // ref, a repeat included: the planner refuses the repeat by name, and plans the record once.
    const found = await api.retrieveRefs([...new Map(refs.map((ref) => [JSON.stringify(ref), ref])).values()], signal);
    const records = refs.flatMap((ref) => found.find((r) => kind.refMatches(r, ref)) ?? []);
    yield { records, missing: refs.filter((ref) => !found.some((r) => kind.refMatches(r, ref))) };
  }
}
