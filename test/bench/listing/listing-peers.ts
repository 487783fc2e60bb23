/**
 * The ways of reading every record of a project. Each keeps every record in memory, as
 * `autoPagingToArray` must, so peak memory compares the same work; `ours-partitioned-streaming` is
 * the product's CSV export of a filter, run through the product's own code (the export command's
 * core: `targetMetadataKeys`, then `targetPages` and `csvRows` page by page, over
 * `filesApiOf(client)`, which lists from partitions), writing to the null device.
 */
import { createWriteStream } from 'node:fs';
import { devNull } from 'node:os';
import { filesApiOf } from '../../../src/app/files-api-adapter';
import { csvColumns, csvHeader, csvRows } from '../../../src/core/bulk';
import { targetMetadataKeys, targetPages, type BulkTarget } from '../../../src/core/bulk';
import { ourClient, sdkClient, type Endpoint } from '../support/clients';
import { CLASSIC_FILE_BULK } from '../../../src/core/classic-file';
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
    const api = filesApiOf(ourClient(endpoint));
    const target: BulkTarget = { kind: 'filter', label: 'every file', filter: {} };
    const columns = csvColumns(CLASSIC_FILE_BULK, await targetMetadataKeys(classicBulkSource(api), target));
    const out = createWriteStream(devNull);
    const write = (text: string) =>
      new Promise<void>((resolve, reject) => out.write(text, (e) => (e ? reject(e) : resolve())));
    // Ids only (8 bytes each), to check completeness without keeping the records.
    const ids: number[] = [];
    try {
      await write(csvHeader(columns));
      for await (const page of targetPages(classicBulkSource(api), target)) {
        await write(csvRows(CLASSIC_FILE_BULK, page.records, columns).text);
        for (const r of page.records) ids.push(r.id);
      }
    } finally {
      await new Promise<void>((resolve) => out.end(resolve));
    }
    return { records: ids.length, distinctIds: distinct(ids), kept: ids };
  },
};
