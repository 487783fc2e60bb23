/**
 * The CDF Files API as the extension uses it. Every method takes an `AbortSignal`, validates what
 * it sends and what comes back with the zod models, splits big requests into the API's chunk
 * sizes, and fails with the typed errors of errors.ts.
 */
import * as z from 'zod/mini';
import {
  fileAggregateRequest,
  fileIdentifier,
  fileListRequest,
  fileRecord,
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
  type RetryableOutcome,
  type UpdateOptions,
  type UpdateReport,
} from '../model';
import type { TokenProvider } from '../auth/token-provider';
import { redactingLogger, SecretRedactor, silentLogger, type Logger } from '../logging';
import { projectApiUrl, validateBaseUrl } from './base-url';
import { chunk, mapWithConcurrency } from './chunk';
import { CdfInvalidRequestError } from './errors';
import {
  aggregateCount,
  asset,
  dataSet,
  downloadLink,
  emptyObject,
  fileList,
  filePage,
  itemList,
  labelDefinition,
  page,
  type Asset,
  type DataSet,
  type DownloadLink,
  type LabelDefinition,
} from './lookup-models';
import { mergeAsyncIterables } from './merge-iterators';
import { retryPolicy, type RetryPolicy } from './retry-policy';
import { CdfTransport } from './transport';
import { runUpdate } from './update/update-runner';
import { itemsToRetry, mergeRetryReport } from './update/update-report';

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
  /** Parallel requests for chunked reads (byids, downloadlink). */
  readonly readConcurrency?: number;
}

export interface CallOptions {
  readonly signal?: AbortSignal;
}

export interface Page<T> {
  readonly items: readonly T[];
  readonly nextCursor: string | undefined;
}

/** A page from a partitioned scan, with the partition ("M/N") it came from. */
export interface PartitionPage<T> extends Page<T> {
  readonly partition: string;
}

export interface LookupListRequest<F> {
  readonly filter?: F;
  readonly limit?: number;
  readonly cursor?: string;
}

export interface AssetSearchRequest {
  readonly search?: { readonly query?: string; readonly name?: string; readonly description?: string };
  readonly filter?: Record<string, unknown>;
  readonly limit?: number;
}

export class CdfClient {
  readonly baseUrl: URL;
  readonly project: string;
  private readonly transport: CdfTransport;
  private readonly logger: Logger;
  private readonly readConcurrency: number;

  constructor(options: CdfClientOptions) {
    this.baseUrl = validateBaseUrl(options.baseUrl);
    this.project = options.project;
    const redactor = new SecretRedactor();
    this.logger = redactingLogger(options.logger ?? silentLogger, redactor);
    this.readConcurrency = Math.max(1, options.readConcurrency ?? 4);
    const fetchImpl = options.fetch ?? globalThis.fetch.bind(globalThis);
    this.transport = new CdfTransport({
      baseUrl: this.baseUrl,
      projectUrl: projectApiUrl(this.baseUrl, options.project),
      tokenProvider: options.tokenProvider,
      fetch: fetchImpl,
      retry: retryPolicy(options.retry),
      logger: this.logger,
      redactor,
      appId: options.appId ?? 'cdf-files-vscode',
    });
  }

  // ---- Files: reading ----

  /** One page of `POST /files/list` (a tree's "Load more" keeps the cursor). */
  async listFilesPage(request: FileListRequest = {}, options: CallOptions = {}): Promise<Page<FileRecord>> {
    const { data } = await this.transport.request({
      method: 'POST',
      path: '/files/list',
      body: checked(fileListRequest, request, 'list request'),
      response: filePage,
      idempotent: true,
      signal: options.signal,
    });
    return { items: data.items, nextCursor: data.nextCursor ?? undefined };
  }

  /** Pages of `POST /files/list`, following cursors until the end (or the caller stops iterating). */
  async *listFiles(
    request: FileListRequest = {},
    options: CallOptions = {},
  ): AsyncGenerator<Page<FileRecord>, void, undefined> {
    let cursor = request.cursor;
    for (;;) {
      const page = await this.listFilesPage({ ...request, cursor }, options);
      yield page;
      if (!page.nextCursor || page.items.length === 0) return;
      cursor = page.nextCursor;
    }
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
    const pages = await mapWithConcurrency(chunk(ids, LIMITS.itemsPerRequest), this.readConcurrency, async (items) => {
      const { data } = await this.transport.request({
        method: 'POST',
        path: '/files/byids',
        body: { items, ignoreUnknownIds: options.ignoreUnknownIds ?? false },
        response: fileList,
        idempotent: true,
        signal: options.signal,
      });
      return data.items;
    });
    return pages.flat();
  }

