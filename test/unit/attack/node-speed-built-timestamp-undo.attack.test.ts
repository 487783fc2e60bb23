// Attack (issue 14 speed work on issue 12's bulk): the report's records of an applied chunk are now
// built from the node read before, what was sent and the slim answer (node-written.ts) instead of a
// read back. A timestamp is written as the user typed it ("2024-05-01T12:00:00Z", valid ISO 8601
// that the bulk action accepts), but CDF stores and returns it normalised
// ("2024-05-01T12:00:00.000+00:00"). The built record keeps the typed text, so the report's records
// (which refresh the open views) differ from what CDF holds, and the action's after-image does too:
// undo then sees every node "changed since the action" and restores none of them.
// Expected: the report's records equal a read of the nodes; undo restores all three.
import assert from 'node:assert/strict';
import { StaticTokenProvider } from '../../../src/cdf/auth/static-token';
import { CdfClient } from '../../../src/cdf/client';
import { nodeKeyOf } from '../../../src/cdf/model';
import { cogniteFileBulkSource } from '../../../src/app';
import { appliedRecords, BulkJobs, type BulkOperation } from '../../../src/core/bulk';
import { useEmulator } from '../emulator/helpers';
import { MemoryStore } from '../support/memory-action-store';

describe('attack: a bulk timestamp typed with "Z" is reported and undone as CDF holds it', () => {
  const ctx = useEmulator({ files: 200, seed: 7 });

  it('the report records equal a read-back, and undo restores every node', async () => {
    const { baseUrl, project, token } = ctx.emulator;
    const models = new CdfClient({ baseUrl, project, tokenProvider: new StaticTokenProvider(token) }).models;
    const refs = (await models.listFileNodes({ limit: 3 })).items.map((n) => ({
      space: n.space,
      externalId: n.externalId,
    }));
    const scope = { ...cogniteFileBulkSource(models), project: { baseUrl, project } };
    const jobs = new BulkJobs(new MemoryStore());
    const set = { op: 'set', field: 'sourceCreatedTime', value: '2024-05-01T12:00:00Z' } as BulkOperation;
    const job = await jobs.planEdit(scope, { kind: 'ids', label: 'three nodes', refs }, [set]);
    const report = await jobs.run(job, scope);
    assert.deepEqual(
      report.items.map((i) => i.outcome),
      ['applied', 'applied', 'applied'],
    );

    const held = await scope.api.retrieve(refs.map(nodeKeyOf));
    const reported = appliedRecords(report);
    assert.deepEqual(
      reported.map((r) => r.sourceCreatedTime),
      held.map((r) => r.sourceCreatedTime),
      'the report says the nodes hold a timestamp text CDF does not return',
    );

    const { undo } = await jobs.planUndo(scope);
    assert.deepEqual(
      undo.conflicts.map((c) => c.key),
      [],
      `undo takes the action's own write for someone else's: ${JSON.stringify(undo.conflicts[0]?.changes)}`,
    );
    assert.equal(undo.items.length, 3);
  });
});
