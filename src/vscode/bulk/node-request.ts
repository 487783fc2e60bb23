import type { DirectRelation } from '../../cdf/model';
import { toInstanceFilter } from '../../core/browse';
import type { TreeNode } from '../tree/nodes';
import type { BulkRequest } from './bulk-request';

/**
 * What a bulk edit from the tree acts on when it is about CogniteFile nodes: the selected nodes (the
 * wizard offers them first), every node of a clicked space, directory, category or MIME type group
 * (its filter), or every node the section shows. `undefined` when the tree command is about classic files.
 */
export function nodeRequest(
  node: TreeNode | undefined,
  selection: readonly TreeNode[] | undefined,
  fallback: readonly TreeNode[],
): { request: BulkRequest; nodes: DirectRelation[] } | undefined {
  const given: readonly TreeNode[] =
    Array.isArray(selection) && selection.length ? selection : node ? [node] : fallback;
  const nodes = given.flatMap((n) =>
    n.kind === 'cogniteFile' ? [{ space: n.node.space, externalId: n.node.externalId }] : [],
  );
  if (nodes.length) return { request: { kind: 'cognite-file' }, nodes };
  if (node?.kind === 'nodeSection') return { request: { kind: 'cognite-file', target: 'view' }, nodes: [] };
  if (node?.kind !== 'nodeGroup') return undefined;
  const filter = toInstanceFilter(node.filter) ?? { matchAll: {} };
  return { request: { kind: 'cognite-file', target: { kind: 'filter', label: node.label, filter } }, nodes: [] };
}
