// Attack (node bulk job, planned chunks): the kept action's store is slow (every save takes 40 ms),
// and a colleague changed most nodes between the preview and their chunk. Promise: a node's
// before-image as its chunk read it is in the store before its upsert is answered (saved before the
// chunk is sent), so undo after a window reload still restores what the node held just before the
// job wrote, and keeps nothing of the preview's stale image.
import assert from 'node:assert/strict';
import { StaticTokenProvider } from '../../../src/cdf/auth/static-token';
import { CdfClient } from '../../../src/cdf/client';
import { nodeKeyOf } from '../../../src/cdf/model';
import { cogniteFileBulkSource } from '../../../src/app';
import { BulkJobs, type BulkActionRecord, type BulkOperation, type LoadedAction } from '../../../src/core/bulk';
import type { CogniteFileRecord } from '../../../src/core/records';
import type { RecordedRequest } from '../../../src/emulator';
import { useEmulator } from '../emulator/helpers';

type Ref = { space: string; externalId: string };

/** A store whose saves take a while; each completed save leaves a copy of the before-images. */
class SlowStore {
  saved: BulkActionRecord | undefined;
  readonly snapshots: Map<string, string | undefined>[] = [];
  async save(record: BulkActionRecord) {
    const copy = new Map(
      [...record.entries].map(([k, e]) => [k, (e.before as CogniteFileRecord).description] as const),
    );
    await new Promise((r) => setTimeout(r, 40));
    this.snapshots.push(copy);
    this.saved = record;
  }
  load(): Promise<LoadedAction> {
    return Promise.resolve(this.saved ? { kind: 'found', record: this.saved } : { kind: 'none' });
  }
  clear() {
    this.saved = undefined;
    return Promise.resolve();
  }
}

describe('attack: a slow action store and nodes changed since the preview', () => {
  let onRequest: (r: RecordedRequest) => void = () => undefined;
  const ctx = useEmulator({ files: 300, seed: 12, onRequest: (r) => onRequest(r) });

  it('each node’s fresh before-image is saved before its upsert is answered', async () => {
    const { baseUrl, project, token } = ctx.emulator;
    const models = new CdfClient({ baseUrl, project, tokenProvider: new StaticTokenProvider(token) }).models;
    const refs: Ref[] = (await models.listFileNodes({ limit: 8 })).items.map((n) => ({
      space: n.space,
      externalId: n.externalId,
    }));
    const keys = refs.map(nodeKeyOf);
    const scope = { ...cogniteFileBulkSource(models), project: { baseUrl, project } };
    const store = new SlowStore();
    const jobs = new BulkJobs(store);
    const set = { op: 'set', field: 'directory', value: '/attack/slow-store' } as BulkOperation;
    const job = await jobs.planEdit(scope, { kind: 'ids', label: 'eight nodes', refs }, [set]);

    // A colleague changes every node but the first two after the preview.
    for (const key of keys.slice(2)) {
      const n = ctx.emulator.store.nodes.get(key)!;
      const describable = { ...n.data['cdf_cdm/CogniteDescribable'], description: `colleague ${key}` };
      ctx.emulator.store.nodes.put({
        ...n,
        version: n.version + 1,
        lastUpdatedTime: n.lastUpdatedTime + 1,
        data: { ...n.data, 'cdf_cdm/CogniteDescribable': describable },
      });
    }
    const late: string[] = [];
    onRequest = (r) => {
      if (r.method !== 'POST' || !r.path.endsWith('/models/instances')) return;
      const saved = store.snapshots.at(-1);
      for (const key of ((r.body as { items: Ref[] }).items ?? []).map(nodeKeyOf)) {
        const expected = keys.indexOf(key) >= 2 ? `colleague ${key}` : undefined;
        const kept = saved?.get(key);
        if (!saved?.has(key) || (expected !== undefined && kept !== expected)) late.push(`${key}: kept ${kept}`);
      }
    };
    const report = await jobs.run(job, scope, { chunkSize: 2 });
    onRequest = () => undefined;
    assert.equal(report.applied.length, 8);
    assert.deepEqual(late, [], 'an upsert was answered before its fresh before-image was saved');

    // After a reload (a new BulkJobs on the same store), undo restores the colleague's values.
    const reloaded = new BulkJobs(store);
    await reloaded.recallLast();
    const { job: undoJob } = await reloaded.planUndo(scope);
    await reloaded.run(undoJob, scope);
    const back = await scope.api.retrieve(keys);
    back.forEach((r, i) => {
      assert.notEqual(r.directory, '/attack/slow-store', `${keys[i]} not restored`);
      if (i >= 2) assert.equal(r.description, `colleague ${keys[i]}`);
    });
  });
});
