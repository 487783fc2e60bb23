/**
 * The files view's model when records are saved (src/vscode/tree/files-model.ts, loaded.ts), on plain
 * Node against the emulator over HTTP: a record that left its group (data set, directory, the view's
 * filter) is no longer listed there, the group it entered lists it, the counts of both follow; a save
 * that keeps the record where it is shows the new version in place without loading anything again.
 */
import assert from 'node:assert/strict';
import { StaticTokenProvider } from '../../../../src/cdf/auth/static-token';
import { filesApiOf } from '../../../../src/app/files-api-adapter';
import { CdfClient } from '../../../../src/cdf/client/cdf-client';
import type { FileRecord } from '../../../../src/cdf/model';
import type { FilesApi } from '../../../../src/core/ports';
import { startEmulator, type RunningEmulator } from '../../../../src/emulator';
import { FilesTreeModel } from '../../../../src/vscode/tree/files-model';
import type { Grouping, GroupNode, TreeNode } from '../../../../src/vscode/tree/nodes';

describe('files view model: saved records move between groups', () => {
  let emu: RunningEmulator;
  let api: FilesApi;
  let lists = 0;
  before(async () => {
    emu = await startEmulator({ files: 80, seed: 7 });
    const real = filesApiOf(
      new CdfClient({ baseUrl: emu.baseUrl, project: emu.project, tokenProvider: new StaticTokenProvider(emu.token) }),
    );
    // The real API, counting list requests (to tell a swap in place from a reload).
    api = new Proxy(real, {
      get: (target, key) => {
        const value = Reflect.get(target, key) as unknown;
        if (key === 'listFiles') lists++;
        return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
      },
    });
  });
  after(() => emu.close());

  function model(grouping: Grouping) {
    const changes: (() => void)[] = [];
    const m = new FilesTreeModel(
      () => api,
      { changed: () => changes.splice(0).forEach((c) => c()), reset: () => undefined },
      grouping,
      () => 1000,
    );
    const changed = () => new Promise<void>((resolve) => changes.push(resolve));
    /** The count of a group, once it has come. */
    const countOf = async (node: GroupNode): Promise<number> => {
      const now = m.count(node);
      if (now !== undefined) return now;
      await changed();
      return countOf(node);
    };
    return { m, countOf };
  }

  const groups = async (m: FilesTreeModel) => (await m.children()).filter((n): n is GroupNode => n.kind === 'group');
  const ids = (nodes: TreeNode[]) => nodes.flatMap((n) => (n.kind === 'file' ? [n.record.id] : []));
  const save = async (id: number, update: Parameters<FilesApi['updateFiles']>[0][number]['update']) =>
    (await api.updateFiles([{ id, update }]))[0]!;

  it('a file saved into another data set moves to its group, and both counts follow', async () => {
    const { m, countOf } = model('dataSet');
    const [from, to] = await groups(m);
    const [fromCount, toCount] = [await countOf(from!), await countOf(to!)];
    const moved = ids(await m.children(from))[0]!;
    assert.ok(!ids(await m.children(to)).includes(moved));
    const saved = await save(moved, { dataSetId: { set: Number(to!.id.slice('ds:'.length)) } });
    m.updateRecords([saved]);
    assert.ok(!ids(await m.children(from)).includes(moved), 'left the old data set');
    assert.ok(ids(await m.children(to)).includes(moved), 'listed under the new data set');
    assert.deepEqual([await countOf(from!), await countOf(to!)], [fromCount - 1, toCount + 1]);
  });

  it('a file saved into another directory leaves the old directory group and enters the new one', async () => {
    const { m } = model('directory');
    /** The first directory down from `node` that lists files. */
    const leaf = async (node: GroupNode): Promise<GroupNode> => {
      const children = await m.children(node);
      if (ids(children).length) return node;
      return leaf(children.find((n): n is GroupNode => n.kind === 'group')!);
    };
    const [top1, top2] = await groups(m);
    const [from, to] = [await leaf(top1!), await leaf(top2!)];
    const movedId = ids(await m.children(from)).at(0)!;
    const saved = await save(movedId, { directory: { set: to.directory! } });
    m.updateRecords([saved]);
    assert.ok(!ids(await m.children(from)).includes(movedId), 'left the old directory');
    assert.ok(ids(await m.children(to)).includes(movedId), 'listed in the new directory');
  });

  it('in a filtered view, a file saved with values the filter no longer matches leaves the list', async () => {
    const { m } = model('flat');
    const [first] = (await api.listFiles({ limit: 1 })).items as [FileRecord];
    m.filter = { source: first.source! };
    m.reset();
    assert.ok(ids(await m.children()).includes(first.id));
    const saved = await save(first.id, { source: { set: `${first.source} (moved)` } });
    m.updateRecords([saved]);
    const after = await m.children();
    assert.ok(!ids(after).includes(first.id));
    assert.ok(ids(after).length > 0 || after[0]?.kind === 'message');
  });

  it('a save that keeps the file in its group shows the new version in place, without loading again', async () => {
    const { m } = model('dataSet');
    const [group] = await groups(m);
    const [node] = (await m.children(group)).filter((n) => n.kind === 'file');
    const record = node!.kind === 'file' ? node!.record : undefined;
    const saved = await save(record!.id, { metadata: { add: { note: 'kept in place' } } });
    const before = lists;
    m.updateRecords([saved]);
    const after = (await m.children(group)).find((n) => n.kind === 'file' && n.record.id === record!.id);
    assert.equal(after?.kind === 'file' ? after.record.metadata?.note : undefined, 'kept in place');
    assert.equal(lists, before, 'no list request: the loaded page was kept');
  });
});
