/**
 * Child process entry: runs one listing peer in a fresh process, so its peak RSS is its own
 * (a process's maxRSS never goes down; peers sharing a process would inherit each other's peak).
 */
import { serveRpc } from '../support/child-process';
import type { Endpoint } from '../support/clients';
import { LISTING_PEERS, type ListingPeerName } from './listing-peers';

export interface ListingRun {
  wallMs: number;
  records: number;
  distinctIds: number;
  /** RSS before the listing started (modules loaded), and the process's peak. */
  rssBeforeBytes: number;
  peakRssBytes: number;
  /**
   * Heap still in use after a full GC with the result held: the memory the listing's result
   * really needs, whatever the garbage collector's appetite (which peak RSS also measures).
   */
  liveHeapBytes: number;
  /** How many things the peer holds at the end: records, or ids for the streaming one. */
  keptItems: number;
}

serveRpc({
  run: async (params) => {
    const { peer, endpoint } = params as { peer: ListingPeerName; endpoint: Endpoint };
    const lister = LISTING_PEERS[peer];
    const rssBeforeBytes = process.memoryUsage().rss;
    const start = performance.now();
    const { records, distinctIds, kept } = await lister(endpoint);
    const wallMs = performance.now() - start;
    const peakRssBytes = process.resourceUsage().maxRSS * 1024;
    (globalThis as { gc?: () => void }).gc?.();
    const liveHeapBytes = process.memoryUsage().heapUsed;
    return {
      wallMs,
      records,
      distinctIds,
      rssBeforeBytes,
      peakRssBytes,
      liveHeapBytes,
      // Read after the GC, so the result is still alive when the live heap is measured.
      keptItems: kept.length,
    } satisfies ListingRun;
  },
  close: () => undefined,
});
