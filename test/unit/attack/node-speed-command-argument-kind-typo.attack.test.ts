// Attack (bulk command arguments, src/vscode/bulk/command-arguments.ts): `cdfFiles.bulkEdit` tells a
// script's request from the files view's clicked node by `kind` alone. A script's request whose
// `kind` is a tree node's kind ("cogniteFile", the camelCase of "cognite-file"; or "file") but which
// plainly is a request (it has `target` and `operations`) is taken for a tree node: the command then
// reads `node.space` of a node that has no `node` (TypeError from nodeRequest) or opens the classic
// wizard with no files, whose first question waits for a person a script never is. The module's own
// rule: "A request naming a record kind there is not is refused here, before any question".
// Expected: such an argument is refused with a clear error naming the kinds, or taken as a request;
// never returned as a tree node. And an array (a hostile or mistaken argument) is refused, not
// silently turned into "nothing given" (the palette's interactive wizard).
import assert from 'node:assert/strict';
import { bulkEditArgument } from '../../../src/vscode/bulk/command-arguments';
import { nodeRequest } from '../../../src/vscode/bulk/node-request';

const target = { kind: 'ids', label: 'two nodes', refs: [{ space: 'plant_a_documents', externalId: 'f1' }] };
const operations = [{ op: 'add', field: 'tags', values: ['x'] }];

describe('attack: a script request with a tree node kind is not taken for a tree node', () => {
  for (const kind of ['cogniteFile', 'file', 'group'])
    it(`kind ${JSON.stringify(kind)} with target and operations`, () => {
      let result: ReturnType<typeof bulkEditArgument> | undefined;
      try {
        result = bulkEditArgument({ kind, target, operations, confirm: false });
      } catch (err) {
        assert.match(String(err), /cognite-file/, 'a refusal names the kinds a request may have');
        return;
      }
      assert.equal(result.node, undefined, `taken for a tree node: ${JSON.stringify(result)}`);
    });

  it('the tree node it was taken for does not crash the node request with a TypeError', () => {
    // A refusal (the header's first expected answer) is not a tree node either.
    let node: ReturnType<typeof bulkEditArgument>['node'];
    try {
      node = bulkEditArgument({ kind: 'cogniteFile', target, operations }).node;
    } catch (err) {
      assert.match(String(err), /cognite-file/, 'a refusal names the kinds a request may have');
      return;
    }
    if (!node) return;
    assert.doesNotThrow(() => nodeRequest(node, undefined, []), 'nodeRequest reads node.node.space of a request');
  });

  it('an array argument is refused, not read as "nothing given" (which asks a person)', () => {
    assert.throws(() => bulkEditArgument([{ kind: 'cognite-file', target, operations }]));
  });
});
