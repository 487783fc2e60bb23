import { formatCount } from '../../core/format-count';
import * as vscode from 'vscode';
import { redactForUser } from '../../cdf/logging';
import type { FileFilter, FileRecord } from '../../cdf/model';
import type { NodeFilter } from '../../core/browse';
import { iconForMimeType } from '../../core/browse';
import type { Sessions } from '../sessions';
import { COMMANDS } from '../command-ids';
import { GROUPINGS, type FileNode, type GroupNode, type Grouping, type TreeNode } from './nodes';
import type { ProjectLookups } from '../editor/project-lookups';
import { FilesTreeModel, ROOT } from './files-model';
import { fileTooltip } from './file-tooltip';
import { NODE_GROUPINGS, SECTION_ID, type NodeGrouping } from './cognite-nodes';
import { cogniteFileItem, nodeGroupItem, sectionItem } from './node-items';
import { NodeSectionModel } from './node-section-model';
import { shownText } from '../shown-text';

const GROUPING_KEY = 'cdfFiles.grouping';
const NODE_GROUPING_KEY = 'cdfFiles.nodeGrouping';

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
  /** The CogniteFile section, after the classic files when the project has nodes. */
  readonly nodes: NodeSectionModel;
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
    const nodeGrouping = state.get<NodeGrouping>(NODE_GROUPING_KEY);
    this.nodes = new NodeSectionModel(
      () => sessions.active?.nodes,
      (node) => this.changed.fire(node),
      nodeGrouping && NODE_GROUPINGS.includes(nodeGrouping) ? nodeGrouping : 'directory',
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
  /** For the view's description line: the classic files' filter, then the CogniteFile section's. */
  get description(): string {
    const nodes = this.nodes.description;
    const both = [this.model.description, nodes && vscode.l10n.t('CogniteFile: {0}', nodes)];
    return both.filter(Boolean).join(' · ');
  }

  /** The CogniteFile section's grouping below its spaces, filter and search. */
  async setNodeGrouping(grouping: NodeGrouping): Promise<void> {
    this.nodes.grouping = grouping;
    await this.state.update(NODE_GROUPING_KEY, grouping);
    this.reset();
  }
  setNodeFilter(filter: NodeFilter): void {
    this.nodes.filter = filter;
    this.reset();
  }
  setNodeSearch(search: string | undefined): void {
    this.nodes.search = search || undefined;
    this.reset();
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
    this.nodes.filter = {};
    this.nodes.search = undefined;
    this.reset();
  }

  /** Drops everything loaded and asks VS Code to fetch the tree again. */
  reset(): void {
    this.nodes.reset();
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
    return parentId.startsWith(SECTION_ID) ? this.nodes.loadMore(parentId) : this.model.loadMore(parentId);
  }

  getParent(): undefined {
    return undefined;
  }

  async getChildren(node?: TreeNode): Promise<TreeNode[]> {
    try {
      if (node && (node.kind === 'nodeSection' || node.kind === 'nodeGroup')) return await this.nodes.children(node);
      if (node) return await this.model.children(node);
      const [classic, section] = await Promise.all([this.model.children(), this.nodes.section()]);
      return section ? [...classic, section] : classic;
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
      case 'nodeSection':
        return sectionItem(node, this.nodes.description);
      case 'nodeGroup':
        return nodeGroupItem(node);
      case 'cogniteFile':
        return cogniteFileItem(node, this.extensionUri);
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
    const item = new vscode.TreeItem(shownText(r.name));
    item.id = node.id;
    // A file CDF also holds as a CogniteFile node says so; Open Linked Record opens the node.
    const linked = r.instanceId ? vscode.l10n.t('⇄ CogniteFile') : '';
    item.description = [r.externalId && shownText(r.externalId), linked].filter(Boolean).join('  ');
    item.iconPath = vscode.Uri.joinPath(this.extensionUri, 'media', `file-${iconForMimeType(r.mimeType)}.svg`);
    item.contextValue = `${r.externalId ? 'file.withExternalId' : 'file'}${r.instanceId ? '.linked' : ''}`;
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