  /** `GET /files/{id}`. */
  async getFile(id: number, options: CallOptions = {}): Promise<FileRecord> {
    checked(fileIdentifier, { id }, 'file id');
    const { data } = await this.transport.request({
      method: 'GET',
      path: `/files/${id}`,
      response: fileRecord,
      idempotent: true,
      signal: options.signal,
    });
    return data;
  }

  /** `POST /files/search`: the best matches by relevance, up to `limit` (max 1000), no paging. */
  async searchFiles(request: FileSearchRequest, options: CallOptions = {}): Promise<FileRecord[]> {
    const { data } = await this.transport.request({
      method: 'POST',
      path: '/files/search',
      body: checked(fileSearchRequest, request, 'search request'),
      response: fileList,
      idempotent: true,
      signal: options.signal,
    });
    return data.items;
  }

  /** `POST /files/aggregate`: how many files match. */
  async aggregateFiles(filter: FileFilter | undefined, options: CallOptions = {}): Promise<number> {
    const { data } = await this.transport.request({
      method: 'POST',
      path: '/files/aggregate',
      body: checked(fileAggregateRequest, filter ? { filter } : {}, 'aggregate request'),
      response: aggregateCount,
      idempotent: true,
      signal: options.signal,
    });
    return data.items[0]?.count ?? 0;
  }

  /** `POST /files/downloadlink` in chunks of 100 (the API's limit, which the JS SDK misses). */
  async downloadLinks(
    ids: readonly FileIdentifier[],
    options: CallOptions & { extendedExpiration?: boolean } = {},
  ): Promise<DownloadLink[]> {
    checkedAll(fileIdentifier, ids, 'file identifier');
    const pages = await mapWithConcurrency(
      chunk(ids, LIMITS.downloadLinksPerRequest),
      this.readConcurrency,
      async (items) => {
        const { data } = await this.transport.request({
          method: 'POST',
          path: '/files/downloadlink',
          query: { extendedExpiration: options.extendedExpiration },
          body: { items },
          response: itemList(downloadLink),
          idempotent: true,
          signal: options.signal,
        });
        return data.items;
      },
    );
    return pages.flat();
  }

  /**
   * Fetches a download URL. The CDF token goes along only when the URL is on the CDF origin;
   * storage links elsewhere are pre-signed and never see it.
   */
  fetchDownload(url: string, options: CallOptions = {}): Promise<Response> {
    return this.transport.fetchLink(url, options.signal);
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
    const { data } = await this.transport.request({
      method: 'POST',
      path: '/files/update',
      body,
      response: fileList,
      idempotent: true,
      signal: options.signal,
    });
    return data.items;
  }

  /**
   * Sends again the items of `report` that may succeed now (by default `unknown`, `notSent` and
   * failures for `other` reasons) and returns the original report with their new outcomes.
   */
  async retryUpdate(
    report: UpdateReport,
    options: UpdateOptions & { include?: readonly RetryableOutcome[] } = {},
  ): Promise<UpdateReport> {
    const { items, originalIndexes } = itemsToRetry(report, options.include);
    if (items.length === 0) return report;
    const retry = await this.updateFiles(items, options);
    return mergeRetryReport(report, retry, originalIndexes);
  }

  /**
   * `POST /files/delete` in chunks of 1000, one at a time. Delete is not repeated after a 5xx or a
   * dropped connection (a repeat of an applied delete fails with `missing` unless unknown ids are
   * ignored), only after throttling. Throws {@link CdfPartialDeleteError} naming what was deleted.
   */
  async deleteFiles(
    ids: readonly FileIdentifier[],
    options: CallOptions & { ignoreUnknownIds?: boolean } = {},
  ): Promise<void> {
    checkedAll(fileIdentifier, ids, 'file identifier');
    const chunks = chunk(ids, LIMITS.itemsPerRequest);
    for (let k = 0; k < chunks.length; k++) {
      try {
        await this.transport.request({
          method: 'POST',
          path: '/files/delete',
          body: { items: chunks[k], ignoreUnknownIds: options.ignoreUnknownIds ?? false },
          response: emptyObject,
          idempotent: options.ignoreUnknownIds ?? false,
          signal: options.signal,
        });
      } catch (error) {
        if (k === 0) throw error;
        throw new CdfPartialDeleteError(chunks.slice(0, k).flat(), chunks.slice(k).flat(), error);
      }
    }
  }

