import * as l10n from '@vscode/l10n';
import type { NodesBrowseApi } from '../../app';
import { mapWithConcurrency } from '../../cdf/client';
import { cogniteFileValues, nodeKeyOf, type CogniteFileNode } from '../../cdf/model';
import {
  describeNodeFilter,
  directoryLabel,
  directoryLevel,
  isUnder,
  toInstanceFilter,
  type NodeFilter,
} from '../../core/browse';
import {
  SECTION_ID,
  type CogniteFileItem,
  type NodeGroupNode,
  type NodeGrouping,
  type NodeSectionNode,
} from './cognite-nodes';
import type { TreeNode } from './nodes';
import { nodePager, type NodePager } from './node-pager';
import { groupsByValue } from './node-value-groups';

const SPACE_COUNTS_AT_ONCE = 4;
/** `instances/search` answers at most this many, with no cursor: the section shows the best ones. */
const SEARCH_LIMIT = 1000;

/** What one generation of the section has loaded; a reset drops it, and late answers with it. */
class NodesLoaded {
  readonly pagers = new Map<string, NodePager>();
  readonly nodes = new Map<string, TreeNode>();
  section: Promise<NodeSectionNode | undefined> | undefined;
  search: Promise<CogniteFileNode[]> | undefined;

  remember<T extends TreeNode>(node: T): T {
    this.nodes.set(node.id, node);
    return node;
  }
}

interface Load {
  api: NodesBrowseApi;
  at: NodesLoaded;
  filter: NodeFilter;
}

/**
 * The files view's CogniteFile section, without rendering: the project's nodes by space, then by
 * directory, category or MIME type (or flat), paged, narrowed by a filter in the instances filter
 * language, searched with `instances/search`, counted with `instances/aggregate`. Like the classic
 * model, every reset starts a new generation and an answer for an older one is never handed out.
 */
export class NodeSectionModel {
  grouping: NodeGrouping;
  filter: NodeFilter = {};
  search: string | undefined;
  private loaded = new NodesLoaded();

  constructor(
    private readonly api: () => NodesBrowseApi | undefined,
    private readonly changed: (node: TreeNode | undefined) => void,
    grouping: NodeGrouping,
    private readonly pageSize: () => number = () => 200,
  ) {
    this.grouping = grouping;
  }

  get description(): string {
    return describeNodeFilter(this.filter, this.search);
  }

  reset(): void {
    this.loaded = new NodesLoaded();
  }

  /**
   * The section when the project has CogniteFile nodes, else undefined; also when data modeling
   * cannot be read (no access, an older project): the classic files stay browsable either way.
   */
  section(): Promise<NodeSectionNode | undefined> {
    const api = this.api();
    if (!api) return Promise.resolve(undefined);
    const load: Load = { api, at: this.loaded, filter: this.filter };
    const [filter, search] = [toInstanceFilter(this.filter), this.search];
    load.at.section ??= (async () => {
      try {
        const total = await api.countFileNodes(undefined);
        if (total === 0) return undefined;
        // With a search the section holds its results, so it counts them, not the filter's nodes.
        if (search) {
          const count = (await this.searched(load, search)).length;
          const node = {
            kind: 'nodeSection',
            id: SECTION_ID,
            count,
            search: { limited: count >= SEARCH_LIMIT },
          } as const;
          return load.at.remember<NodeSectionNode>(node);
        }
        const count = filter ? await api.countFileNodes(filter) : total;
        return load.at.remember<NodeSectionNode>({ kind: 'nodeSection', id: SECTION_ID, count });
      } catch {
        return undefined;
      }
    })();
    return load.at.section;
  }

  async children(node: TreeNode): Promise<TreeNode[]> {
    const api = this.api();
    if (!api) return [];
    const load: Load = { api, at: this.loaded, filter: this.filter };
    const children = await this.childrenIn(load, node);
    return load.at === this.loaded ? children : [];
  }

  async loadMore(parentId: string): Promise<void> {
    const at = this.loaded;
    await at.pagers.get(parentId)?.next();
    if (at === this.loaded) this.changed(at.nodes.get(parentId));
  }

