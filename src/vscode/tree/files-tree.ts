import * as vscode from 'vscode';
import { redactForUser } from '../../cdf/logging';
import type { FileFilter, FileRecord } from '../../cdf/model';
import { directoryLabel, directoryLevel, isUnder } from '../../core/browse/directories';
import { describeFilter } from '../../core/browse/filter-description';
import { iconForMimeType } from '../../core/browse/icons';
import type { ProjectSession, Sessions } from '../sessions';
import { COMMANDS } from '../command-ids';
import { GROUPINGS, type FileNode, type GroupNode, type Grouping, type TreeNode } from './nodes';
import { Pager } from './pager';
import type { ProjectLookups, ReferenceName } from '../editor/project-lookups';

const ROOT = 'root';

/** The sidebar tree of the active project's files: grouped, paged, filtered or searched. */
export class FilesTreeProvider implements vscode.TreeDataProvider<TreeNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<TreeNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private pagers = new Map<string, Pager>();
  private counts = new Map<string, number | 'loading'>();
  private nodes = new Map<string, TreeNode>();
  private searchResults: Promise<FileRecord[]> | undefined;
  private grouping: Grouping;
  private filter: FileFilter = {};
  private search: string | undefined;
  private readonly subscriptions: vscode.Disposable[] = [];
  private readonly didReset = new vscode.EventEmitter<void>();
  /** Everything loaded was dropped (refresh, regroup, filter, another project). */
  readonly onDidReset = this.didReset.event;

  constructor(
    private readonly sessions: Sessions,
    private readonly extensionUri: vscode.Uri,
    private readonly state: vscode.Memento,
    /** Names for the ids in a file's tooltip. */
    private readonly lookups?: ProjectLookups,
  ) {
    const saved = state.get<Grouping>('cdfFiles.grouping');
    this.grouping = saved && GROUPINGS.includes(saved) ? saved : 'directory';
    this.subscriptions.push(sessions.onDidChange(() => this.reset()));
  }

  get currentGrouping(): Grouping {
    return this.grouping;
  }
  get currentFilter(): FileFilter {
    return this.filter;
  }
  get currentSearch(): string | undefined {
    return this.search;
  }
  /** For the view's description line. */
  get description(): string {
    return describeFilter(this.filter, this.search);
  }

  async setGrouping(grouping: Grouping): Promise<void> {
    this.grouping = grouping;
    await this.state.update('cdfFiles.grouping', grouping);
    this.reset();
  }

  setFilter(filter: FileFilter): void {
    this.filter = filter;
    this.reset();
  }

  setSearch(search: string | undefined): void {
    this.search = search || undefined;
    this.reset();
  }

  clearFilter(): void {
    this.filter = {};
    this.search = undefined;
    this.reset();
  }

  /** Drops everything loaded and asks VS Code to fetch the tree again. */
  reset(): void {
    this.pagers = new Map();
    this.counts = new Map();
    this.nodes = new Map();
    this.searchResults = undefined;
    this.changed.fire(undefined);
    this.didReset.fire();
  }

  /** A record changed (saved): show the new version wherever it is loaded. */
  updateRecord(record: FileRecord): void {
    this.updateRecords([record]);
  }

  /** Records changed (a bulk action): one refresh for all of them. */
  updateRecords(records: readonly FileRecord[]): void {
    if (!records.length) return;
    const byId = new Map(records.map((r) => [r.id, r]));
    for (const pager of this.pagers.values()) {
      pager.records.forEach((r, i) => {
        const next = byId.get(r.id);
        if (next) pager.records[i] = next;
      });
    }
    for (const node of this.nodes.values()) {
      const next = node.kind === 'file' ? byId.get(node.record.id) : undefined;
      if (node.kind === 'file' && next) node.record = next;
    }
    this.changed.fire(undefined);
  }

  async loadMore(parentId: string): Promise<void> {
    const pager = this.pagers.get(parentId);
    if (!pager) return;
    await pager.next();
    this.changed.fire(parentId === ROOT ? undefined : this.nodes.get(parentId));
  }

  getParent(): undefined {
    return undefined;
  }

  async getChildren(node?: TreeNode): Promise<TreeNode[]> {
    const session = this.sessions.active;
    if (!session) return [];
    try {
      if (!node) return await this.rootChildren(session);
      if (node.kind === 'group') return await this.groupChildren(session, node);
      return [];
    } catch (err) {
      const message = redactForUser(err instanceof Error ? err.message : String(err));
      return [
        {
          kind: 'message',
          id: `${node?.id ?? ROOT}/error`,
          label: vscode.l10n.t('Could not load: {0}', message),
          error: true,
        },
      ];
    }
  }

  private async rootChildren(session: ProjectSession): Promise<TreeNode[]> {
    if (this.search) {
      this.searchResults ??= session.api.searchFiles({
        search: { name: this.search },
        ...(Object.keys(this.filter).length ? { filter: this.filter } : {}),
        limit: 1000,
      });
      const results = await this.searchResults;
      if (!results.length) return [this.message(ROOT, `No file names match "${this.search}".`)];
      return results.map((r) => this.fileNode(ROOT, r));
    }
    switch (this.grouping) {
      case 'flat':
        return this.pagedFiles(session, ROOT, this.filter);
      case 'directory':
        return this.directoryChildren(session, ROOT, undefined, this.filter);
      case 'dataSet':
        return this.dataSetGroups(session);
      case 'mimeType':
        return this.mimeTypeGroups(session);
    }
  }

  private async groupChildren(session: ProjectSession, group: GroupNode): Promise<TreeNode[]> {
    if (group.directory !== undefined) return this.directoryChildren(session, group.id, group.directory, group.filter);
    return this.pagedFiles(session, group.id, group.filter);
  }

  private async pagedFiles(session: ProjectSession, parentId: string, filter: FileFilter): Promise<TreeNode[]> {
    const pager = await this.pager(session, parentId, filter);
    const children: TreeNode[] = pager.records.map((r) => this.fileNode(parentId, r));
    if (!children.length) return [this.message(parentId, 'No files match.')];
    if (pager.hasMore) children.push(this.remember({ kind: 'loadMore', id: `${parentId}/more`, parentId }));
    return children;
  }

  private async directoryChildren(
    session: ProjectSession,
    parentId: string,
    dir: string | undefined,
    filter: FileFilter,
  ): Promise<TreeNode[]> {
    const pager = await this.pager(session, parentId, filter);
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
    if (!children.length) return [this.message(parentId, 'No files match.')];
    if (pager.hasMore) children.push(this.remember({ kind: 'loadMore', id: `${parentId}/more`, parentId }));
    return children;
  }

  private async dataSetGroups(session: ProjectSession): Promise<TreeNode[]> {
    const wanted = this.filter.dataSetIds?.map((d) => ('id' in d ? d.id : d.externalId));
    const dataSets = (await session.api.listDataSets()).filter(
      (d) => !wanted || wanted.includes(d.id) || (d.externalId !== undefined && wanted.includes(d.externalId)),
    );
    if (!dataSets.length) return [this.message(ROOT, 'The project has no data sets.')];
    return dataSets.map((d) => {
      const filter: FileFilter = { ...this.filter, dataSetIds: [{ id: d.id }] };
      return this.remember<GroupNode>({
        kind: 'group',
        id: `ds:${d.id}`,
        label: d.name ?? d.externalId ?? String(d.id),
        tooltip: `${d.name ?? ''}\nid ${d.id}${d.externalId ? `\nexternalId ${d.externalId}` : ''}${d.description ? `\n${d.description}` : ''}`,
        icon: 'database',
        filter,
        countFilter: filter,
      });
    });
  }

  /** The API has no "distinct values": the mime types come from the first page of matching files. */
  private async mimeTypeGroups(session: ProjectSession): Promise<TreeNode[]> {
    const pager = await this.pager(session, ROOT, this.filter, 1000);
    const types = [...new Set(pager.records.map((r) => r.mimeType).filter((m): m is string => !!m))].sort();
    if (!types.length) return [this.message(ROOT, 'No files with a mime type match.')];
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

  private async pager(session: ProjectSession, id: string, filter: FileFilter, pageSize?: number): Promise<Pager> {
    let pager = this.pagers.get(id);
    if (!pager) {
      const size = pageSize ?? vscode.workspace.getConfiguration('cdfFiles').get<number>('pageSize', 200);
      pager = new Pager(session.api, filter, size);
      this.pagers.set(id, pager);
      await pager.next();
    }
    return pager;
  }

  getTreeItem(node: TreeNode): vscode.TreeItem {
    switch (node.kind) {
      case 'file':
        return this.fileItem(node);
      case 'group': {
        const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.Collapsed);
        item.id = node.id;
        item.iconPath = new vscode.ThemeIcon(node.icon);
        item.tooltip = node.tooltip;
        item.contextValue = 'group';
        item.description = this.countDescription(node);
        return item;
      }
      case 'loadMore': {
        const item = new vscode.TreeItem(vscode.l10n.t('Load more…'));
        item.id = node.id;
        item.iconPath = new vscode.ThemeIcon('ellipsis');
        item.command = { command: COMMANDS.loadMore, title: vscode.l10n.t('Load more'), arguments: [node] };
        item.contextValue = 'loadMore';
        return item;
      }
      case 'message': {
        const item = new vscode.TreeItem(node.label);
        item.id = node.id;
        item.tooltip = node.tooltip ?? node.label;
        item.iconPath = new vscode.ThemeIcon(node.error ? 'error' : 'info');
        item.contextValue = 'message';
        return item;
      }
    }
  }

  private fileItem(node: FileNode): vscode.TreeItem {
    const r = node.record;
    const item = new vscode.TreeItem(r.name);
    item.id = node.id;
    item.description = r.externalId ?? '';
    item.iconPath = vscode.Uri.joinPath(this.extensionUri, 'media', `file-${iconForMimeType(r.mimeType)}.svg`);
    item.contextValue = r.externalId ? 'file.withExternalId' : 'file';
    // A click previews the record and leaves the focus in the tree, like the Explorer.
    item.command = {
      command: COMMANDS.openFile,
      title: vscode.l10n.t('Open'),
      arguments: [node, undefined, { preview: true }],
    };
    // With look-ups, the tooltip is built on hover (resolveTreeItem) to name the ids.
    item.tooltip = this.lookups ? undefined : fileTooltip(r);
    return item;
  }

  /** On hover: the tooltip again, with the names of the data set, the labels and the assets. */
  async resolveTreeItem(item: vscode.TreeItem, node: TreeNode): Promise<vscode.TreeItem> {
    if (node.kind !== 'file' || !this.lookups) return item;
    const r = node.record;
    const lookups = this.lookups;
    item.tooltip = fileTooltip(r);
    try {
      const [dataSet, labels, assets] = await Promise.all([
        r.dataSetId !== undefined ? lookups.dataSetName(r.dataSetId) : undefined,
        Promise.all((r.labels ?? []).map((l) => lookups.labelName(l.externalId))),
        r.assetIds?.length ? lookups.assetNamesOf(r.assetIds.slice(0, 20)) : undefined,
      ]);
      item.tooltip = fileTooltip(r, { dataSet, labels, assets });
    } catch {
      // the plain tooltip stays: names are a help, not a requirement
    }
    return item;
  }

  private countDescription(node: GroupNode): string | undefined {
    if (!node.countFilter) return node.description;
    const count = this.counts.get(node.id);
    if (typeof count === 'number') return count.toLocaleString('en-US');
    if (count === undefined) {
      this.counts.set(node.id, 'loading');
      const session = this.sessions.active;
      void session?.api
        .countFiles({ filter: node.countFilter })
        .then((n) => {
          this.counts.set(node.id, n);
          this.changed.fire(node);
        })
        .catch(() => this.counts.delete(node.id));
    }
    return undefined;
  }

  private fileNode(parentId: string, record: FileRecord): FileNode {
    return this.remember<FileNode>({ kind: 'file', id: `${parentId}/f${record.id}`, record });
  }

  private message(parentId: string, label: string): TreeNode {
    return { kind: 'message', id: `${parentId}/msg`, label };
  }

  private remember<T extends TreeNode>(node: T): T {
    this.nodes.set(node.id, node);
    return node;
  }

  dispose(): void {
    this.changed.dispose();
    this.didReset.dispose();
    for (const s of this.subscriptions) s.dispose();
  }
}

