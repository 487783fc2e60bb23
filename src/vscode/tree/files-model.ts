import type { FilesApi } from '../../core/ports';
import type { FileFilter, FileRecord } from '../../cdf/model';
import { directoryLabel, directoryLevel, isUnder, describeFilter } from '../../core/browse';
import type { FileNode, GroupNode, Grouping, TreeNode } from './nodes';
import { Pager } from './pager';

export const ROOT = 'root';

/** What the model tells its view: a node (or, `undefined`, the whole tree) has new children or a new count. */
export interface ModelEvents {
  changed(node: TreeNode | undefined): void;
  /** Everything loaded was dropped (refresh, regroup, filter, another project). */
  reset(): void;
}

/**
 * The files view's state (grouping, filter, name search) and what it has loaded (pages, counts),
 * without any rendering: plain Node can run it. Each reset starts a new generation; an answer that
 * comes back for an older generation is dropped, so a count or a page of the old filter never shows
 * under the new one.
 */
export class FilesTreeModel {
  grouping: Grouping;
  filter: FileFilter = {};
  search: string | undefined;
  private generation = 0;
  private pagers = new Map<string, Pager>();
  private counts = new Map<string, number | 'loading'>();
  private nodes = new Map<string, TreeNode>();
  private searchResults: Promise<FileRecord[]> | undefined;

  constructor(
    /** The open project's API; `undefined` when none is open (the tree is empty). */
    private readonly api: () => FilesApi | undefined,
    private readonly events: ModelEvents,
    grouping: Grouping,
    private readonly pageSize: () => number = () => 200,
  ) {
    this.grouping = grouping;
  }

  /** For the view's description line. */
  get description(): string {
    return describeFilter(this.filter, this.search);
  }

  /** Drops everything loaded; answers still on their way belong to the old generation and are dropped. */
  reset(): void {
    this.generation++;
    this.pagers = new Map();
    this.counts = new Map();
    this.nodes = new Map();
    this.searchResults = undefined;
    this.events.changed(undefined);
    this.events.reset();
  }

  /** Records changed (saved, or a bulk action): show the new versions wherever they are loaded. */
  updateRecords(records: readonly FileRecord[]): void {
    if (!records.length) return;
    const byId = new Map(records.map((r) => [r.id, r]));
    for (const pager of this.pagers.values())
      pager.records.forEach((r, i) => {
        const next = byId.get(r.id);
        if (next) pager.records[i] = next;
      });
    for (const node of this.nodes.values()) {
      const next = node.kind === 'file' ? byId.get(node.record.id) : undefined;
      if (node.kind === 'file' && next) node.record = next;
    }
    this.events.changed(undefined);
  }

  async loadMore(parentId: string): Promise<void> {
    const generation = this.generation;
    const pager = this.pagers.get(parentId);
    if (!pager) return;
    await pager.next();
    if (generation === this.generation) this.events.changed(parentId === ROOT ? undefined : this.nodes.get(parentId));
  }

  /**
   * The count beside a group's label: the number once known, else `undefined` while it is asked for.
   * When it comes, the group changes (if the tree has not been reset since).
   */
  count(node: GroupNode): number | undefined {
    const known = this.counts.get(node.id);
    if (typeof known === 'number') return known;
    const api = this.api();
    if (known === 'loading' || !node.countFilter || !api) return undefined;
    const generation = this.generation;
    const counts = this.counts;
    counts.set(node.id, 'loading');
    api.countFiles({ filter: node.countFilter }).then(
      (n) => {
        if (generation !== this.generation) return;
        counts.set(node.id, n);
        this.events.changed(node);
      },
      () => counts.delete(node.id),
    );
    return undefined;
  }

  /** The children of a node (the root without one); throws what loading threw. */
  async children(node?: TreeNode): Promise<TreeNode[]> {
    const api = this.api();
    if (!api) return [];
    if (!node) return this.rootChildren(api);
    if (node.kind !== 'group') return [];
    if (node.directory !== undefined) return this.directoryChildren(api, node.id, node.directory, node.filter);
    return this.pagedFiles(api, node.id, node.filter);
  }

