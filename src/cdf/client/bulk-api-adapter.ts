/** The bulk job's port ({@link BulkApi}) served by the CDF client: chunked, throttling-aware updates. */
import type { BulkApi } from '../../core/bulk-job/bulk-api';
import { LIMITS } from '../model';
import type { CdfClient } from './cdf-client';

/** Partitions a filter-wide read uses: CDF's most, so a large target streams at the read budget. */
const PARTITIONS = LIMITS.partitionsMax;

export function bulkApiOf(client: CdfClient): BulkApi {
  return {
    listFiles: async (request, signal) => {
      const page = await client.listFilesPage(request, { signal });
      return page.nextCursor ? { items: [...page.items], nextCursor: page.nextCursor } : { items: [...page.items] };
    },
    listPartitioned: async function* (filter, signal) {
      for await (const page of client.listFilesPartitioned(filter, PARTITIONS, { signal })) yield [...page.items];
    },
    searchFiles: (request, signal) => client.searchFiles(request, { signal }),
    retrieveExisting: (refs, signal) => client.retrieveFiles(refs, { ignoreUnknownIds: true, signal }),
    updateMany: (items, options) => client.updateFiles(items, options),
  };
}
