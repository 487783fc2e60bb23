import * as l10n from '@vscode/l10n';
import type { TreeNode } from '../tree/nodes';
import type { BulkRequest } from './bulk-request';

/**
 * The `kind` of every node the files view shows. A request has a `kind` too (its record kind), so
 * "has a kind" does not make a tree node: a request taken for one went to the classic files' wizard,
 * whose first question waited for a person that a script never is.
 */
const TREE_NODE_KINDS: Record<TreeNode['kind'], true> = {
  group: true,
  file: true,
  loadMore: true,
  message: true,
  nodeSection: true,
  nodeGroup: true,
  cogniteFile: true,
};

/** The record kinds a request may name. */
const REQUEST_KINDS: Record<NonNullable<BulkRequest['kind']>, true> = { 'classic-file': true, 'cognite-file': true };
const REQUEST_KEYS: Record<keyof BulkRequest, true> = { kind: true, target: true, operations: true, confirm: true };

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null;
const has = (table: object, key: unknown) => typeof key === 'string' && Object.hasOwn(table, key);

/** A node of the files view (VS Code passes the clicked one to a tree-menu command). */
export const isTreeNode = (x: unknown): x is TreeNode => isObject(x) && has(TREE_NODE_KINDS, x.kind);

/**
 * What `cdfFiles.bulkEdit` was given: a request (scripts, tests), the files view's clicked node, or
 * nothing (the palette). A request naming a record kind there is not is refused here, before any
 * question, instead of running on classic files.
 */
export function bulkEditArgument(arg: unknown): { request?: BulkRequest; node?: TreeNode } {
  if (isTreeNode(arg)) return { node: arg };
  if (!isObject(arg) || !Object.keys(arg).some((k) => has(REQUEST_KEYS, k))) return {};
  if (arg.kind !== undefined && !has(REQUEST_KINDS, arg.kind))
    throw new Error(l10n.t('Bulk actions run on "classic-file" or "cognite-file", not {0}', JSON.stringify(arg.kind)));
  return { request: arg };
}
