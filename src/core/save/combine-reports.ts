import type { ItemOutcome, UpdateReport } from '../ports';

/**
 * The reports of updates sent one after another (a save's chunks, each re-read right before it is
 * sent) as one report over all their items: positions continue across the parts, as if the items
 * had been one input.
 */
export function combineReports<U, R>(parts: readonly UpdateReport<U, R>[]): UpdateReport<U, R> | undefined {
  if (parts.length <= 1) return parts[0];
  const items: ItemOutcome<U, R>[] = [];
  const attempts: UpdateReport<U, R>['attempts'][number][] = [];
  let offset = 0;
  for (const part of parts) {
    items.push(...part.items.map((o) => ({ ...o, index: o.index + offset })));
    attempts.push(...part.attempts.map((a) => ({ ...a, itemIndexes: a.itemIndexes.map((i) => i + offset) })));
    offset += part.total;
  }
  const sum = (pick: (s: UpdateReport<U, R>['stats']) => number) => parts.reduce((n, p) => n + pick(p.stats), 0);
  return {
    total: offset,
    items,
    applied: items.filter((o) => o.outcome === 'applied'),
    failed: items.filter((o) => o.outcome === 'failed'),
    unknown: items.filter((o) => o.outcome === 'unknown'),
    notSent: items.filter((o) => o.outcome === 'notSent'),
    cancelled: parts.some((p) => p.cancelled),
    attempts,
    stats: {
      requestsSent: sum((s) => s.requestsSent),
      throttled: sum((s) => s.throttled),
      peakConcurrency: Math.max(...parts.map((p) => p.stats.peakConcurrency)),
      finalConcurrency: parts.at(-1)!.stats.finalConcurrency,
      durationMs: sum((s) => s.durationMs),
    },
  };
}
