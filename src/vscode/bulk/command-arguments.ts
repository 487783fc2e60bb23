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

/** `value` as a person reads it in an error; never throws (a BigInt or a cycle has no JSON). */
function shown(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return typeof value === 'bigint' ? `${value}n` : String(value);
  }
}

/**
 * What `cdfFiles.bulkEdit` was given: a request (scripts, tests), the files view's clicked node, or
 * nothing (the palette). Something with a `target` or `operations` is a script's request whatever
 * its `kind` (no tree node has either): a kind there is not ("cogniteFile", "file") is refused here,
 * before any question, instead of being taken for a tree node or running on classic files. A list
 * is refused too: read as "nothing given" it would open the wizard, whose questions a script never
 * answers.
 */
export function bulkEditArgument(arg: unknown): { request?: BulkRequest; node?: TreeNode } {
  if (Array.isArray(arg))
    throw new Error(l10n.t('A bulk action request is one object with target and operations, not a list.'));
  const scripted = isObject(arg) && ('target' in arg || 'operations' in arg);
  if (!scripted && isTreeNode(arg)) return { node: arg };
  if (!isObject(arg) || !Object.keys(arg).some((k) => has(REQUEST_KEYS, k))) return {};
  if (arg.kind !== undefined && !has(REQUEST_KINDS, arg.kind))
    throw new Error(l10n.t('Bulk actions run on "classic-file" or "cognite-file", not {0}', shown(arg.kind)));
  return { request: arg };
}
