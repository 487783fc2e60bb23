/**
 * The ways of reading every record of a project. Each keeps every record in memory, as
 * `autoPagingToArray` must, so peak memory compares the same work; `ours-partitioned-streaming` is
 * what an export does instead (pages handled and dropped).
 */
import { ourClient, sdkClient, type Endpoint } from '../support/clients';

export type ListingPeerName =
  'ours-partitioned' | 'ours-single-cursor' | 'sdk-auto-paging' | 'ours-partitioned-streaming';

export const LISTING_PEER_LABELS: Record<ListingPeerName, string> = {
  'ours-partitioned': 'CdfClient.listFilesPartitioned, 10 partitions (ours)',
  'ours-single-cursor': 'CdfClient.listFiles, one cursor (ours)',
  'sdk-auto-paging': '@cognite/sdk files.list().autoPagingToArray()',
  'ours-partitioned-streaming': 'CdfClient.listFilesPartitioned, 10 partitions, pages not kept (export)',
};

export const PARTITIONS = 10;
const PAGE = 1000;

export interface ListingOutcome {
  records: number;
  distinctIds: number;
  /** What the peer holds at the end (the records, or only their ids), so it stays alive until measured. */
  kept: readonly unknown[];
}

type Lister = (endpoint: Endpoint) => Promise<ListingOutcome>;

const distinct = (ids: Iterable<number>): number => new Set(ids).size;

export const LISTING_PEERS: Record<ListingPeerName, Lister> = {
  'ours-partitioned': async (endpoint) => {
    const all = [];
    for await (const page of ourClient(endpoint).listFilesPartitioned(undefined, PARTITIONS, { limit: PAGE })) {
      all.push(...page.items);
    }
    return { records: all.length, distinctIds: distinct(all.map((r) => r.id)), kept: all };
  },
  'ours-single-cursor': async (endpoint) => {
    const all = [];
    for await (const page of ourClient(endpoint).listFiles({ limit: PAGE })) all.push(...page.items);
    return { records: all.length, distinctIds: distinct(all.map((r) => r.id)), kept: all };
  },
  'sdk-auto-paging': async (endpoint) => {
    const sdk = await sdkClient(endpoint);
    const all = await sdk.files.list({ limit: PAGE }).autoPagingToArray({ limit: Infinity });
    return { records: all.length, distinctIds: distinct(all.map((r) => r.id)), kept: all };
  },
  'ours-partitioned-streaming': async (endpoint) => {
    // Ids only (8 bytes each), to check completeness without keeping the records.
    const ids: number[] = [];
    for await (const page of ourClient(endpoint).listFilesPartitioned(undefined, PARTITIONS, { limit: PAGE })) {
      for (const r of page.items) ids.push(r.id);
    }
    return { records: ids.length, distinctIds: distinct(ids), kept: ids };
  },
};
