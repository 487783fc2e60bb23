/**
 * A bulk job on CogniteFile nodes says what happened in a node's words, against the emulator over
 * HTTP: a node deleted since the preview, nodes changed since it, and nodes that could not be read
 * again just before sending are "CogniteFile node(s)", not "file(s)".
 */
import assert from 'node:assert/strict';
import { StaticTokenProvider } from '../../../src/cdf/auth/static-token';
import { CdfClient, type DataModelingRequests } from '../../../src/cdf/client';
import { COGNITE_FILE_VIEW, type CogniteFileUpsertItem } from '../../../src/cdf/model';
import { cogniteFileBulkSource } from '../../../src/app';
import { BulkJobs, type ActionStore, type BulkTarget, type JobScope } from '../../../src/core/bulk';
import type { CogniteFileRecord } from '../../../src/core/records';
import { client as http, useEmulator } from '../emulator/helpers';

const SPACE = 'words';
const refs = ['doc-1', 'doc-2', 'doc-3'].map((externalId) => ({ space: SPACE, externalId }));
const noStore: ActionStore = {
  save: () => Promise.resolve(),
  load: () => Promise.resolve({ kind: 'none' }),
  clear: () => Promise.resolve(),
};
const FILE_WORD = /\b[Ff]iles?\b/;

describe("app: a CogniteFile bulk job's report in a node's words", () => {
  const ctx = useEmulator({ files: 0, seed: 5 });
  let models: DataModelingRequests;
  let scope: JobScope<CogniteFileRecord, CogniteFileUpsertItem>;
  const target: BulkTarget = { kind: 'ids', label: 'three nodes', refs };
  const write = (externalId: string, properties: object) =>
    http(ctx.emulator).post('/models/instances', {
      items: [{ instanceType: 'node', space: SPACE, externalId, sources: [{ source: COGNITE_FILE_VIEW, properties }] }],
    });
  const plan = (jobs: BulkJobs, tag: string) =>
    jobs.planEdit(scope, target, [{ op: 'add', field: 'tags', values: [tag] }]);

  before(async () => {
    const { baseUrl, project, token } = ctx.emulator;
    models = new CdfClient({ baseUrl, project, tokenProvider: new StaticTokenProvider(token) }).models;
    scope = { ...cogniteFileBulkSource(models), project: { baseUrl, project } };
    assert.equal((await http(ctx.emulator).post('/models/spaces', { items: [{ space: SPACE }] })).status, 200);
    for (const r of refs) assert.equal((await write(r.externalId, { name: `${r.externalId}.pdf` })).status, 200);
  });
  afterEach(() => ctx.emulator.setFaults(undefined));

  it('a node deleted since the preview, and one changed since it', async () => {
    const jobs = new BulkJobs(noStore);
    const job = await plan(jobs, 'checked');
    await http(ctx.emulator).post('/models/instances/delete', { items: [{ instanceType: 'node', ...refs[0]! }] });
    assert.equal((await write('doc-2', { description: 'a colleague was here' })).status, 200);
    const report = await jobs.run(job, scope);
    await jobs.settled(); // the run's outcomes kept (after its report)
    assert.deepEqual(
      report.failed.map((f) => f.failure.message),
      ['the CogniteFile node was deleted since the preview'],
    );
    const text = job.record.reportTexts.join('\n');
    assert.match(text, /1 CogniteFile node had changed since the preview: it was planned again/);
    assert.doesNotMatch(
      text
        .split('\n')
        .filter((l) => !l.startsWith('|'))
        .join('\n'),
      FILE_WORD,
    );
  });

  it('nodes that could not be read again just before sending', async () => {
    for (const r of refs) await write(r.externalId, { name: `${r.externalId}.pdf` });
    const jobs = new BulkJobs(noStore);
    const job = await plan(jobs, 'read-again');
    assert.equal(job.plan.items.length, 3);
    ctx.emulator.setFaults({ routes: { 'POST /models/instances/byids': { errorRate: 1, errorStatus: 400 } } });
    const report = await jobs.run(job, scope);
    await jobs.settled(); // the run's outcomes kept (after its report)
    assert.equal(report.notSent.length, 3);
    for (const o of report.notSent)
      assert.match(o.why ?? '', /^not sent: the CogniteFile node could not be read again just before sending \(/);
  });
});