  private childrenIn(load: Load, node: TreeNode): Promise<TreeNode[]> {
    if (node.kind === 'nodeSection') return this.search ? this.searchChildren(load, this.search) : this.spaces(load);
    if (node.kind !== 'nodeGroup') return Promise.resolve([]);
    const grouping = this.grouping;
    if (node.directory !== undefined || (node.space && grouping === 'directory'))
      return this.directoryChildren(load, node.id, node.directory, node.filter);
    if (node.space && (grouping === 'category' || grouping === 'mimeType')) return groupsByValue(load, node, grouping);
    return this.paged(load, node.id, node.filter);
  }

  private async spaces({ api, at, filter }: Load): Promise<TreeNode[]> {
    const spaces = (await api.listSpaces()).filter((s) => !filter.spaces || filter.spaces.includes(s.space));
    // A few counts at a time: a project may have many spaces, and data modeling limits concurrent reads.
    const counted = await mapWithConcurrency(spaces, SPACE_COUNTS_AT_ONCE, async (s) => ({
      s,
      count: await api.countFileNodes(toInstanceFilter({ ...filter, spaces: [s.space] })),
    }));
    const groups = counted.filter((c) => c.count > 0);
    if (!groups.length) return [message(SECTION_ID, l10n.t('No CogniteFile nodes match.'))];
    return groups.map(({ s, count }) =>
      at.remember<NodeGroupNode>({
        kind: 'nodeGroup',
        id: `${SECTION_ID}:space:${s.space}`,
        label: s.space,
        tooltip: s.name ? `${s.space}\n${s.name}` : s.space,
        icon: 'symbol-namespace',
        filter: { ...filter, spaces: [s.space] },
        space: s.space,
        count,
      }),
    );
  }

  /** The search's results, asked once per generation (the section's count and its children share them). */
  private searched({ api, at, filter }: Load, search: string): Promise<CogniteFileNode[]> {
    at.search ??= api.searchFileNodes(search, toInstanceFilter(filter), SEARCH_LIMIT);
    return at.search;
  }

  private async searchChildren(load: Load, search: string): Promise<TreeNode[]> {
    const { at } = load;
    const found = await this.searched(load, search);
    if (!found.length) return [message(SECTION_ID, l10n.t('No CogniteFile nodes match "{0}".', search))];
    return found.map((n) => item(at, SECTION_ID, n));
  }

  private async paged(load: Load, parentId: string, filter: NodeFilter): Promise<TreeNode[]> {
    const pager = await this.pager(load, parentId, filter);
    return withMore(
      load.at,
      parentId,
      pager,
      pager.items.map((n) => item(load.at, parentId, n)),
    );
  }

  private async directoryChildren(load: Load, parentId: string, dir: string | undefined, filter: NodeFilter) {
    const pager = await this.pager(load, parentId, filter);
    const rows = pager.items.map((node) => ({ node, directory: cogniteFileValues(node).directory ?? undefined }));
    const level = directoryLevel(dir, dir === undefined ? rows : rows.filter((r) => isUnder(r, dir)));
    const children: TreeNode[] = level.subdirectories.map((sub) =>
      load.at.remember<NodeGroupNode>({
        kind: 'nodeGroup',
        id: `${parentId}/dir:${sub}`,
        label: directoryLabel(sub),
        tooltip: sub,
        icon: 'folder',
        directory: sub,
        filter: { ...filter, directoryPrefix: sub },
      }),
    );
    children.push(...level.files.map((r) => item(load.at, parentId, r.node)));
    return withMore(load.at, parentId, pager, children);
  }

  private async pager({ api, at }: Load, id: string, filter: NodeFilter): Promise<NodePager> {
    let pager = at.pagers.get(id);
    if (!pager) {
      pager = nodePager(api, filter, this.pageSize());
      at.pagers.set(id, pager);
      await pager.next();
    }
    return pager;
  }
}

const item = (at: NodesLoaded, parentId: string, node: CogniteFileNode): CogniteFileItem =>
  at.remember<CogniteFileItem>({ kind: 'cogniteFile', id: `${parentId}/n:${nodeKeyOf(node)}`, node });

function withMore(at: NodesLoaded, parentId: string, pager: NodePager, children: TreeNode[]): TreeNode[] {
  if (!children.length) return [message(parentId, l10n.t('No CogniteFile nodes match.'))];
  if (pager.hasMore) children.push(at.remember({ kind: 'loadMore', id: `${parentId}/more`, parentId }));
  return children;
}

const message = (parentId: string, label: string): TreeNode => ({ kind: 'message', id: `${parentId}/msg`, label });
