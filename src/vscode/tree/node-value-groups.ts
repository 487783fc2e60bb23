import * as l10n from '@vscode/l10n';
import type { NodesBrowseApi } from '../../app';
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
  const rows = groups
    .map((g) => ({ value: g.value, count: g.count, label: labelOf(g.value) }))
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
    node(r.label, r.label, { ...base, [property]: r.value }, r.count, property === 'category' ? r.label : undefined),
  );
  // A list property would put a node in several groups; these are single values, so the rest have none.
  if (without > 0) {
    const none = property === 'category' ? l10n.t('(no category)') : l10n.t('(no MIME type)');
    children.push(node('none', none, { ...base, [property]: null }, without));
  }
  return children;
}

const labelOf = (value: string | number | boolean | DirectRelation): string =>
  typeof value === 'object' ? nodeKeyOf(value) : String(value);
