/**
 * Core's port ({@link FilesApi}) served by the CDF client: the save, the bulk jobs, the tree and
 * completion get retries, throttling and typed errors without knowing about them. The one place
 * where core and the client meet.
 */
import { CdfApiError, CdfNetworkError, isAbortError, type CdfClient, type Asset } from '../cdf/client';
import { LIMITS } from '../cdf/model';
import {
  OutcomeUnknownError,
  type AssetSummary,
  type DataSetSummary,
  type FilesApi,
  type LabelSummary,
} from '../core/ports';

/** Completion lists stop here; a project with more data sets or labels than this is rare. */
const LOOKUP_LIMIT = 10_000;
/** Partitions a filter-wide read uses: CDF's most, so a large target streams at the read budget. */
const PARTITIONS = LIMITS.partitionsMax;

export function filesApiOf(client: CdfClient): FilesApi {
  return {
    retrieveFiles: (ids, signal) =>
      client.retrieveFiles(
        ids.map((id) => ({ id })),
        { signal },
      ),
    retrieveExisting: (refs, signal) => client.retrieveFiles(refs, { ignoreUnknownIds: true, signal }),
    listFiles: async (request, signal) => {
      const page = await client.listFilesPage(request, { signal });
      return page.nextCursor ? { items: [...page.items], nextCursor: page.nextCursor } : { items: [...page.items] };
    },
    listPartitioned: async function* (filter, signal) {
      for await (const page of client.listFilesPartitioned(filter, PARTITIONS, { signal })) yield [...page.items];
    },
    searchFiles: (request, signal) => client.searchFiles(request, { signal }),
    countFiles: (request, signal) => client.aggregateFiles(request.filter, { signal }),
    updateFiles: (items, signal) => answered(client.updateFilesOnce(items, { signal })),
    updateMany: (items, options) => client.updateFiles(items, options),
    listDataSets: async (signal) =>
      collect(client.listDataSets({ limit: LIMITS.itemsPerRequest }, { signal }), (d): DataSetSummary =>
        pick(d, ['id', 'externalId', 'name', 'description']),
      ),
    listLabels: async (signal) =>
      collect(client.listLabels({ limit: LIMITS.itemsPerRequest }, { signal }), (l): LabelSummary =>
        pick(l, ['externalId', 'name', 'description']),
      ),
    searchAssets: async (query, limit, signal) => {
      // CDF refuses an empty search query: before anything is typed, offer the first assets.
      const request = query.trim() ? { search: { query }, limit } : { limit };
      const assets = await client.searchAssets(request, { signal });
      return assets.map(assetSummary);
    },
    retrieveAssets: async (ids, signal) => {
      const assets = await client.retrieveAssets(
        ids.map((id) => ({ id })),
        { signal, ignoreUnknownIds: true },
      );
      return assets.map(assetSummary);
    },
  };
}

/**
 * A write that got no definite answer (no answer, a 5xx after the retries, cancelled in flight) may
 * have been applied: the port says so by type, so nobody reads it as "not saved".
 */
export async function answered<T>(write: Promise<T>): Promise<T> {
  try {
    return await write;
  } catch (err) {
    const noAnswer =
      err instanceof CdfNetworkError || isAbortError(err) || (err instanceof CdfApiError && err.status >= 500);
    if (noAnswer) throw new OutcomeUnknownError(err instanceof Error ? err.message : String(err), err);
    throw err;
  }
}

/** Every item of the pages, up to {@link LOOKUP_LIMIT}. */
async function collect<T, S>(pages: AsyncIterable<{ items: readonly T[] }>, summary: (item: T) => S): Promise<S[]> {
  const all: S[] = [];
  for await (const page of pages) {
    for (const item of page.items) all.push(summary(item));
    if (all.length >= LOOKUP_LIMIT) break;
  }
  return all;
}

function assetSummary(asset: Asset): AssetSummary {
  return pick(asset, ['id', 'externalId', 'name', 'description']);
}

/** Copies the named keys that are present (so optional fields stay absent rather than undefined). */
function pick<T extends object, K extends keyof T>(source: T, keys: readonly K[]): Pick<T, K> {
  const out = {} as Pick<T, K>;
  for (const k of keys) if (source[k] !== undefined) out[k] = source[k];
  return out;
}
