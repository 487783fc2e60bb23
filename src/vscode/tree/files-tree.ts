import { formatCount } from '../../core/format-count';
import * as vscode from 'vscode';
import { redactForUser } from '../../cdf/logging';
import type { FileFilter, FileRecord } from '../../cdf/model';
import { iconForMimeType } from '../../core/browse';
import type { Sessions } from '../sessions';
import { COMMANDS } from '../command-ids';
import { GROUPINGS, type FileNode, type GroupNode, type Grouping, type TreeNode } from './nodes';
import type { ProjectLookups } from '../editor/project-lookups';
import { FilesTreeModel, ROOT } from './files-model';
import { fileTooltip } from './file-tooltip';

const GROUPING_KEY = 'cdfFiles.grouping';

/**
 * The sidebar tree of the active project's files, as VS Code shows it: renders the nodes of a
 * {@link FilesTreeModel} (which holds the view state and loads) and turns loading errors into a node.
 */
export class FilesTreeProvider implements vscode.TreeDataProvider<TreeNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<TreeNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly didReset = new vscode.EventEmitter<void>();
  /** Everything loaded was dropped (refresh, regroup, filter, another project). */
  readonly onDidReset = this.didReset.event;
  readonly model: FilesTreeModel;
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(
    sessions: Sessions,
    private readonly extensionUri: vscode.Uri,
    private readonly state: vscode.Memento,
    /** Names for the ids in a file's tooltip. */
    private readonly lookups?: ProjectLookups,
  ) {
    const saved = state.get<Grouping>(GROUPING_KEY);
    this.model = new FilesTreeModel(
      () => sessions.active?.api,
      { changed: (node) => this.changed.fire(node), reset: () => this.didReset.fire() },
      saved && GROUPINGS.includes(saved) ? saved : 'directory',
      () => vscode.workspace.getConfiguration('cdfFiles').get<number>('pageSize', 200),
    );
    this.subscriptions.push(sessions.onDidChange(() => this.reset()));
  }

  get currentGrouping(): Grouping {
    return this.model.grouping;
  }
  get currentFilter(): FileFilter {
    return this.model.filter;
  }
  get currentSearch(): string | undefined {
    return this.model.search;
  }
  /** For the view's description line. */
  get description(): string {
    return this.model.description;
  }

  async setGrouping(grouping: Grouping): Promise<void> {
    this.model.grouping = grouping;
    await this.state.update(GROUPING_KEY, grouping);
    this.reset();
  }

  setFilter(filter: FileFilter): void {
    this.model.filter = filter;
    this.reset();
  }

  setSearch(search: string | undefined): void {
    this.model.search = search || undefined;
    this.reset();
  }

  clearFilter(): void {
    this.model.filter = {};
    this.model.search = undefined;
    this.reset();
  }

  /** Drops everything loaded and asks VS Code to fetch the tree again. */
  reset(): void {
    this.model.reset();
  }

  /** A record changed (saved): show the new version wherever it is loaded. */
  updateRecord(record: FileRecord): void {
    this.model.updateRecords([record]);
  }

  /** Records changed (a bulk action): one refresh for all of them. */
  updateRecords(records: readonly FileRecord[]): void {
    this.model.updateRecords(records);
  }

  loadMore(parentId: string): Promise<void> {
    return this.model.loadMore(parentId);
  }

  getParent(): undefined {
    return undefined;
  }

  async getChildren(node?: TreeNode): Promise<TreeNode[]> {
    try {
      return await this.model.children(node);
    } catch (err) {
      const message = redactForUser(err instanceof Error ? err.message : String(err));
      const label = vscode.l10n.t('Could not load: {0}', message);
      return [{ kind: 'message', id: `${node?.id ?? ROOT}/error`, label, error: true }];
    }
  }

  getTreeItem(node: TreeNode): vscode.TreeItem {
    switch (node.kind) {
      case 'file':
        return this.fileItem(node);
      case 'group':
        return this.groupItem(node);
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

  private groupItem(node: GroupNode): vscode.TreeItem {
    const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.Collapsed);
    item.id = node.id;
    item.iconPath = new vscode.ThemeIcon(node.icon);
    item.tooltip = node.tooltip;
    item.contextValue = 'group';
    const count = node.countFilter ? this.model.count(node) : undefined;
    item.description = node.countFilter ? (count === undefined ? undefined : formatCount(count)) : node.description;
    return item;
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

  dispose(): void {
    this.changed.dispose();
    this.didReset.dispose();
    for (const s of this.subscriptions) s.dispose();
  }
}
