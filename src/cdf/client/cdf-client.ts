/**
 * The CDF Files API as the extension uses it. Every method takes an `AbortSignal`, validates what
 * it sends and what comes back with the zod models, splits big requests into the API's chunk
 * sizes, and fails with the typed errors of errors.ts. The look-ups are in lookup-requests.ts.
 */
import {
  fileAggregateRequest,
  fileIdentifier,
  fileListRequest,
  fileSearchRequest,
  fileUpdateRequest,
  LIMITS,
  type FileFilter,
  type FileIdentifier,
  type FileListRequest,
  type FileRecord,
  type FileSearchRequest,
  type FileUpdateItem,
  type IdEither,
  type UpdateOptions,
  type UpdateReport,
} from '../model';
import type { TokenProvider } from '../auth';
import { redactingLogger, SecretRedactor, silentLogger, type Logger } from '../logging';
import { ApiRequests, checked, checkedAll, type CallOptions, type Page } from './api-requests';
import { projectApiUrl, validateBaseUrl } from './base-url';
import { DataModelingRequests } from './dms-requests';
import { CdfInvalidRequestError } from './errors';
import { aggregateCount, fileList, filePage, type Asset, type DataSet, type LabelDefinition } from './lookup-models';
import * as lookups from './lookup-requests';
import { mergeAsyncIterables } from './merge-iterators';
import { retryPolicy, type RetryPolicy } from './retry-policy';
import { CdfTransport } from './transport';
import { runUpdate } from './update/update-runner';

export type { CallOptions, Page } from './api-requests';
export type { AssetSearchRequest, LookupListRequest } from './lookup-requests';

export interface CdfClientOptions {
  /** The cluster URL, e.g. `https://westeurope-1.cognitedata.com` (https, or http on loopback). */
  readonly baseUrl: string;
  readonly project: string;
  readonly tokenProvider: TokenProvider;
  /** Gets redacted lines only. */
  readonly logger?: Logger;
  readonly fetch?: typeof fetch;
  readonly retry?: Partial<RetryPolicy>;
  /** Sent as `x-cdp-app`, so CDF admins can tell our traffic apart. */
  readonly appId?: string;
  /** Parallel requests for chunked reads (byids). */
  readonly readConcurrency?: number;
}

/** A page from a partitioned scan, with the partition ("M/N") it came from. */
export interface PartitionPage<T> extends Page<T> {
  readonly partition: string;
}

export class CdfClient {
  readonly baseUrl: URL;
  readonly project: string;
  protected readonly transport: CdfTransport;
  protected readonly requests: ApiRequests;
  /** Data modeling: CogniteFile nodes, statistics and spaces (dms-requests.ts). */
  readonly models: DataModelingRequests;
  private readonly logger: Logger;

  constructor(options: CdfClientOptions) {
    this.baseUrl = validateBaseUrl(options.baseUrl);
    this.project = options.project;
    const redactor = new SecretRedactor();
    this.logger = redactingLogger(options.logger ?? silentLogger, redactor);
    this.transport = new CdfTransport({
      baseUrl: this.baseUrl,
      projectUrl: projectApiUrl(this.baseUrl, options.project),
      tokenProvider: options.tokenProvider,
      fetch: options.fetch ?? globalThis.fetch.bind(globalThis),
      retry: retryPolicy(options.retry),
      logger: this.logger,
      redactor,
      appId: options.appId ?? 'cdf-files-vscode',
    });
    this.requests = new ApiRequests(this.transport, Math.max(1, options.readConcurrency ?? 4));
    this.models = new DataModelingRequests(this.requests);
  }

  // ---- Files: reading ----

  /** One page of `POST /files/list` (a tree's "Load more" keeps the cursor). */
  async listFilesPage(request: FileListRequest = {}, options: CallOptions = {}): Promise<Page<FileRecord>> {
    const body = checked(fileListRequest, request, 'list request');
    const data = await this.requests.call({ path: '/files/list', body, response: filePage, signal: options.signal });
    return { items: data.items, nextCursor: data.nextCursor ?? undefined };
  }

  /** Pages of `POST /files/list`, following cursors until the end (or the caller stops iterating). */
  async *listFiles(
    request: FileListRequest = {},
    options: CallOptions = {},
  ): AsyncGenerator<Page<FileRecord>, void, undefined> {
    // Checked on the first page asked for, as every request is: a bad request rejects, it does not throw.
    const body = checked(fileListRequest, request, 'list request');
    yield* this.requests.pages('/files/list', filePage, body, options);
  }

