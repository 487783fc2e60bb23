// Attack (node bulk job, undo): the action set a node's directory; then a colleague deleted that node
// and made it again under its key (a new createdTime: another node, which happens to hold the same
// directory, as a re-ingest copying the current values would). Undo restores "exactly what the job
// changed": the node the job changed is gone, so undo must leave the new one alone and say it was
// deleted since, as it does for a node deleted and not made again. Before the fix, undo compared
// properties only and wrote the old node's directory onto the new node.
import assert from 'node:assert/strict';
import { StaticTokenProvider } from '../../../src/cdf/auth/static-token';
import { CdfClient } from '../../../src/cdf/client';
import { nodeKeyOf } from '../../../src/cdf/model';
import { cogniteFileBulkSource } from '../../../src/app';
import { BulkJobs, type BulkOperation } from '../../../src/core/bulk';
import { useEmulator } from '../emulator/helpers';
import { MemoryStore } from '../support/memory-action-store';

describe('attack: undo of a node bulk action never writes a node made again under its key', () => {
  const ctx = useEmulator({ files: 200, seed: 9 });

  it('the node made again keeps its values; the other node is restored', async () => {
    const { baseUrl, project, token } = ctx.emulator;
    const models = new CdfClient({ baseUrl, project, tokenProvider: new StaticTokenProvider(token) }).models;
    const refs = (await models.listFileNodes({ limit: 2 })).items.map((n) => ({
      space: n.space,
      externalId: n.externalId,
    }));
    const [rebornKey, keptKey] = refs.map(nodeKeyOf) as [string, string];
    const scope = { ...cogniteFileBulkSource(models), project: { baseUrl, project } };
    const jobs = new BulkJobs(new MemoryStore());
    const set = { op: 'set', field: 'directory', value: '/attack/made-again' } as BulkOperation;
    const job = await jobs.planEdit(scope, { kind: 'ids', label: 'two nodes', refs }, [set]);
    const [before] = await scope.api.retrieve([rebornKey]);
    const report = await jobs.run(job, scope);
    assert.deepEqual(
      report.items.map((i) => i.outcome),
      ['applied', 'applied'],
    );

    // The colleague deletes the node and makes it again with what it holds now (a new node).
    const nodes = ctx.emulator.store.nodes;
    const old = nodes.get(rebornKey)!;
    assert.ok(nodes.delete(rebornKey));
    nodes.put({
      ...old,
      version: 1,
      createdTime: old.createdTime + 60_000,
      lastUpdatedTime: old.lastUpdatedTime + 60_000,
    });
    const [made] = await scope.api.retrieve([rebornKey]);
    assert.equal(made!.directory, '/attack/made-again');
    assert.notEqual(made!.createdTime, before!.createdTime);

    const { undo, job: undoJob } = await jobs.planUndo(scope);
    const restored = undo.items.map((i) => nodeKeyOf(i as { space: string; externalId: string }));
    assert.deepEqual(restored, [keptKey], 'undo plans to write the node made again, which the action never changed');
    await jobs.run(undoJob, scope);
    const [after] = await scope.api.retrieve([rebornKey]);
    assert.equal(after!.directory, '/attack/made-again', "undo wrote the old node's directory onto the new node");
    const [kept] = await scope.api.retrieve([keptKey]);
    assert.notEqual(kept!.directory, '/attack/made-again', 'the node the action changed is restored');
  });
});
