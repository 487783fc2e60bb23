// Attack (node bulk job): every upsert is applied by the server and then its socket is closed (the
// answer is lost). Promises: no item is reported applied or notSent (the outcome is unknown); Resume
// does not write the nodes again; a colleague then changes another property of one node; Undo
// restores exactly what the job wrote (the tag it added, the directory it set) and keeps the
// colleague's change.
import assert from 'node:assert/strict';
import { StaticTokenProvider } from '../../../src/cdf/auth/static-token';
import { CdfClient } from '../../../src/cdf/client';
import { nodeKeyOf } from '../../../src/cdf/model';
import { cogniteFileBulkSource } from '../../../src/app';
import { BulkJobs, type BulkOperation } from '../../../src/core/bulk';
import { useEmulator } from '../emulator/helpers';
import { MemoryStore } from '../support/memory-action-store';

describe('attack: a node bulk job whose upsert answers are lost, then resume and undo', () => {
  const ctx = useEmulator({ files: 200, seed: 6 });

  it('reports unknown, resume sends nothing again, undo restores what the job wrote and keeps a colleague', async () => {
    const { baseUrl, project, token } = ctx.emulator;
    const models = new CdfClient({ baseUrl, project, tokenProvider: new StaticTokenProvider(token) }).models;
    const refs = (await models.listFileNodes({ limit: 3 })).items.map((n) => ({
      space: n.space,
      externalId: n.externalId,
    }));
    const keys = refs.map(nodeKeyOf);
    const scope = { ...cogniteFileBulkSource(models), project: { baseUrl, project } };
    const jobs = new BulkJobs(new MemoryStore());
    const ops = [
      { op: 'set', field: 'directory', value: '/attack/lost' },
      { op: 'add', field: 'tags', values: ['lost-answer'] },
    ] as BulkOperation[];
    const originals = await scope.api.retrieve(keys);
    const job = await jobs.planEdit(scope, { kind: 'ids', label: 'three nodes', refs }, ops);

    ctx.emulator.setFaults({ routes: { 'POST /models/instances': { dropRate: 1, dropAfterHandling: true } } });
    const report = await jobs.run(job, scope);
    ctx.emulator.setFaults(undefined);
    assert.deepEqual(
      report.items.map((o) => o.outcome),
      ['unknown', 'unknown', 'unknown'],
    );
    const written = await scope.api.retrieve(keys);
    assert.ok(written.every((r) => r.directory === '/attack/lost' && r.tags?.includes('lost-answer')));

    ctx.emulator.requests.length = 0;
    const resume = await jobs.planResume(scope);
    const resumed = await jobs.run(resume, scope);
    const upserts = ctx.emulator.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/models/instances'));
    assert.equal(upserts.length, 0, `resume wrote again: ${JSON.stringify(resumed.items.map((o) => o.outcome))}`);
    const afterResume = await scope.api.retrieve(keys);
    assert.deepEqual(
      afterResume.map((r) => r.tags),
      written.map((r) => r.tags),
    );

    // A colleague changes another property of the first node.
    const colleague = ctx.emulator.store.nodes.get(keys[0]!)!;
    const describable = { ...colleague.data['cdf_cdm/CogniteDescribable'], description: 'colleague was here' };
    ctx.emulator.store.nodes.put({
      ...colleague,
      version: colleague.version + 1,
      lastUpdatedTime: colleague.lastUpdatedTime + 1,
      data: { ...colleague.data, 'cdf_cdm/CogniteDescribable': describable },
    });

    const { job: undoJob } = await jobs.planUndo(scope);
    const undone = await jobs.run(undoJob, scope);
    assert.deepEqual(
      undone.items.map((o) => o.outcome),
      ['applied', 'applied', 'applied'],
    );
    const restored = await scope.api.retrieve(keys);
    restored.forEach((r, i) => {
      assert.equal(r.directory, originals[i]!.directory, `${keys[i]} directory`);
      assert.deepEqual(r.tags, originals[i]!.tags, `${keys[i]} tags`);
    });
    assert.equal(restored[0]!.description, 'colleague was here');
  });
});