  /**
   * A full scan split into `partitions` (1..10) parallel cursors (`partition: "M/N"`), pages
   * yielded as they arrive. Stopping early aborts the other partitions' requests.
   */
  listFilesPartitioned(
    filter: FileFilter | undefined,
    partitions: number,
    options: CallOptions & { limit?: number } = {},
  ): AsyncGenerator<PartitionPage<FileRecord>, void, undefined> {
    if (!Number.isInteger(partitions) || partitions < 1 || partitions > LIMITS.partitionsMax) {
      throw new CdfInvalidRequestError(
        `partitions must be a whole number from 1 to ${LIMITS.partitionsMax}, got ${partitions}`,
      );
    }
    const stop = new AbortController();
    const signal = options.signal ? AbortSignal.any([options.signal, stop.signal]) : stop.signal;
    const sources = Array.from({ length: partitions }, (_, i) => {
      const partition = `${i + 1}/${partitions}`;
      const pages = this.listFiles({ filter, limit: options.limit ?? LIMITS.itemsPerRequest, partition }, { signal });
      return withPartition(pages, partition);
    });
    return mergeAsyncIterables(sources, () => stop.abort());
  }

  /** `POST /files/byids` in chunks of 1000; records come back in the order asked. */
  async retrieveFiles(
    ids: readonly FileIdentifier[],
    options: CallOptions & { ignoreUnknownIds?: boolean } = {},
  ): Promise<FileRecord[]> {
    checkedAll(fileIdentifier, ids, 'file identifier');
    const ignoreUnknownIds = options.ignoreUnknownIds ?? false;
    return await this.requests.chunked(ids, LIMITS.itemsPerRequest, async (items) => {
      const body = { items, ignoreUnknownIds };
      return (await this.requests.call({ path: '/files/byids', body, response: fileList, signal: options.signal }))
        .items;
    });
  }

  /** `POST /files/search`: the best matches by relevance, up to `limit` (max 1000), no paging. */
  async searchFiles(request: FileSearchRequest, options: CallOptions = {}): Promise<FileRecord[]> {
    const body = checked(fileSearchRequest, request, 'search request');
    return (await this.requests.call({ path: '/files/search', body, response: fileList, signal: options.signal }))
      .items;
  }

  /** `POST /files/aggregate`: how many files match. */
  async aggregateFiles(filter: FileFilter | undefined, options: CallOptions = {}): Promise<number> {
    const body = checked(fileAggregateRequest, filter ? { filter } : {}, 'aggregate request');
    const data = await this.requests.call({
      path: '/files/aggregate',
      body,
      response: aggregateCount,
      signal: options.signal,
    });
    return data.items[0]?.count ?? 0;
  }

  // ---- Files: writing ----

  /**
   * `POST /files/update` for any number of items: chunked at 1000, concurrency adapting to
   * throttling, an outcome per item. Resolves with the report, also when cancelled; it throws only
   * for programming errors.
   */
  updateFiles(items: readonly FileUpdateItem[], options: UpdateOptions = {}): Promise<UpdateReport> {
    return runUpdate(this.transport, this.logger, items, options);
  }

  /**
   * One `POST /files/update` of at most 1000 items, all or nothing as CDF does it: the save of one
   * document. Retried where safe; fails with {@link CdfApiError} (with `missing` / `duplicated`).
   */
  async updateFilesOnce(items: readonly FileUpdateItem[], options: CallOptions = {}): Promise<FileRecord[]> {
    const body = checked(fileUpdateRequest, { items }, 'update');
    return (await this.requests.call({ path: '/files/update', body, response: fileList, signal: options.signal }))
      .items;
  }

  // ---- Look-ups for completion (lookup-requests.ts) ----

  listDataSets(
    request: lookups.LookupListRequest<Record<string, unknown>> = {},
    options: CallOptions = {},
  ): AsyncGenerator<Page<DataSet>, void, undefined> {
    return lookups.listDataSets(this.requests, request, options);
  }

  listLabels(
    request: lookups.LookupListRequest<lookups.LabelFilter> = {},
    options: CallOptions = {},
  ): AsyncGenerator<Page<LabelDefinition>, void, undefined> {
    return lookups.listLabels(this.requests, request, options);
  }

  searchAssets(request: lookups.AssetSearchRequest, options: CallOptions = {}): Promise<Asset[]> {
    return lookups.searchAssets(this.requests, request, options);
  }

  retrieveAssets(
    ids: readonly IdEither[],
    options: CallOptions & { ignoreUnknownIds?: boolean } = {},
  ): Promise<Asset[]> {
    return lookups.retrieveAssets(this.requests, ids, options);
  }
}

async function* withPartition<T>(pages: AsyncIterable<Page<T>>, partition: string): AsyncGenerator<PartitionPage<T>> {
  for await (const p of pages) yield { ...p, partition };
}
