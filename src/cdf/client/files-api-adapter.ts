/**
 * The editor's narrow port ({@link FilesApi}) served by the CDF client, so the tree, documents and
 * completion get retries, throttling and typed errors without knowing about them.
 */
import type { AssetSummary, DataSetSummary, FilesApi, LabelSummary } from '../files-api';
import type { CdfClient } from './cdf-client';

/** Completion lists stop here; a project with more data sets or labels than this is rare. */
const LOOKUP_LIMIT = 10_000;

export function filesApiOf(client: CdfClient): FilesApi {
  return {
    listFiles: async (request, signal) => {
      const page = await client.listFilesPage(request, { signal });
      return page.nextCursor ? { items: [...page.items], nextCursor: page.nextCursor } : { items: [...page.items] };
    },
    searchFiles: (request, signal) => client.searchFiles(request, { signal }),
    countFiles: (request, signal) => client.aggregateFiles(request.filter, { signal }),
    retrieveFiles: (ids, signal) =>
      client.retrieveFiles(
        ids.map((id) => ({ id })),
        { signal },
      ),
    updateFiles: (items, signal) => client.updateFilesOnce(items, { signal }),
    listDataSets: async (signal) => {
      const all: DataSetSummary[] = [];
      for await (const page of client.listDataSets({ limit: 1000 }, { signal })) {
        for (const d of page.items) all.push(pick(d, ['id', 'externalId', 'name', 'description']));
        if (all.length >= LOOKUP_LIMIT) break;
      }
      return all;
    },
    listLabels: async (signal) => {
      const all: LabelSummary[] = [];
      for await (const page of client.listLabels({ limit: 1000 }, { signal })) {
        for (const l of page.items) all.push(pick(l, ['externalId', 'name', 'description']));
        if (all.length >= LOOKUP_LIMIT) break;
      }
      return all;
    },
    searchAssets: async (query, limit, signal) => {
      const assets = await client.searchAssets({ search: { query }, limit }, { signal });
      return assets.map((a): AssetSummary => pick(a, ['id', 'externalId', 'name', 'description']));
    },
    retrieveAssets: async (ids, signal) => {
      const assets = await client.retrieveAssets(
        ids.map((id) => ({ id })),
        { signal, ignoreUnknownIds: true },
      );
      return assets.map((a): AssetSummary => pick(a, ['id', 'externalId', 'name', 'description']));
    },
  };
}

/** Copies the named keys that are present (so optional fields stay absent rather than undefined). */
function pick<T extends object, K extends keyof T>(source: T, keys: readonly K[]): Pick<T, K> {
  const out = {} as Pick<T, K>;
  for (const k of keys) if (source[k] !== undefined) out[k] = source[k];
  return out;
}
