import * as l10n from '@vscode/l10n';
import type { NodesBrowseApi } from '../../app';
import type { NodeGroupCount } from '../../cdf/client';
import { nodeKeyOf, type DirectRelation } from '../../cdf/model';
import { toInstanceFilter, type NodeFilter } from '../../core/browse';
import type { NodeGroupNode } from './cognite-nodes';
import type { TreeNode } from './nodes';

interface GroupLoad {
  api: NodesBrowseApi;
  at: { remember<T extends TreeNode>(node: T): T };
}

/**
 * A space's nodes grouped by category or MIME type: the values and their counts come from
 * `instances/aggregate` (grouped by the property), plus one group for the nodes without a value.
 */
export async function groupsByValue(
  { api, at }: GroupLoad,
  parent: NodeGroupNode,
  property: 'category' | 'mimeType',
): Promise<TreeNode[]> {
  const base = parent.filter;
  const [groups, all] = await Promise.all([
    api.countFileNodesBy(property, toInstanceFilter(base)),
    api.countFileNodes(toInstanceFilter(base)),
  ]);
  const names = property === 'category' ? await categoryNames(api, groups) : new Map<string, string>();
  const rows = groups
    .map((g) => ({ value: g.value, count: g.count, key: keyOf(g.value) }))
    .map((r) => ({ ...r, label: names.get(r.key) ?? r.key }))
    .sort((a, b) => a.label.localeCompare(b.label));
  const without = all - rows.reduce((n, r) => n + r.count, 0);
  const node = (key: string, label: string, filter: NodeFilter, count: number, tooltip?: string) =>
    at.remember<NodeGroupNode>({
      kind: 'nodeGroup',
      id: `${parent.id}/${property}:${key}`,
      label,
      ...(tooltip ? { tooltip } : {}),
      icon: property === 'category' ? 'tag' : 'file-media',
      filter,
      count,
    });
  const children: TreeNode[] = rows.map((r) =>
    node(r.key, r.label, { ...base, [property]: r.value }, r.count, property === 'category' ? r.key : undefined),
  );
  // A list property would put a node in several groups; these are single values, so the rest have none.
  if (without > 0) {
    const none = property === 'category' ? l10n.t('(no category)') : l10n.t('(no MIME type)');
    children.push(node('none', none, { ...base, [property]: null }, without));
  }
  return children;
}

const keyOf = (value: string | number | boolean | DirectRelation): string =>
  typeof value === 'object' ? nodeKeyOf(value) : String(value);

/**
 * The names of the category nodes the groups point to, by key, from one `instances/byids` (a page
 * of groups is at most 1000, one request's worth). A category without a name, or one that is gone,
 * keeps its `space:externalId`.
 */
async function categoryNames(api: NodesBrowseApi, groups: readonly NodeGroupCount[]): Promise<Map<string, string>> {
  const ids = groups.flatMap((g) => (typeof g.value === 'object' ? [g.value] : []));
  if (!ids.length) return new Map();
  const named = await api.retrieveNamedNodes('CogniteFileCategory', ids);
  return new Map(named.flatMap((n) => (n.name ? [[nodeKeyOf(n), n.name] as const] : [])));
}
