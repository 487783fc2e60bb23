/**
 * The product's CDF client plus what only tests and benchmarks call: a single GET, download links and
 * downloads (the token-origin checks), deletes, and a retry of a bulk report. Exported under the same
 * name, so a test that needs them changes only its import.
 */
import { CdfClient as ProductClient } from '../../../src/cdf/client/cdf-client';
import type { CallOptions } from '../../../src/cdf/client/api-requests';
import { downloadLink, emptyObject, itemList, type DownloadLink } from '../../../src/cdf/client/lookup-models';
import { itemsToRetry, mergeRetryReport, type RetryableOutcome } from './retry-report';
import {
  fileIdentifier,
  fileRecord,
  LIMITS,
  type FileIdentifier,
  type FileRecord,
  type UpdateOptions,
  type UpdateReport,
} from '../../../src/cdf/model';
import { chunk } from '../../../src/cdf/client/chunk';
import { checked, checkedAll } from '../../../src/cdf/client/api-requests';

export type { CdfClientOptions } from '../../../src/cdf/client/cdf-client';

export class CdfClient extends ProductClient {
  /** `GET /files/{id}`. */
  async getFile(id: number, options: CallOptions = {}): Promise<FileRecord> {
    checked(fileIdentifier, { id }, 'file id');
    return await this.requests.call({
      method: 'GET',
      path: `/files/${id}`,
      response: fileRecord,
      signal: options.signal,
    });
  }

  /** `POST /files/downloadlink` in chunks of 100 (the API's limit, which the JS SDK misses). */
  async downloadLinks(
    ids: readonly FileIdentifier[],
    options: CallOptions & { extendedExpiration?: boolean } = {},
  ): Promise<DownloadLink[]> {
    checkedAll(fileIdentifier, ids, 'file identifier');
    const query = { extendedExpiration: options.extendedExpiration };
    return await this.requests.chunked(ids, LIMITS.downloadLinksPerRequest, async (items) => {
      const response = itemList(downloadLink);
      return (
        await this.requests.call({
          path: '/files/downloadlink',
          query,
          body: { items },
          response,
          signal: options.signal,
        })
      ).items;
    });
  }

  /**
   * Fetches a download URL. The CDF token goes along only when the URL is on the CDF origin;
   * storage links elsewhere are pre-signed and never see it.
   */
  fetchDownload(url: string, options: CallOptions = {}): Promise<Response> {
    return this.transport.fetchLink(url, options.signal);
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
    const ignoreUnknownIds = options.ignoreUnknownIds ?? false;
    const chunks = chunk(ids, LIMITS.itemsPerRequest);
    for (let k = 0; k < chunks.length; k++) {
      const body = { items: chunks[k], ignoreUnknownIds };
      try {
        await this.requests.call({
          path: '/files/delete',
          body,
          response: emptyObject,
          idempotent: ignoreUnknownIds,
          signal: options.signal,
        });
      } catch (error) {
        if (k === 0) throw error;
        throw new CdfPartialDeleteError(chunks.slice(0, k).flat(), chunks.slice(k).flat(), error);
      }
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
