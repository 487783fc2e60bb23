import type { NodesBrowseApi } from '../../app';
import type { CogniteFileNode } from '../../cdf/model';
import { toInstanceFilter, type NodeFilter } from '../../core/browse';

/** Cursor paging of one `instances/list` over CogniteFile nodes; the section keeps one per expanded group. */
export class NodePager {
  readonly nodes: CogniteFileNode[] = [];
  private cursor: string | undefined;
  private started = false;
  private loading: Promise<void> | undefined;

  constructor(
    private readonly api: NodesBrowseApi,
    readonly filter: NodeFilter,
    private readonly pageSize: number,
  ) {}

  get hasMore(): boolean {
    return !this.started || this.cursor !== undefined;
  }

  /** The next page; at most one request at a time. */
  next(): Promise<void> {
    this.loading ??= this.fetchPage().finally(() => (this.loading = undefined));
    return this.loading;
  }

  private async fetchPage(): Promise<void> {
    if (this.started && this.cursor === undefined) return;
    const page = await this.api.listFileNodes(toInstanceFilter(this.filter), this.pageSize, this.cursor);
    this.started = true;
    this.nodes.push(...page.items);
    this.cursor = page.nextCursor;
  }
}
