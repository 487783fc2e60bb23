/**
 * The one port core needs from a CDF project: what the save, the bulk jobs, the tree and the editor's
 * look-ups ask of the API, declared here (by core) so core depends on no client. src/app serves it
 * with the CDF client; anything else (a second record kind's API) serves it the same way.
 */
import type {
  FileAggregateRequest,
  FileFilter,
  FileIdentifier,
  FileListRequest,
  FileRecord,
  FileSearchRequest,
  FileUpdateItem,
  UpdateOptions,
  UpdateReport,
} from '../../cdf/model';

/** One page of a listing; `nextCursor` is absent on the last page. */
export interface RecordPage {
  items: FileRecord[];
  nextCursor?: string;
}

export interface FilesApi {
  // ---- reading ----
  /** In request order; throws the API's error (status 400 with `missing`) for an unknown id. */
  retrieveFiles(ids: number[], signal?: AbortSignal): Promise<FileRecord[]>;
  /** Unknown ids are left out of the answer (`ignoreUnknownIds`). */
  retrieveExisting(refs: FileIdentifier[], signal?: AbortSignal): Promise<FileRecord[]>;
  listFiles(request: FileListRequest, signal?: AbortSignal): Promise<RecordPage>;
  /**
   * Every file matching `filter`, a page at a time, read from several partitions in parallel (the
   * order across pages is not defined). Holds a few pages, never the whole set. Optional: without
   * it, a filter is read through one cursor.
   */
  listPartitioned?(filter: FileFilter, signal?: AbortSignal): AsyncIterable<FileRecord[]>;
  /** `files/search`: one answer, at most `LIMITS.searchLimitMax` files, no cursor. */
  searchFiles(request: FileSearchRequest, signal?: AbortSignal): Promise<FileRecord[]>;
  countFiles(request: FileAggregateRequest, signal?: AbortSignal): Promise<number>;

  // ---- writing ----
  /**
   * One request of at most 1000 items, all or nothing, as the API does it. Throws the API's error for
   * a refusal (nothing applied), and OutcomeUnknownError (./errors.ts) when the request got no definite answer.
   */
  updateFiles(items: FileUpdateItem[], signal?: AbortSignal): Promise<FileRecord[]>;
  /** Any number of items: chunked, throttling-aware, cancellable; reports every item. */
  updateMany(items: FileUpdateItem[], options: UpdateOptions): Promise<UpdateReport>;

  // ---- look-ups the editor completes from ----
  listDataSets(signal?: AbortSignal): Promise<DataSetSummary[]>;
  listLabels(signal?: AbortSignal): Promise<LabelSummary[]>;
  searchAssets(query: string, limit: number, signal?: AbortSignal): Promise<AssetSummary[]>;
  /** The assets that exist among `ids` (unknown ids are left out, not an error). */
  retrieveAssets(ids: number[], signal?: AbortSignal): Promise<AssetSummary[]>;
}

export interface DataSetSummary {
  id: number;
  externalId?: string;
  name?: string;
  description?: string;
}
export interface LabelSummary {
  externalId: string;
  name: string;
  description?: string;
}
export interface AssetSummary {
  id: number;
  externalId?: string;
  name: string;
  description?: string;
}
