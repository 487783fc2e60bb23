import type * as vscode from 'vscode';
import type { FileRecord } from '../../cdf/model';
import { COMMANDS } from '../command-ids';
import { registerCommand } from '../command-runner';
import type { Sessions } from '../sessions';
import type { FilesTreeProvider } from '../tree/files-tree';
import type { TreeNode } from '../tree/nodes';
import type { BulkController, BulkRequest } from './bulk-controller';
import { exportFiles, importCsv } from './export-import';

/** Palette and tree-menu commands of bulk actions. */
export function registerBulkCommands(
  bulk: BulkController,
  tree: FilesTreeProvider,
  sessions: Sessions,
  log: vscode.LogOutputChannel,
  view: vscode.TreeView<TreeNode>,
): vscode.Disposable[] {
  /** From the tree's menu: the clicked node and the selection; from the palette: the tree's selection. */
  const selectedRecords = (node: unknown, nodes: unknown): FileRecord[] => {
    const given = (Array.isArray(nodes) && nodes.length ? nodes : node ? [node] : view.selection) as readonly (
      TreeNode | undefined
    )[];
    return given.flatMap((n) => (n?.kind === 'file' ? [n.record] : []));
  };
  const isRequest = (x: unknown): x is BulkRequest =>
    typeof x === 'object' && x !== null && !('kind' in x) && ('target' in x || 'operations' in x);

  return [
    registerCommand(COMMANDS.bulkEdit, log, (arg, nodes) =>
      isRequest(arg) ? bulk.edit(arg) : bulk.edit({}, selectedRecords(arg, nodes)),
    ),
    registerCommand(COMMANDS.resumeBulk, log, (arg) => bulk.resume(confirmOption(arg))),
    registerCommand(COMMANDS.undoBulk, log, (arg) => bulk.undo(confirmOption(arg))),
    registerCommand(COMMANDS.showBulkReport, log, () => bulk.showReport()),
    registerCommand(COMMANDS.exportFiles, log, (arg, nodes) =>
      exportFiles(sessions, tree, selectedRecords(arg, nodes), arg),
    ),
    registerCommand(COMMANDS.importCsv, log, (arg) => importCsv(sessions, bulk, arg)),
  ];
}

/** Scripts and tests that already looked pass `{ confirm: false }`; anything else asks. */
const confirmOption = (arg: unknown): { confirm?: boolean } =>
  typeof arg === 'object' && arg !== null && 'confirm' in arg
    ? { confirm: (arg as { confirm?: unknown }).confirm !== false }
    : {};
