// Attack (issue 12 bulk; variant of cognite-bulk-409-then-delete-blames-neighbours): a chunk's upsert
// is refused 409 because a colleague wrote one node of it (A); before the client reads the chunk back
// to find the stale node, the colleague deletes A and makes it again under the same key (version 1).
// `staleNodesOf` (src/cdf/client/dms-conflict.ts) counts a node as stale only when its version is
// now ABOVE the one sent, or it is gone; A is at version 1 (a new incarnation, lower than sent), so
// no node is found stale and every item of the chunk is named: the untouched neighbours B and C are
// reported "changed in CDF while this action sent them (version conflict)".
// Expected: B and C applied, and not named as changed by someone else.
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

describe('attack: a 409 whose cause is deleted and made again before the stale read blames the whole chunk', () => {
  const ctx = useEmulator({ files: 200, seed: 7 });

  it('reports only the node someone else changed, never its untouched neighbours', async () => {
    const { baseUrl, project, token } = ctx.emulator;
    const models = new CdfClient({ baseUrl, project, tokenProvider: new StaticTokenProvider(token) }).models;
    const api = http(ctx.emulator);
    const refs = (await models.listFileNodes({ limit: 3 })).items.map((n) => ({
      space: n.space,
      externalId: n.externalId,
    }));
    const [, b, c] = refs.map(nodeKeyOf) as [string, string, string];

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
        const made = await api.post('/models/instances', {
          items: [
            {
              instanceType: 'node',
              ...refs[0],
              sources: [{ source: COGNITE_FILE_VIEW, properties: { name: 'made again.pdf', tags: ['theirs'] } }],
            },
          ],
        });
        assert.equal(made.status, 200);
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
