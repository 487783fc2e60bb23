// Attack (issue 12, bulk): a chunk's upsert is refused 409 because a colleague wrote one node of it
// (A); before the client reads the chunk back to find which node is stale, the colleague deletes A.
// `staleNodesOf` (cdf/client/dms-conflict.ts) then finds no node newer than sent and falls back to
// naming EVERY item of the chunk; node-update-many.ts fails them all as 'conflict', and
// resend-conflicts.ts adds each to `rewritten`, so the report says the untouched neighbours B and C
// "changed in CDF while this action sent them (version conflict)". Issue 12: "a node changed by
// someone else meanwhile is re-read and re-planned ... and the report says so": it must not say so
// of nodes nobody changed. Expected: B and C applied and not named as changed by someone else; A
// reported as deleted, not re-created.
import assert from 'node:assert/strict';
import { StaticTokenProvider } from '../../../src/cdf/auth/static-token';
import { CdfClient, type DataModelingRequests } from '../../../src/cdf/client';
import { COGNITE_FILE_VIEW, nodeKeyOf } from '../../../src/cdf/model';
import { cogniteFileBulkSource } from '../../../src/app';
import { BulkJobs, type JobScope } from '../../../src/core/bulk';
import type { CogniteFileRecord } from '../../../src/core/records';
import type { CogniteFileUpsertItem } from '../../../src/cdf/model';
import { client as http, useEmulator } from '../emulator/helpers';
import { MemoryStore } from '../support/memory-action-store';

describe('attack: a 409 whose cause is deleted before the stale read blames the whole chunk', () => {
  const ctx = useEmulator({ files: 200, seed: 7 });

  it('reports only the node someone else changed, never its untouched neighbours', async () => {
    const { baseUrl, project, token } = ctx.emulator;
    const models = new CdfClient({ baseUrl, project, tokenProvider: new StaticTokenProvider(token) }).models;
    const api = http(ctx.emulator);
    const refs = (await models.listFileNodes({ limit: 3 })).items.map((n) => ({
      space: n.space,
      externalId: n.externalId,
    }));
    const [a, b, c] = refs.map(nodeKeyOf) as [string, string, string];

    // The colleague: writes A right before the job's upsert, and deletes it right after CDF's 409.
    let armed = false;
    const jobModels = Object.create(models) as DataModelingRequests;
    jobModels.upsertFileNodes = async (items, options) => {
      const written = await api.post('/models/instances', {
        items: [
          {
            instanceType: 'node',
            ...refs[0],
            sources: [{ source: COGNITE_FILE_VIEW, properties: { description: 'theirs' } }],
          },
        ],
      });
      assert.equal(written.status, 200);
      armed = true;
      try {
        return await models.upsertFileNodes(items, options);
      } finally {
        armed = false;
      }
    };
    const read = models.retrieveFileNodes.bind(models);
    models.retrieveFileNodes = async (ids, options) => {
      if (armed) {
        armed = false;
        const gone = await api.post('/models/instances/delete', { items: [{ instanceType: 'node', ...refs[0] }] });
        assert.equal(gone.status, 200);
      }
      return read(ids, options);
    };

    const scope: JobScope<CogniteFileRecord, CogniteFileUpsertItem> = {
      ...cogniteFileBulkSource(jobModels),
      project: { baseUrl, project },
    };
    const jobs = new BulkJobs(new MemoryStore());
    const job = await jobs.planEdit(scope, { kind: 'ids', label: 'three nodes', refs }, [
      { op: 'add', field: 'tags', values: ['reviewed'] },
    ]);
    // Only the first upsert meets the colleague.
    let first = true;
    const upsert = jobModels.upsertFileNodes.bind(jobModels);
    jobModels.upsertFileNodes = (items, options) => {
      if (!first) return models.upsertFileNodes(items, options);
      first = false;
      return upsert(items, options);
    };
    const report = await jobs.run(job, scope);
    const text = job.record.reportTexts[0] ?? '';

    assert.equal(ctx.emulator.store.nodes.get(a), undefined, 'A stays deleted');
    const outcome = (key: string) => report.items.find((o) => nodeKeyOf(o.item) === key)?.outcome;
    assert.equal(outcome(b), 'applied');
    assert.equal(outcome(c), 'applied');
    const blamed = text.split('\n').filter((line) => /version conflict/.test(line));
    assert.ok(
      !blamed.some((line) => line.includes(b) || line.includes(c)),
      `the report says untouched nodes were changed by someone else:\n${blamed.join('\n')}`,
    );
  });
});