const escapeMd = (s: string): string => s.replace(/[\\`*_{}[\]()#+\-.!|]/g, '\\$&');

interface TooltipNames {
  dataSet?: ReferenceName;
  labels: (ReferenceName | undefined)[];
  assets?: Map<number, ReferenceName>;
}

function fileTooltip(r: FileRecord, names?: TooltipNames): vscode.MarkdownString {
  const md = new vscode.MarkdownString(undefined, true);
  md.appendMarkdown(`**${escapeMd(r.name)}**\n\n`);
  const named = (value: string, name: string | undefined) => (name ? `${value} (${name})` : value);
  const assets = r.assetIds?.map((id) => named(String(id), names?.assets?.get(id)?.name));
  const rows: [string, string | undefined][] = [
    ['id', String(r.id)],
    ['externalId', r.externalId],
    ['directory', r.directory],
    ['mimeType', r.mimeType],
    ['source', r.source],
    ['dataSetId', r.dataSetId !== undefined ? named(String(r.dataSetId), names?.dataSet?.name) : undefined],
    ['labels', r.labels?.map((l, i) => named(l.externalId, names?.labels[i]?.name)).join(', ')],
    ['assetIds', assets && assets.length > 20 ? `${assets.slice(0, 20).join(', ')}, …` : assets?.join(', ')],
    ['uploaded', r.uploaded ? 'yes' : 'no'],
    ['lastUpdatedTime', new Date(r.lastUpdatedTime).toISOString()],
  ];
  for (const [k, v] of rows) if (v) md.appendMarkdown(`${k}: \`${v.replace(/`/g, "'")}\`  \n`);
  return md;
}
