/** The bulk job's port ({@link BulkApi}) served by the CDF client: chunked, throttling-aware updates. */
import type { BulkApi } from '../../core/bulk-job/bulk-api';
import type { CdfClient } from './cdf-client';

export function bulkApiOf(client: CdfClient): BulkApi {
  return {
    listFiles: async (request, signal) => {
      const page = await client.listFilesPage(request, { signal });
      return page.nextCursor ? { items: [...page.items], nextCursor: page.nextCursor } : { items: [...page.items] };
    },
    searchFiles: (request, signal) => client.searchFiles(request, { signal }),
    retrieveExisting: (refs, signal) => client.retrieveFiles(refs, { ignoreUnknownIds: true, signal }),
    updateMany: (items, options) => client.updateFiles(items, options),
  };
}
