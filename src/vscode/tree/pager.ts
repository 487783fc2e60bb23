import type { FileFilter, FileRecord } from '../../cdf/model';
import type { FilesApi } from '../../core/ports';

/** One page of a cursor-paged list: its items, and the cursor of the next page when there is one. */
export interface CursorPage<T> {
  readonly items: readonly T[];
  readonly nextCursor?: string;
}

/**
 * Cursor paging of one list request; the tree keeps one per expanded parent. What is listed (classic
 * files, CogniteFile nodes) is the fetch function's business: it reads the page at a cursor.
 */
export class Pager<T, F> {
  readonly items: T[] = [];
  private cursor: string | undefined;
  private started = false;
  private loading: Promise<void> | undefined;

  constructor(
    readonly filter: F,
    private readonly fetchPage: (cursor: string | undefined) => Promise<CursorPage<T>>,
  ) {}

  get hasMore(): boolean {
    return !this.started || this.cursor !== undefined;
  }

  /** Loads the next page (at most one request at a time: double clicks on "Load more" do not double-fetch). */
  next(): Promise<void> {
    this.loading ??= this.load().finally(() => (this.loading = undefined));
    return this.loading;
  }

  private async load(): Promise<void> {
    if (!this.hasMore) return;
    const page = await this.fetchPage(this.cursor);
    this.started = true;
    this.items.push(...page.items);
    this.cursor = page.nextCursor;
  }
}

export type FilePager = Pager<FileRecord, FileFilter>;

/** The classic files `filter` keeps, `pageSize` a request. */
export function filePager(api: FilesApi, filter: FileFilter, pageSize: number): FilePager {
  const hasFilter = Object.keys(filter).length > 0;
  return new Pager(filter, (cursor) =>
    api.listFiles({ ...(hasFilter ? { filter } : {}), limit: pageSize, ...(cursor ? { cursor } : {}) }),
  );
}
