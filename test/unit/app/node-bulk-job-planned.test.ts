/**
 * The CogniteFile bulk job (BulkJobs.run, as the Bulk Edit command runs it after its preview) sends
 * through the records port's planned update, against the emulator over HTTP: each chunk's nodes
 * are read once right before its upsert (versions only where unchanged since the preview, whose
 * plan then stands), so a node is read whole once (the preview). A node changed while earlier chunks were sent is planned again on the
 * read of its own chunk (no 409), undo restores every node, and a cancelled job leaves the rest
 * not sent with undo still right.
 */
import assert from 'node:assert/strict';
import { StaticTokenProvider } from '../../../src/cdf/auth/static-token';
import { CdfClient, type DataModelingRequests } from '../../../src/cdf/client';
import { COGNITE_FILE_VIEW, DMS_LIMITS, nodeKeyOf, type CogniteFileUpsertItem } from '../../../src/cdf/model';
import { cogniteFileBulkSource } from '../../../src/app';
import { BulkJobs, type BulkTarget, type JobScope } from '../../../src/core/bulk';
import type { UpdateProgress } from '../../../src/core/ports';
import { cogniteFileRecord, type CogniteFileRecord } from '../../../src/core/records';
import { client as http, useEmulator } from '../emulator/helpers';
import { MemoryStore } from '../support/memory-action-store';

const SPACE = 'planned_job';
/** Four chunks: as many as the emulator's write slots, so no chunk's read waits for a slot. */
const COUNT = 400;
const CHUNK = 100;
const xid = (i: number) => `n-${String(i).padStart(4, '0')}`;
const refs = Array.from({ length: COUNT }, (_, i) => ({ space: SPACE, externalId: xid(i) }));
const target: BulkTarget = { kind: 'ids', label: 'the planned_job nodes', refs };

