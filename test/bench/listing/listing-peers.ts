/**
 * The ways of reading every record of a project. Each keeps every record in memory, as
 * `autoPagingToArray` must, so peak memory compares the same work; `ours-partitioned-streaming` is
 * the product's CSV export of a filter, run through the product's own code: the export command calls
 * core's `exportTarget` over `filesApiOf(client)` (which lists from partitions) with a write that
 * streams to a file, as here (to the null device).
 */
import { createWriteStream } from 'node:fs';
import { devNull } from 'node:os';
import { filesApiOf } from '../../../src/app/files-api-adapter';
import { exportTarget, type BulkTarget } from '../../../src/core/bulk';
import type { FilesApi } from '../../../src/core/ports';
import { ourClient, sdkClient, type Endpoint } from '../support/clients';
import { classicBulkSource } from '../../../src/app';

export type ListingPeerName =
  'ours-partitioned' | 'ours-single-cursor' | 'sdk-auto-paging' | 'ours-partitioned-streaming';

export const LISTING_PEER_LABELS: Record<ListingPeerName, string> = {
  'ours-partitioned': 'CdfClient.listFilesPartitioned, 10 partitions (ours)',
  'ours-single-cursor': 'CdfClient.listFiles, one cursor (ours)',
  'sdk-auto-paging': '@cognite/sdk files.list().autoPagingToArray()',
  'ours-partitioned-streaming':
    'CSV export of a filter as the product runs it (keys pass, then rows; partitioned, pages not kept)',
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
    const ids: number[] = [];
    const api = watchingRows(filesApiOf(ourClient(endpoint)), ids);
    const target: BulkTarget = { kind: 'filter', label: 'every file', filter: {} };
    const out = createWriteStream(devNull);
    const write = (text: string) =>
      new Promise<void>((resolve, reject) => out.write(text, (e) => (e ? reject(e) : resolve())));
    let records: number;
    try {
      records = await exportTarget(classicBulkSource(api), target, 'csv', write);
    } finally {
      await new Promise<void>((resolve) => out.end(resolve));
    }
    return { records, distinctIds: distinct(ids), kept: ids };
  },
};

/**
 * The product's files API as it is, noting the ids of the pages of the export's second listing (the
 * one that writes the rows; the first reads the metadata keys), to check completeness. Ids only
 * (8 bytes each): the records themselves are not kept.
 */
function watchingRows(api: FilesApi, ids: number[]): FilesApi {
  const list = api.listPartitioned?.bind(api);
  if (!list) throw new Error('the product lists a filter from partitions; this API does not');
  let listings = 0;
  return {
    ...api,
    listPartitioned: async function* (filter, signal) {
      const rows = ++listings === 2;
      for await (const page of list(filter, signal)) {
        if (rows) for (const r of page) ids.push(r.id);
        yield page;
      }
    },
  };
}