  private async rootChildren(api: FilesApi): Promise<TreeNode[]> {
    if (this.search) {
      const search = this.search;
      this.searchResults ??= api.searchFiles({
        search: { name: search },
        ...(Object.keys(this.filter).length ? { filter: this.filter } : {}),
        limit: 1000,
      });
      const results = await this.searchResults;
      if (!results.length) return [message(ROOT, `No file names match "${search}".`)];
      return results.map((r) => this.fileNode(ROOT, r));
    }
    switch (this.grouping) {
      case 'flat':
        return this.pagedFiles(api, ROOT, this.filter);
      case 'directory':
        return this.directoryChildren(api, ROOT, undefined, this.filter);
      case 'dataSet':
        return this.dataSetGroups(api);
      case 'mimeType':
        return this.mimeTypeGroups(api);
    }
  }

  private async pagedFiles(api: FilesApi, parentId: string, filter: FileFilter): Promise<TreeNode[]> {
    const pager = await this.pager(api, parentId, filter);
    const children: TreeNode[] = pager.records.map((r) => this.fileNode(parentId, r));
    return this.withMore(parentId, pager, children);
  }

  private async directoryChildren(api: FilesApi, parentId: string, dir: string | undefined, filter: FileFilter) {
    const pager = await this.pager(api, parentId, filter);
    const records = dir === undefined ? pager.records : pager.records.filter((r) => isUnder(r, dir));
    const level = directoryLevel(dir, records);
    const children: TreeNode[] = level.subdirectories.map((sub) =>
      this.remember<GroupNode>({
        kind: 'group',
        id: `dir:${sub}`,
        label: directoryLabel(sub),
        tooltip: sub,
        icon: 'folder',
        directory: sub,
        filter: { ...this.filter, directoryPrefix: sub },
      }),
    );
    children.push(...level.files.map((r) => this.fileNode(parentId, r)));
    return this.withMore(parentId, pager, children);
  }

  private withMore(parentId: string, pager: Pager, children: TreeNode[]): TreeNode[] {
    if (!children.length) return [message(parentId, 'No files match.')];
    if (pager.hasMore) children.push(this.remember({ kind: 'loadMore', id: `${parentId}/more`, parentId }));
    return children;
  }

  private async dataSetGroups(api: FilesApi): Promise<TreeNode[]> {
    const wanted = this.filter.dataSetIds?.map((d) => ('id' in d ? d.id : d.externalId));
    const dataSets = (await api.listDataSets()).filter(
      (d) => !wanted || wanted.includes(d.id) || (d.externalId !== undefined && wanted.includes(d.externalId)),
    );
    if (!dataSets.length) return [message(ROOT, 'The project has no data sets.')];
    return dataSets.map((d) => {
      const filter: FileFilter = { ...this.filter, dataSetIds: [{ id: d.id }] };
      const tooltip = `${d.name ?? ''}\nid ${d.id}${d.externalId ? `\nexternalId ${d.externalId}` : ''}${d.description ? `\n${d.description}` : ''}`;
      const label = d.name ?? d.externalId ?? String(d.id);
      return this.remember<GroupNode>({
        kind: 'group',
        id: `ds:${d.id}`,
        label,
        tooltip,
        icon: 'database',
        filter,
        countFilter: filter,
      });
    });
  }

  /** The API has no "distinct values": the mime types come from the first page of matching files. */
  private async mimeTypeGroups(api: FilesApi): Promise<TreeNode[]> {
    const pager = await this.pager(api, ROOT, this.filter, 1000);
    const types = [...new Set(pager.records.map((r) => r.mimeType).filter((m): m is string => !!m))].sort();
    if (!types.length) return [message(ROOT, 'No files with a mime type match.')];
    return types.map((mimeType) => {
      const filter: FileFilter = { ...this.filter, mimeType };
      return this.remember<GroupNode>({
        kind: 'group',
        id: `mime:${mimeType}`,
        label: mimeType,
        icon: 'file-media',
        filter,
        countFilter: filter,
      });
    });
  }

  private async pager(api: FilesApi, id: string, filter: FileFilter, pageSize?: number): Promise<Pager> {
    let pager = this.pagers.get(id);
    if (!pager) {
      pager = new Pager(api, filter, pageSize ?? this.pageSize());
      this.pagers.set(id, pager);
      await pager.next();
    }
    return pager;
  }

  private fileNode(parentId: string, record: FileRecord): FileNode {
    return this.remember<FileNode>({ kind: 'file', id: `${parentId}/f${record.id}`, record });
  }

  private remember<T extends TreeNode>(node: T): T {
    this.nodes.set(node.id, node);
    return node;
  }
}

const message = (parentId: string, label: string): TreeNode => ({ kind: 'message', id: `${parentId}/msg`, label });
