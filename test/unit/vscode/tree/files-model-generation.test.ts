/**
 * Every async answer of the files view's model is checked against the generation it was asked
 * under (src/vscode/tree/files-model.ts): a name search or a group's files asked before the user
 * changed the filter, and answered after, is never handed out as the new filter's answer. The API
 * here holds its answers until the test releases them (the order is the point, not CDF).
 */
import assert from 'node:assert/strict';
import type { FileFilter, FileRecord } from '../../../../src/cdf/model';
import type { FilesApi } from '../../../../src/core/ports';
import { FilesTreeModel } from '../../../../src/vscode/tree/files-model';
import type { GroupNode, TreeNode } from '../../../../src/vscode/tree/nodes';

const rec = (id: number, source: string): FileRecord => ({
  id,
  name: `${source}-${id}.pdf`,
  source,
  dataSetId: 7,
  createdTime: 1,
  lastUpdatedTime: 1,
  uploaded: true,
});

/** An API whose answers for source "A" wait for `release()`; other answers come at once. */
function heldApi() {
  const held: (() => void)[] = [];
  const answer = <T>(filter: FileFilter | undefined, value: T): Promise<T> =>
    filter?.source === 'A' ? new Promise((resolve) => held.push(() => resolve(value))) : Promise.resolve(value);
  const items = (filter?: FileFilter) => [rec(filter?.source === 'A' ? 1 : 2, filter?.source ?? 'none')];
  const api = {
    listFiles: (req: { filter?: FileFilter }) => answer(req.filter, { items: items(req.filter) }),
    searchFiles: (req: { filter?: FileFilter }) => answer(req.filter, items(req.filter)),
    countFiles: () => Promise.resolve(1),
    listDataSets: () => Promise.resolve([{ id: 7, name: 'seven' }]),
  } as unknown as FilesApi;
  return { api, release: () => held.splice(0).forEach((r) => r()) };
}

const sources = (nodes: TreeNode[]) => nodes.flatMap((n) => (n.kind === 'file' ? [n.record.source] : []));

describe('files view model: answers of an older generation', () => {
  it('a name search answered after the filter changed answers for the new filter', async () => {
    const { api, release } = heldApi();
    const model = new FilesTreeModel(() => api, { changed: () => undefined, reset: () => undefined }, 'flat');
    model.search = 'pump';
    model.filter = { source: 'A' };
    model.reset();
    const old = model.children();
    model.filter = { source: 'B' };
    model.reset();
    release();
    assert.deepEqual(sources(await old), ['B']);
  });

  it("a group's files asked before a reset come back empty; the new group lists the new filter's files", async () => {
    const { api, release } = heldApi();
    const model = new FilesTreeModel(() => api, { changed: () => undefined, reset: () => undefined }, 'dataSet');
    model.filter = { source: 'A' };
    model.reset();
    const [group] = (await model.children()) as GroupNode[];
    const old = model.children(group);
    model.filter = { source: 'B' };
    model.reset();
    release();
    assert.deepEqual(await old, []);
    const [fresh] = (await model.children()) as GroupNode[];
    assert.deepEqual(sources(await model.children(fresh)), ['B']);
    assert.deepEqual(fresh!.filter, { source: 'B', dataSetIds: [{ id: 7 }] });
  });
});
