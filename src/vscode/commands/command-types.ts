import type * as vscode from 'vscode';
import type { CommandId } from '../command-ids';
import { registerCommand } from '../command-runner';
import type { TreeNode } from '../tree/nodes';

/**
 * The handlers of a group of commands, by id, each with the arguments it is declared to take (as
 * vscode-codeql types its commands). A context-menu command of the files view gets the clicked node
 * and, with a multi-selection, every selected node ({@link TreeSelection}); the palette passes none.
 */
export type Commands<Id extends CommandId = CommandId> = { readonly [K in Id]: (...args: never[]) => unknown };

/** What VS Code passes a command run from the files view's context menu. */
export type TreeSelection = [node?: TreeNode, selection?: readonly TreeNode[]];

/** Registers every handler of `commands` through the one error wrapper. */
export function registerCommands(commands: Commands, log: vscode.LogOutputChannel): vscode.Disposable[] {
  return Object.entries(commands).map(([id, handler]) =>
    // VS Code hands a command unknown arguments; the declared types are the contract with the
    // menus, the palette and scripts, and each handler checks what can come from more than one.
    registerCommand(id as CommandId, log, handler as (...args: unknown[]) => unknown),
  );
}
