import type * as vscode from 'vscode';
import { COMMANDS } from '../command-ids';
import { type Commands } from '../commands/command-types';
import { selectedFiles } from '../tree/selected-files';
import type { ExtensionServices } from '../services';
import type { TreeNode } from '../tree/nodes';
import type { BulkRequest } from './bulk-request';
import { exportFiles, importCsv, type ExportRequest } from './export-import';
import { nodeRequest } from './node-request';
import { bulkEditArgument, isTreeNode } from './command-arguments';

type BulkCommandId =
  | typeof COMMANDS.bulkEdit
  | typeof COMMANDS.bulkEditNodes
  | typeof COMMANDS.resumeBulk
  | typeof COMMANDS.undoBulk
  | typeof COMMANDS.showBulkReport
  | typeof COMMANDS.exportFiles
  | typeof COMMANDS.importCsv;

/** Scripts and tests that already looked pass `{ confirm: false }`; anything else asks. */
export interface ConfirmOption {
  confirm?: boolean;
}

/** Palette and tree-menu commands of bulk actions. */
export function bulkCommands(s: ExtensionServices) {
  const { bulk, view } = s;
  /** On CogniteFile nodes: the selected ones, or every node of the clicked section or group. */
  const nodeEdit = (
    node: TreeNode | undefined,
    selection: readonly TreeNode[] | undefined,
    fallback: readonly TreeNode[],
  ) => {
    const request = nodeRequest(node, selection, fallback);
    return request && bulk.edit(request.request, { nodes: request.nodes });
  };
  /** From the tree's menu: the clicked node and the selection; from the palette: the tree's selection. */
  const records = (node: TreeNode | undefined, selection: readonly TreeNode[] | undefined) =>
    selectedFiles(node, selection, view.selection).map((f) => f.record);
  return {
    /** A request (scripts: target, operations, confirm), or the tree's node and selection. */
    [COMMANDS.bulkEdit]: (arg?: BulkRequest | TreeNode, selection?: readonly TreeNode[]) => {
      const { request, node } = bulkEditArgument(arg);
      if (request) return bulk.edit(request);
      return nodeEdit(node, selection, view.selection) ?? bulk.edit({}, { files: records(node, selection) });
    },
    /** On CogniteFile nodes whatever is clicked or selected: from the palette the wizard asks which nodes. */
    [COMMANDS.bulkEditNodes]: (node?: TreeNode, selection?: readonly TreeNode[]) => {
      const request = nodeRequest(isTreeNode(node) ? node : undefined, selection, view.selection);
      return bulk.edit(request?.request ?? { kind: 'cognite-file' }, { nodes: request?.nodes ?? [] });
    },
    [COMMANDS.resumeBulk]: (options?: ConfirmOption) => bulk.resume(confirmOf(options)),
    [COMMANDS.undoBulk]: (options?: ConfirmOption) => bulk.undo(confirmOf(options)),
    [COMMANDS.showBulkReport]: () => bulk.showReport(),
    /** A request (scripts: format, file), or the tree's node and selection. */
    [COMMANDS.exportFiles]: (arg?: ExportRequest | TreeNode, selection?: readonly TreeNode[]) =>
      arg === undefined || isTreeNode(arg)
        ? exportFiles(s.session(), s.tree, records(arg, selection), {})
        : exportFiles(s.session(), s.tree, [], arg),
    [COMMANDS.importCsv]: (request?: { uri?: vscode.Uri } & ConfirmOption) =>
      importCsv(s.session(), bulk, isObject(request) ? request : {}),
  } satisfies Commands<BulkCommandId>;
}

const isObject = (x: unknown): x is object => typeof x === 'object' && x !== null;
const confirmOf = (options: unknown): ConfirmOption =>
  isObject(options) && 'confirm' in options ? { confirm: (options as ConfirmOption).confirm !== false } : {};
