/**
 * What `cdfFiles.bulkEdit` was given (src/vscode/bulk/command-arguments.ts): a script's request, or
 * the files view's clicked node. A request names its record kind (`kind: 'cognite-file'`) and a
 * tree node has a `kind` too; a request taken for a node went to the classic files' wizard, whose
 * first question waited for a person that a script or a test never is (the editor "hung").
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { bulkEditArgument, isTreeNode } from '../../../../src/vscode/bulk/command-arguments';
import type { TreeNode } from '../../../../src/vscode/tree/nodes';
import { fileRecord } from '../../core/bulk/fixtures';

const filter = { kind: 'filter' as const, label: 'the nodes of a', filter: { matchAll: {} } };
const operations = [{ op: 'add' as const, field: 'tags', values: ['x'] }];

const treeNodes: TreeNode[] = [
  { kind: 'file', id: 'root/f1', record: fileRecord({ id: 1 }) },
  { kind: 'group', id: 'dir:/a', label: 'a', icon: 'folder', filter: {} },
  { kind: 'loadMore', id: 'more', parentId: 'root' },
  { kind: 'message', id: 'm', label: 'nothing here' },
  { kind: 'nodeSection', id: 'cdm', count: 3 },
  { kind: 'nodeGroup', id: 'cdm/s', label: 's', icon: 'symbol-namespace', filter: { spaces: ['s'] } },
];

describe('what the bulk edit command was given', () => {
  it('a request naming the CogniteFile kind is a request, not a tree node', () => {
    const request = { kind: 'cognite-file' as const, target: filter, operations, confirm: false };
    assert.deepEqual(bulkEditArgument(request), { request });
    assert.equal(isTreeNode(request), false);
  });

  it('a request of classic files, with or without its kind, is a request', () => {
    assert.deepEqual(bulkEditArgument({ kind: 'classic-file', operations }), {
      request: { kind: 'classic-file', operations },
    });
    assert.deepEqual(bulkEditArgument({ confirm: false }), { request: { confirm: false } });
  });

  it('every node the files view shows is a node; nothing given is neither', () => {
    for (const node of treeNodes) assert.deepEqual(bulkEditArgument(node), { node }, node.kind);
    assert.deepEqual(bulkEditArgument(undefined), {});
  });

  it('a request naming a record kind that does not exist is refused with the kinds there are', () => {
    assert.throws(
      () => bulkEditArgument({ kind: 'cognite-files', target: filter }),
      /Bulk actions run on "classic-file" or "cognite-file", not "cognite-files"/,
    );
  });

  it('any request of either kind stays a request, whatever else it holds', () => {
    fc.assert(
      fc.property(
        fc.record(
          {
            kind: fc.constantFrom('classic-file', 'cognite-file'),
            target: fc.constantFrom(filter, 'view'),
            operations: fc.constant(operations),
            confirm: fc.boolean(),
          },
          { requiredKeys: [] },
        ),
        (request) => {
          fc.pre(Object.keys(request).length > 0);
          assert.deepEqual(bulkEditArgument(request), { request });
        },
      ),
    );
  });
});

describe('what the bulk edit command refuses before any question', () => {
  const kinds = ['group', 'file', 'loadMore', 'message', 'nodeSection', 'nodeGroup', 'cogniteFile'];

  it('a request (target or operations) with any kind but the two record kinds is refused, never a tree node', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.constantFrom(...kinds), fc.string(), fc.integer(), fc.constant(null)),
        fc.boolean(),
        (kind, withTarget) => {
          fc.pre(kind !== 'classic-file' && kind !== 'cognite-file');
          const arg = withTarget ? { kind, target: filter, operations } : { kind, operations };
          assert.throws(() => bulkEditArgument(arg), /Bulk actions run on "classic-file" or "cognite-file", not /);
        },
      ),
    );
  });

  it('a BigInt kind gets the same clear sentence, not a TypeError of JSON', () => {
    assert.throws(
      () => bulkEditArgument({ kind: 10n, target: filter, operations }),
      /Bulk actions run on "classic-file" or "cognite-file", not 10n/,
    );
  });

  it('a list is refused, not read as nothing given (which opens the wizard)', () => {
    assert.throws(() => bulkEditArgument([]), /not a list/);
    assert.throws(() => bulkEditArgument([{ kind: 'cognite-file', target: filter, operations }]), /not a list/);
  });
});