describe('app: the CogniteFile bulk job sends through the planned update (one read per chunk)', function () {
  this.timeout(60_000);
  const ctx = useEmulator({ files: 0, seed: 8 });
  let models: DataModelingRequests;

  const scopeOver = (m: DataModelingRequests): JobScope<CogniteFileRecord, CogniteFileUpsertItem> => ({
    ...cogniteFileBulkSource(m),
    project: { baseUrl: ctx.emulator.baseUrl, project: ctx.emulator.project },
  });
  const readAll = async () =>
    new Map((await models.retrieveFileNodes(refs)).map((n) => [n.externalId, cogniteFileRecord(n)]));
  const write = (externalId: string, properties: object) =>
    http(ctx.emulator).post('/models/instances', {
      items: [{ instanceType: 'node', space: SPACE, externalId, sources: [{ source: COGNITE_FILE_VIEW, properties }] }],
    });
  /** How many byids requests named each node since `from`: with its properties, or its version only. */
  const readsPerNode = (from: number, full: boolean) => {
    const reads = new Map<string, number>();
    for (const r of ctx.emulator.requests.slice(from)) {
      const body = r.body as { items: { space: string; externalId: string }[]; sources?: unknown };
      if (r.route !== 'POST /models/instances/byids' || !!body.sources !== full) continue;
      for (const item of body.items) reads.set(nodeKeyOf(item), (reads.get(nodeKeyOf(item)) ?? 0) + 1);
    }
    return reads;
  };
  const tagged = (tag: string) => [{ op: 'add' as const, field: 'tags', values: [tag] }];

  before(async () => {
    const { baseUrl, project, token } = ctx.emulator;
    models = new CdfClient({ baseUrl, project, tokenProvider: new StaticTokenProvider(token) }).models;
    const api = http(ctx.emulator);
    assert.equal((await api.post('/models/spaces', { items: [{ space: SPACE }] })).status, 200);
    const items = refs.map((r, i) => ({
      instanceType: 'node',
      ...r,
      sources: [{ source: COGNITE_FILE_VIEW, properties: { name: `${r.externalId}.pdf`, tags: [`t${i % 3}`] } }],
    }));
    assert.equal((await api.post('/models/instances', { items })).status, 200);
  });

  it('reads each node twice (preview, its chunk), applies all, and undo restores every node', async () => {
    const original = await readAll();
    const scope = scopeOver(models);
    const jobs = new BulkJobs(new MemoryStore());
    const from = ctx.emulator.requests.length;
    const job = await jobs.planEdit(scope, target, tagged('seen'));
    const report = await jobs.run(job, scope, { chunkSize: CHUNK });
    assert.equal(report.applied.length, COUNT, JSON.stringify(report.failed.slice(0, 2)));
    const full = readsPerNode(from, true);
    assert.equal(full.size, COUNT);
    assert.deepEqual(new Set(full.values()), new Set([1]), 'read with its properties by the preview only');
    // Its chunk reads its version (unchanged since the preview: the preview's plan is sent); a second
    // versions-only check runs only for a chunk whose read had to wait (here at most the first).
    const checked = readsPerNode(from, false);
    assert.equal(checked.size, COUNT);
    const twice = [...checked.values()].filter((n) => n > 1).length;
    assert.ok(twice <= CHUNK, `${twice} nodes' versions read twice`);
    const upserts = ctx.emulator.requests.slice(from).filter((r) => r.route === 'POST /models/instances');
    assert.equal(upserts.length, COUNT / CHUNK, 'one upsert per chunk');
    for (const [x, node] of await readAll()) assert.deepEqual(node.tags, [...original.get(x)!.tags!, 'seen'], x);

    const { job: undo } = await jobs.planUndo(scope);
    const undone = await jobs.run(undo, scope, { chunkSize: CHUNK });
    assert.equal(undone.applied.length, COUNT, JSON.stringify(undone.failed.slice(0, 2)));
    for (const [x, node] of await readAll()) assert.deepEqual(node.tags, original.get(x)!.tags, x);
  });

  it('a node written while earlier chunks are sent is planned again on its own chunk read, and counted', async () => {
    const late = xid(350); // the fourth chunk: read only once a write slot is free again
    let first = true;
    const jobModels = Object.create(models) as DataModelingRequests;
    jobModels.upsertFileNodes = async (items, options) => {
      if (first) {
        first = false;
        assert.equal((await write(late, { description: 'a colleague was here' })).status, 200);
      }
      return models.upsertFileNodes(items, options);
    };
    const scope = scopeOver(jobModels);
    const jobs = new BulkJobs(new MemoryStore());
    const job = await jobs.planEdit(scope, target, tagged('late'));
    // A node still at the version the preview read keeps the preview's plan: only the changed one is planned again.
    const planAgain = job.plan.planAgain!;
    const plannedAgain: string[] = [];
    job.plan.planAgain = (fresh) => (plannedAgain.push(fresh.externalId), planAgain(fresh));
    const from = ctx.emulator.requests.length;
    const report = await jobs.run(job, scope, { chunkSize: CHUNK, concurrency: { max: 2 } });
    assert.equal(report.applied.length, COUNT, JSON.stringify(report.failed.slice(0, 2)));
    const refused = ctx.emulator.requests.slice(from).filter((r) => r.status === 409);
    assert.equal(refused.length, 0, 'planned on the read right before its upsert: nothing stale was sent');
    const text = job.record.reportTexts.join('\n');
    assert.match(text, /1 CogniteFile node had changed since the preview: it was planned again/);
    assert.doesNotMatch(text, /version conflict/);
    assert.deepEqual(plannedAgain, [late]);
    const node = (await readAll()).get(late)!;
    assert.equal(node.description, 'a colleague was here');
    assert.ok(node.tags?.includes('late'));
  });

  it('a node the action no longer changes at its chunk is not sent, says why, and progress ends as the report', async () => {
    const scope = scopeOver(models);
    const jobs = new BulkJobs(new MemoryStore());
    const job = await jobs.planEdit(scope, target, tagged('twice'));
    const node = (await readAll()).get(xid(7))!;
    assert.equal((await write(xid(7), { tags: [...node.tags!, 'twice'] })).status, 200);
    let last: UpdateProgress | undefined;
    const report = await jobs.run(job, scope, { chunkSize: CHUNK, onProgress: (p) => (last = p) });
    assert.equal(report.applied.length, COUNT - 1);
    assert.deepEqual(
      report.notSent.map((o) => [o.index, o.item.externalId, o.why]),
      [
        [
          7,
          xid(7),
          'changed since the preview: the action no longer changes it (no operation changes this CogniteFile node)',
        ],
      ],
    );
    assert.deepEqual(last && [last.total, last.applied, last.notSent, last.failed, last.pending], [
      COUNT,
      COUNT - 1,
      1,
      0,
      0,
    ]);
  });

  it('a node the action can no longer change at its chunk is reported failed, in its progress too', async () => {
    const scope = scopeOver(models);
    const jobs = new BulkJobs(new MemoryStore());
    const job = await jobs.planEdit(scope, target, tagged('one-too-many'));
    const was = (await readAll()).get(xid(9))!.tags;
    const full = Array.from({ length: DMS_LIMITS.primitiveListItems }, (_, i) => `full-${i}`);
    assert.equal((await write(xid(9), { tags: full })).status, 200);
    let last: UpdateProgress | undefined;
    const report = await jobs.run(job, scope, { chunkSize: CHUNK, onProgress: (p) => (last = p) });
    assert.deepEqual(
      report.failed.map((o) => [o.index, o.failure.reason]),
      [[9, 'invalid']],
    );
    assert.deepEqual(last && [last.applied, last.failed, last.notSent, last.pending], [COUNT - 1, 1, 0, 0]);
    assert.equal((await write(xid(9), { tags: was })).status, 200); // as the other tests expect it
  });

  it('cancelled mid-job: the unsent nodes are not sent, and undo restores exactly what was applied', async () => {
    const original = await readAll();
    const cancel = new AbortController();
    const jobModels = Object.create(models) as DataModelingRequests;
    let upserts = 0;
    jobModels.upsertFileNodes = async (items, options) => {
      const answer = await models.upsertFileNodes(items, options);
      if (++upserts === 1) cancel.abort();
      return answer;
    };
    const scope = scopeOver(jobModels);
    const jobs = new BulkJobs(new MemoryStore());
    const job = await jobs.planEdit(scope, target, tagged('cut'));
    const report = await jobs.run(job, scope, { chunkSize: CHUNK, concurrency: { max: 1 }, signal: cancel.signal });
    assert.ok(report.cancelled);
    assert.equal(report.items.length, COUNT, 'one outcome per plan item');
    report.items.forEach((o, i) => assert.equal(o.index, i));
    assert.ok(report.applied.length >= CHUNK && report.applied.length < COUNT, `${report.applied.length} applied`);
    // The chunk on the wire when the cancel came (the slot is freed at its predecessor's 2xx) has
    // no answer: unknown, it may have been applied. Nothing else is.
    assert.equal(report.applied.length + report.notSent.length + report.unknown.length, COUNT);
    assert.ok(report.unknown.length <= CHUNK, `${report.unknown.length} unknown`);
    const now = await readAll();
    const tagged_ = new Set([...now.values()].filter((n) => n.tags?.includes('cut')).map((n) => n.externalId));
    report.applied.forEach((o) => assert.ok(tagged_.has(o.item.externalId), `applied ${o.item.externalId} is tagged`));
    report.notSent.forEach((o) => assert.ok(!tagged_.has(o.item.externalId), `unsent ${o.item.externalId} is not`));
    const maybe = report.unknown.filter((o) => tagged_.has(o.item.externalId)).length;
    assert.equal(tagged_.size, report.applied.length + maybe, 'CDF holds what was applied and what may have been');

    const { job: undo } = await jobs.planUndo(scope);
    assert.equal(undo.plan.items.length, tagged_.size, 'undo restores what was written, nothing else');
    const undone = await jobs.run(undo, scopeOver(models), { chunkSize: CHUNK });
    assert.equal(undone.applied.length, tagged_.size);
    for (const [x, node] of await readAll()) assert.deepEqual(node.tags, original.get(x)!.tags, x);
  });
});
