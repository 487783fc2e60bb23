/**
 * Which files a context-menu command of the files view acts on (src/vscode/tree/selected-files.ts):
 * VS Code passes the clicked node and, with a multi-selection, every selected node; the palette
 * passes neither, and the view's selection applies.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { FileNode, TreeNode } from '../../../../src/vscode/tree/nodes';
import { selectedFiles } from '../../../../src/vscode/tree/selected-files';
import { fileRecord } from '../../core/bulk/fixtures';

const file = (id: number): FileNode => ({ kind: 'file', id: `root/f${id}`, record: fileRecord({ id }) });
const group: TreeNode = { kind: 'group', id: 'dir:/a', label: 'a', icon: 'folder', filter: {}, directory: '/a' };
const ids = (nodes: FileNode[]) => nodes.map((n) => n.record.id);

describe('the files a tree command acts on', () => {
  it('a multi-selection wins over the clicked node; the clicked node over the view selection', () => {
    assert.deepEqual(ids(selectedFiles(file(1), [file(1), file(2)], [file(9)])), [1, 2]);
    assert.deepEqual(ids(selectedFiles(file(1), undefined, [file(9)])), [1]);
    assert.deepEqual(ids(selectedFiles(file(1), [], [file(9)])), [1]);
  });

  it('from the palette (no node), the view selection; only files count', () => {
    assert.deepEqual(ids(selectedFiles(undefined, undefined, [file(3), group, file(4)])), [3, 4]);
    assert.deepEqual(ids(selectedFiles(group, undefined)), []);
  });

  it('whatever a script passes as the selection, the answer is files of the selection or the node', () => {
    fc.assert(
      fc.property(fc.anything(), fc.array(fc.integer({ min: 1, max: 50 })), (junk, picked) => {
        const selection = picked.map(file);
        const chosen = selectedFiles(file(99), junk as readonly TreeNode[]);
        assert.ok(chosen.every((n) => n.kind === 'file'));
        assert.deepEqual(ids(selectedFiles(file(99), selection)), picked.length ? picked : [99]);
      }),
    );
  });
});
