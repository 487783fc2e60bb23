import type { FileNode, TreeNode } from './nodes';

/**
 * The files a tree command acts on: every selected node of a multi-selection, else the clicked
 * node, else (from the palette or a title-bar button) what `fallback` says (the view's selection).
 */
export function selectedFiles(
  node: TreeNode | undefined,
  selection: readonly TreeNode[] | undefined,
  fallback: readonly TreeNode[] = [],
): FileNode[] {
  // Scripts may pass anything: only an array is a selection.
  const given: readonly unknown[] = Array.isArray(selection) && selection.length ? selection : node ? [node] : fallback;
  return given.filter(isFileNode);
}

const isFileNode = (n: unknown): n is FileNode =>
  typeof n === 'object' && n !== null && (n as Partial<FileNode>).kind === 'file';
