// Attack (node bulk job, planned chunks): between the preview and the job's chunk, a colleague
// deletes a node and makes it again under its key (a new createdTime, version 1, other values).
// Promise: a node deleted and made again under its key is never written: the node the preview
// showed is gone (reported missing), the new one is another node the user never previewed.
import assert from 'node:assert/strict';
import { StaticTokenProvider } from '../../../src/cdf/auth/static-token';
import { CdfClient } from '../../../src/cdf/client';
import { nodeKeyOf } from '../../../src/cdf/model';
import { cogniteFileBulkSource } from '../../../src/app';
import { BulkJobs, type BulkOperation } from '../../../src/core/bulk';
import { useEmulator } from '../emulator/helpers';
import { MemoryStore } from '../support/memory-action-store';

describe('attack: a node deleted and made again between the preview and its chunk', () => {
  const ctx = useEmulator({ files: 200, seed: 18 });

  it('is not written and is reported missing; its neighbour is applied', async () => {
    const { baseUrl, project, token } = ctx.emulator;
    const models = new CdfClient({ baseUrl, project, tokenProvider: new StaticTokenProvider(token) }).models;
    const refs = (await models.listFileNodes({ limit: 2 })).items.map((n) => ({
      space: n.space,
      externalId: n.externalId,
    }));
    const [rebornKey] = refs.map(nodeKeyOf) as [string, string];
    const scope = { ...cogniteFileBulkSource(models), project: { baseUrl, project } };
    const jobs = new BulkJobs(new MemoryStore());
    const set = { op: 'set', field: 'directory', value: '/attack/after-preview' } as BulkOperation;
    const job = await jobs.planEdit(scope, { kind: 'ids', label: 'two nodes', refs }, [set]);

    const nodes = ctx.emulator.store.nodes;
    const old = nodes.get(rebornKey)!;
    assert.ok(nodes.delete(rebornKey));
    const describable = { ...old.data['cdf_cdm/CogniteDescribable'], description: 'a new node' };
    nodes.put({
      ...old,
      version: 1,
      createdTime: old.createdTime + 60_000,
      lastUpdatedTime: old.lastUpdatedTime + 60_000,
      data: { ...old.data, 'cdf_cdm/CogniteDescribable': describable },
    });

    const report = await jobs.run(job, scope);
    const [now] = await scope.api.retrieve([rebornKey]);
    assert.notEqual(now!.directory, '/attack/after-preview', 'the job wrote the node made again');
    const first = report.items[0]!;
    assert.ok(first.outcome === 'failed' && first.failure.reason === 'missing', JSON.stringify(first).slice(0, 300));
    assert.equal(report.items[1]!.outcome, 'applied');
  });
});
