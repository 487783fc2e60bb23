/**
 * The files view's model (src/vscode/tree/files-model.ts) on plain Node against the emulator over
 * HTTP. A group's count is asked for lazily and may come back after the user changed the filter:
 * a count of the old filter must never show under the new one (group ids like `ds:7` are the same
 * under both).
 */
import assert from 'node:assert/strict';
import { StaticTokenProvider } from '../../../../src/cdf/auth/static-token';
import { CdfClient } from '../../../../src/cdf/client/cdf-client';
import { filesApiOf } from '../../../../src/app/files-api-adapter';
import type { FilesApi } from '../../../../src/core/ports';
import { startEmulator, type RunningEmulator } from '../../../../src/emulator';
import { FilesTreeModel } from '../../../../src/vscode/tree/files-model';
import type { GroupNode, TreeNode } from '../../../../src/vscode/tree/nodes';

const SLOW_MS = 300;

describe('files view model against the emulator', () => {
  let emu: RunningEmulator;
  let api: FilesApi;
  before(async () => {
    emu = await startEmulator({ files: 300, seed: 4 });
    api = filesApiOf(
      new CdfClient({ baseUrl: emu.baseUrl, project: emu.project, tokenProvider: new StaticTokenProvider(emu.token) }),
    );
  });
  afterEach(() => emu.setFaults(undefined));
  after(() => emu.close());

  /** A model, and a way to wait for a node to change. */
  function model() {
    const waiting: { id: string; resolve: () => void }[] = [];
    const m = new FilesTreeModel(
      () => api,
      {
        changed: (node: TreeNode | undefined) => {
          for (const w of waiting.splice(0)) if (!node || node.id === w.id) w.resolve();
        },
        reset: () => undefined,
      },
      'dataSet',
    );
    const changeOf = (id: string) => new Promise<void>((resolve) => waiting.push({ id, resolve }));
    return { m, changeOf };
  }

  const groups = async (m: FilesTreeModel) => (await m.children()).filter((n): n is GroupNode => n.kind === 'group');

  it('a count that comes back after the filter changed does not show under the new filter', async () => {
    const { m, changeOf } = model();
    const [group] = await groups(m);
    assert.ok(group);
    const pdf = { mimeType: 'application/pdf' };
    const all = await api.countFiles({ filter: group.countFilter });
    const pdfs = await api.countFiles({ filter: { ...pdf, dataSetIds: group.filter.dataSetIds } });
    assert.notEqual(all, pdfs, 'the two filters count differently');

    emu.setFaults({ routes: { 'POST /files/aggregate': { latencyMs: SLOW_MS } } });
    assert.equal(m.count(group), undefined, 'asked for, not known yet');
    m.filter = pdf;
    m.reset();
    const [again] = await groups(m);
    assert.equal(again?.id, group.id, 'the same group id under the new filter');
    await new Promise((resolve) => setTimeout(resolve, SLOW_MS * 2)); // the old count has landed by now

    const shown = m.count(again);
    assert.notEqual(shown, all, 'the old filter count shows under the new filter');
    const changed = changeOf(again.id);
    await changed;
    assert.equal(m.count(again), pdfs);
  });

  it('a reset drops the loaded pages: the new filter lists only its files', async () => {
    const { m } = model();
    m.grouping = 'flat';
    const before = (await m.children()).filter((n) => n.kind === 'file');
    assert.ok(before.length > 0);
    m.filter = { mimeType: 'application/pdf' };
    m.reset();
    const after = await m.children();
    for (const n of after) if (n.kind === 'file') assert.equal(n.record.mimeType, 'application/pdf');
  });
});
