import type { UpdateOptions } from '../../cdf/client/update/update-runner';
import type { UpdateReport } from '../../cdf/client/update/update-report';
import type {
  FileFilter,
  FileIdentifier,
  FileListRequest,
  FileRecord,
  FileSearchRequest,
  FileUpdateItem,
} from '../../cdf/model';

/** What a bulk job needs from CDF: stream targets, read them fresh, send many updates. */
export interface BulkApi {
  listFiles(request: FileListRequest, signal?: AbortSignal): Promise<{ items: FileRecord[]; nextCursor?: string }>;
  /**
   * Every file matching `filter`, a page at a time, read from several partitions in parallel (the
   * order across pages is not defined). Holds a few pages, never the whole set. Optional: without
   * it, a filter is read through one cursor.
   */
  listPartitioned?(filter: FileFilter, signal?: AbortSignal): AsyncIterable<FileRecord[]>;
  /** `files/search`: one answer, at most `LIMITS.searchLimitMax` files, no cursor. */
  searchFiles(request: FileSearchRequest, signal?: AbortSignal): Promise<FileRecord[]>;
  /** Unknown ids are left out of the answer (`ignoreUnknownIds`). */
  retrieveExisting(refs: FileIdentifier[], signal?: AbortSignal): Promise<FileRecord[]>;
  /** Chunked, throttling-aware, cancellable; reports every item. */
  updateMany(items: FileUpdateItem[], options: UpdateOptions): Promise<UpdateReport>;
}

/** Which files a bulk action is about. */
export type BulkTarget =
  /** The tree's selection: read again before planning, the tree may be stale. */
  | { kind: 'ids'; label: string; refs: FileIdentifier[] }
  /** Every file matching a filter, streamed through the cursor. */
  | { kind: 'filter'; label: string; filter: FileFilter };
