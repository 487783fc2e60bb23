import type { FileFilter, FileRecord } from '../../cdf/model';
import type { FilesApi } from '../../core/ports';

/** Cursor paging of one list request; the tree keeps one per expanded parent. */
export class Pager {
  readonly records: FileRecord[] = [];
  private cursor: string | undefined;
  private started = false;
  private loading: Promise<void> | undefined;

  constructor(
    private readonly api: FilesApi,
    readonly filter: FileFilter,
    private readonly pageSize: number,
  ) {}

  get hasMore(): boolean {
    return !this.started || this.cursor !== undefined;
  }

  /** Loads the next page (at most one request at a time: double clicks on "Load more" do not double-fetch). */
  next(): Promise<void> {
    this.loading ??= this.fetchPage().finally(() => (this.loading = undefined));
    return this.loading;
  }

  private async fetchPage(): Promise<void> {
    if (this.started && this.cursor === undefined) return;
    const hasFilter = Object.keys(this.filter).length > 0;
    const page = await this.api.listFiles({
      ...(hasFilter ? { filter: this.filter } : {}),
      limit: this.pageSize,
      ...(this.cursor ? { cursor: this.cursor } : {}),
    });
    this.started = true;
    this.records.push(...page.items);
    this.cursor = page.nextCursor;
  }
}
