import type { FilesApi } from '../../core/ports';
import type { FileFilter, FileRecord } from '../../cdf/model';
import { directoryLabel, directoryLevel, isUnder, describeFilter } from '../../core/browse';
import type { GroupNode, Grouping, TreeNode } from './nodes';
import { Loaded, type CountRequest, type SearchResults } from './loaded';
import { filePager, type FilePager } from './pager';

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
 * comes back for an older generation (a page, a count, a search, children) is dropped and never
 * enters the new one, so nothing of the old filter shows under the new one.
 */
export class FilesTreeModel {
  grouping: Grouping;
  filter: FileFilter = {};
  search: string | undefined;
  /** This generation's loads; a reset replaces it, and an answer for an older one is dropped. */
  private loaded = new Loaded();

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
    this.loaded = new Loaded();
    this.events.changed(undefined);
    this.events.reset();
  }

  /**
   * Records changed (saved, or a bulk action): shown in place where they still belong; a group a
   * record left or entered, and its count, load again.
   */
  updateRecords(records: readonly FileRecord[]): void {
    if (!records.length) return;
    this.loaded.update(records);
    this.events.changed(undefined);
  }

  async loadMore(parentId: string): Promise<void> {
    const loaded = this.loaded;
    const pager = loaded.pagers.get(parentId);
    if (!pager) return;
    await pager.next();
    if (loaded === this.loaded) this.events.changed(parentId === ROOT ? undefined : loaded.nodes.get(parentId));
  }

  /**
   * The count beside a group's label: the number once known, else `undefined` while it is asked for.
   * When it comes, the group changes (if the tree has not been reset, nor the count dropped, since).
   */
  count(node: GroupNode): number | undefined {
    const counts = this.loaded.counts;
    const known = counts.get(node.id);
    if (typeof known === 'number') return known;
    const api = this.api();
    if (known || !node.countFilter || !api) return undefined;
    const request: CountRequest = { asked: true };
    counts.set(node.id, request);
    const current = () => counts === this.loaded.counts && counts.get(node.id) === request;
    api.countFiles({ filter: node.countFilter }).then(
      (n) => {
        if (!current()) return;
        counts.set(node.id, n);
        this.events.changed(node);
      },
      () => current() && counts.delete(node.id),
    );
    return undefined;
  }

  /**
   * The children of a node (the root without one); throws what loading threw. An answer that comes
   * after a reset is not handed out: the root answers again for the new generation, a node with nothing.
   */
  async children(node?: TreeNode): Promise<TreeNode[]> {
    const api = this.api();
    if (!api) return [];
    const load: Load = { api, at: this.loaded, filter: this.filter };
    const children = await this.childrenIn(load, node);
    if (load.at === this.loaded) return children;
    return node ? [] : this.children();
  }

  private childrenIn(load: Load, node?: TreeNode): Promise<TreeNode[]> {
    if (!node) return this.rootChildren(load);
    if (node.kind !== 'group') return Promise.resolve([]);
    if (node.directory !== undefined) return this.directoryChildren(load, node.id, node.directory, node.filter);
    return this.pagedFiles(load, node.id, node.filter);
  }

  private async rootChildren(load: Load): Promise<TreeNode[]> {
    if (this.search) return this.searchChildren(load, this.search);
    switch (this.grouping) {
      case 'flat':
        return this.pagedFiles(load, ROOT, load.filter);
      case 'directory':
        return this.directoryChildren(load, ROOT, undefined, load.filter);
      case 'dataSet':
        return this.dataSetGroups(load);
      case 'mimeType':
        return this.mimeTypeGroups(load);
    }
  }

  private async searchChildren(load: Load, search: string): Promise<TreeNode[]> {
    const { filter, at } = load;
    if (!at.search) {
      const promise = load.api.searchFiles({
        search: { name: search },
        ...(Object.keys(filter).length ? { filter } : {}),
        limit: 1000,
      });
      const started: SearchResults = { filter, promise };
      at.search = started;
      void promise.then(
        (records) => (started.records = records),
        () => undefined,
      );
    }
    const results = at.search.records ?? (await at.search.promise);
    if (!results.length) return [message(ROOT, `No file names match "${search}".`)];
    return results.map((r) => at.fileNode(ROOT, r));
  }

  private async pagedFiles(load: Load, parentId: string, filter: FileFilter): Promise<TreeNode[]> {
    const pager = await this.pager(load, parentId, filter);
    const children: TreeNode[] = pager.items.map((r) => load.at.fileNode(parentId, r));
    return withMore(load.at, parentId, pager, children);
  }

  private async directoryChildren(load: Load, parentId: string, dir: string | undefined, filter: FileFilter) {
    const pager = await this.pager(load, parentId, filter);
    const records = dir === undefined ? pager.items : pager.items.filter((r) => isUnder(r, dir));
    const level = directoryLevel(dir, records);
    const children: TreeNode[] = level.subdirectories.map((sub) =>
      load.at.remember<GroupNode>({
        kind: 'group',
        id: `dir:${sub}`,
        label: directoryLabel(sub),
        tooltip: sub,
        icon: 'folder',
        directory: sub,
        filter: { ...load.filter, directoryPrefix: sub },
      }),
    );
    children.push(...level.files.map((r) => load.at.fileNode(parentId, r)));
    return withMore(load.at, parentId, pager, children);
  }

  private async dataSetGroups({ api, at, filter: viewFilter }: Load): Promise<TreeNode[]> {
    const wanted = viewFilter.dataSetIds?.map((d) => ('id' in d ? d.id : d.externalId));
    const dataSets = (await api.listDataSets()).filter(
      (d) => !wanted || wanted.includes(d.id) || (d.externalId !== undefined && wanted.includes(d.externalId)),
    );
    if (!dataSets.length) return [message(ROOT, 'The project has no data sets.')];
    return dataSets.map((d) => {
      const filter: FileFilter = { ...viewFilter, dataSetIds: [{ id: d.id }] };
      const tooltip = `${d.name ?? ''}\nid ${d.id}${d.externalId ? `\nexternalId ${d.externalId}` : ''}${d.description ? `\n${d.description}` : ''}`;
      const label = d.name ?? d.externalId ?? String(d.id);
      return at.remember<GroupNode>({
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
  private async mimeTypeGroups(load: Load): Promise<TreeNode[]> {
    const pager = await this.pager(load, ROOT, load.filter, 1000);
    const types = [...new Set(pager.items.map((r) => r.mimeType).filter((m): m is string => !!m))].sort();
    if (!types.length) return [message(ROOT, 'No files with a mime type match.')];
    return types.map((mimeType) => {
      const filter: FileFilter = { ...load.filter, mimeType };
      return load.at.remember<GroupNode>({
        kind: 'group',
        id: `mime:${mimeType}`,
        label: mimeType,
        icon: 'file-media',
        filter,
        countFilter: filter,
      });
    });
  }

  private async pager({ api, at }: Load, id: string, filter: FileFilter, pageSize?: number): Promise<FilePager> {
    let pager = at.pagers.get(id);
    if (!pager) {
      pager = filePager(api, filter, pageSize ?? this.pageSize());
      at.pagers.set(id, pager);
      await pager.next();
    }
    return pager;
  }
}

/** One children() call: the API, the generation it was asked under and that generation's filter. */
interface Load {
  api: FilesApi;
  at: Loaded;
  filter: FileFilter;
}

function withMore(at: Loaded, parentId: string, pager: FilePager, children: TreeNode[]): TreeNode[] {
  if (!children.length) return [message(parentId, 'No files match.')];
  if (pager.hasMore) children.push(at.remember({ kind: 'loadMore', id: `${parentId}/more`, parentId }));
  return children;
}

const message = (parentId: string, label: string): TreeNode => ({ kind: 'message', id: `${parentId}/msg`, label });
