// Attack (node bulk job): the kept action's store fails every save. The job still runs (the failure
// is told once per save, not swallowed), and undo in the same window restores exactly what the job
// wrote, on the images the chunks were sent on (a colleague changed one node after the preview).
import assert from 'node:assert/strict';
import { StaticTokenProvider } from '../../../src/cdf/auth/static-token';
import { CdfClient } from '../../../src/cdf/client';
import { nodeKeyOf } from '../../../src/cdf/model';
import { cogniteFileBulkSource } from '../../../src/app';
import { BulkJobs, type BulkOperation, type LoadedAction } from '../../../src/core/bulk';
import { useEmulator } from '../emulator/helpers';

const failingStore = {
  save: () => Promise.reject(new Error('disk full')),
  load: (): Promise<LoadedAction> => Promise.resolve({ kind: 'none' }),
  clear: () => Promise.resolve(),
};

describe('attack: a node bulk job whose action store fails every save', () => {
  const ctx = useEmulator({ files: 200, seed: 22 });

  it('runs, tells the failure, and undo in the same window restores what it wrote', async () => {
    const { baseUrl, project, token } = ctx.emulator;
    const models = new CdfClient({ baseUrl, project, tokenProvider: new StaticTokenProvider(token) }).models;
    const refs = (await models.listFileNodes({ limit: 3 })).items.map((n) => ({
      space: n.space,
      externalId: n.externalId,
    }));
    const keys = refs.map(nodeKeyOf);
    const scope = { ...cogniteFileBulkSource(models), project: { baseUrl, project } };
    const told: unknown[] = [];
    const jobs = new BulkJobs(failingStore, (err) => told.push(err));
    const set = { op: 'set', field: 'directory', value: '/attack/store-fails' } as BulkOperation;
    const originals = await scope.api.retrieve(keys);
    const job = await jobs.planEdit(scope, { kind: 'ids', label: 'three nodes', refs }, [set]);
    const n = ctx.emulator.store.nodes.get(keys[1]!)!;
    const describable = { ...n.data['cdf_cdm/CogniteDescribable'], description: 'colleague before the chunk' };
    ctx.emulator.store.nodes.put({
      ...n,
      version: n.version + 1,
      lastUpdatedTime: n.lastUpdatedTime + 1,
      data: { ...n.data, 'cdf_cdm/CogniteDescribable': describable },
    });
    const report = await jobs.run(job, scope, { chunkSize: 1 });
    assert.equal(report.applied.length, 3);
    assert.ok(told.length > 0, 'the failed save was not told');

    const { job: undoJob } = await jobs.planUndo(scope);
    await jobs.run(undoJob, scope);
    const back = await scope.api.retrieve(keys);
    back.forEach((r, i) => assert.equal(r.directory, originals[i]!.directory, keys[i]));
    assert.equal(back[1]!.description, 'colleague before the chunk');
  });
});