  // ---- Look-ups for completion ----

  /** Pages of `POST /datasets/list`. */
  listDataSets(
    request: LookupListRequest<Record<string, unknown>> = {},
    options: CallOptions = {},
  ): AsyncGenerator<Page<DataSet>, void, undefined> {
    return this.pages('/datasets/list', page(dataSet), request, options);
  }

  /** Pages of `POST /labels/list` (label definitions). */
  listLabels(
    request: LookupListRequest<{ name?: string; externalIdPrefix?: string; dataSetIds?: IdEither[] }> = {},
    options: CallOptions = {},
  ): AsyncGenerator<Page<LabelDefinition>, void, undefined> {
    return this.pages('/labels/list', page(labelDefinition), request, options);
  }

  /** `POST /assets/search`. */
  async searchAssets(request: AssetSearchRequest, options: CallOptions = {}): Promise<Asset[]> {
    const { data } = await this.transport.request({
      method: 'POST',
      path: '/assets/search',
      body: { ...request, limit: request.limit ?? 25 },
      response: itemList(asset),
      idempotent: true,
      signal: options.signal,
    });
    return data.items;
  }

  /** `POST /assets/byids` in chunks of 1000. */
  async retrieveAssets(
    ids: readonly IdEither[],
    options: CallOptions & { ignoreUnknownIds?: boolean } = {},
  ): Promise<Asset[]> {
    const pages = await mapWithConcurrency(chunk(ids, LIMITS.itemsPerRequest), this.readConcurrency, async (items) => {
      const { data } = await this.transport.request({
        method: 'POST',
        path: '/assets/byids',
        body: { items, ignoreUnknownIds: options.ignoreUnknownIds ?? false },
        response: itemList(asset),
        idempotent: true,
        signal: options.signal,
      });
      return data.items;
    });
    return pages.flat();
  }

  private async *pages<T>(
    path: string,
    schema: z.ZodMiniType<{ items: T[]; nextCursor?: string | null }>,
    request: LookupListRequest<unknown>,
    options: CallOptions,
  ): AsyncGenerator<Page<T>, void, undefined> {
    let body: Record<string, unknown> = { ...request };
    for (;;) {
      const { data } = await this.transport.request({
        method: 'POST',
        path,
        body,
        response: schema,
        idempotent: true,
        signal: options.signal,
      });
      const nextCursor = data.nextCursor ?? undefined;
      yield { items: data.items, nextCursor };
      if (!nextCursor || data.items.length === 0) return;
      body = { ...body, cursor: nextCursor };
    }
  }
}

/** A chunked delete stopped part-way: `deleted` are gone, `notDeleted` may or may not be (see `cause`). */
export class CdfPartialDeleteError extends Error {
  override readonly name = 'CdfPartialDeleteError';
  constructor(
    readonly deleted: readonly FileIdentifier[],
    readonly notDeleted: readonly FileIdentifier[],
    cause: unknown,
  ) {
    super(
      `Deleted ${deleted.length} files, then a request failed; ${notDeleted.length} were not confirmed deleted: ${cause instanceof Error ? cause.message : String(cause)}`,
      { cause },
    );
  }
}

async function* withPartition<T>(pages: AsyncIterable<Page<T>>, partition: string): AsyncGenerator<PartitionPage<T>> {
  for await (const p of pages) yield { ...p, partition };
}

function checked<T>(schema: z.ZodMiniType<T>, value: unknown, what: string): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw new CdfInvalidRequestError(`Invalid ${what}: ${z.prettifyError(parsed.error)}`);
}

function checkedAll<T>(schema: z.ZodMiniType<T>, values: readonly unknown[], what: string): void {
  values.forEach((v, i) => checked(schema, v, `${what} at position ${i}`));
}
