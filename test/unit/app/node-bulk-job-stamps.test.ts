/**
 * The CogniteFile bulk job already holds every node as its preview read it, so each chunk's read
 * right before its upsert asks versions only: a node still at the version (and incarnation) the
 * preview read is that node (DMS counts every write in `version`), planned as the preview planned
 * it. Only a node changed since is read whole and planned again, on that read; one deleted, or
 * deleted and made again, is reported as such. Against the emulator over HTTP.
 */
import assert from 'node:assert/strict';
import { StaticTokenProvider } from '../../../src/cdf/auth/static-token';
import { CdfClient, type DataModelingRequests } from '../../../src/cdf/client';
import { COGNITE_FILE_VIEW, nodeKeyOf, type CogniteFileUpsertItem } from '../../../src/cdf/model';
import { cogniteFileBulkSource } from '../../../src/app';
import { BulkJobs, type BulkTarget, type JobScope } from '../../../src/core/bulk';
import { cogniteFileRecord, type CogniteFileRecord } from '../../../src/core/records';
import { client as http, useEmulator } from '../emulator/helpers';
import { MemoryStore } from '../support/memory-action-store';

const SPACE = 'stamps_job';
const COUNT = 300;
const CHUNK = 100;
const xid = (i: number) => `s-${String(i).padStart(4, '0')}`;
const refs = Array.from({ length: COUNT }, (_, i) => ({ space: SPACE, externalId: xid(i) }));
const target: BulkTarget = { kind: 'ids', label: 'the stamps_job nodes', refs };
const tagged = (tag: string) => [{ op: 'add' as const, field: 'tags', values: [tag] }];

interface ByIds {
  readonly items: { space: string; externalId: string }[];
  readonly sources?: unknown;
}

describe('app: the CogniteFile bulk job reads each chunk’s versions only, the preview’s nodes known', function () {
  this.timeout(60_000);
  const ctx = useEmulator({ files: 0, seed: 14 });
  let models: DataModelingRequests;
  let scope: JobScope<CogniteFileRecord, CogniteFileUpsertItem>;

  const readAll = async () =>
    new Map(
      (await models.retrieveFileNodes(refs, { ignoreUnknownIds: true })).map((n) => [
        n.externalId,
        cogniteFileRecord(n),
      ]),
    );
  const write = (externalId: string, properties: object) =>
    http(ctx.emulator).post('/models/instances', {
      items: [{ instanceType: 'node', space: SPACE, externalId, sources: [{ source: COGNITE_FILE_VIEW, properties }] }],
    });
  const remove = (externalId: string) =>
    http(ctx.emulator).post('/models/instances/delete', {
      items: [{ instanceType: 'node', space: SPACE, externalId }],
    });
  /** The byids requests since `from`, with the view's properties (`full`) or versions only. */
  const reads = (from: number, full: boolean): ByIds[] =>
    ctx.emulator.requests
      .slice(from)
      .filter((r) => r.route === 'POST /models/instances/byids')
      .map((r) => r.body as ByIds)
      .filter((body) => !!body.sources === full);
  const keysOf = (bodies: ByIds[]) => bodies.flatMap((b) => b.items.map(nodeKeyOf)).sort();

  before(async () => {
    const { baseUrl, project, token } = ctx.emulator;
    models = new CdfClient({ baseUrl, project, tokenProvider: new StaticTokenProvider(token) }).models;
    scope = { ...cogniteFileBulkSource(models), project: { baseUrl, project } };
    assert.equal((await http(ctx.emulator).post('/models/spaces', { items: [{ space: SPACE }] })).status, 200);
    const items = refs.map((r, i) => ({
      instanceType: 'node',
      ...r,
      sources: [{ source: COGNITE_FILE_VIEW, properties: { name: `${r.externalId}.pdf`, tags: [`t${i % 3}`] } }],
    }));
    assert.equal((await http(ctx.emulator).post('/models/instances', { items })).status, 200);
  });

  it('an unchanged chunk is read versions only and sent as the preview planned it', async () => {
    const original = await readAll();
    const jobs = new BulkJobs(new MemoryStore());
    const job = await jobs.planEdit(scope, target, tagged('slim'));
    const planAgain = job.plan.planAgain!;
    let plannedAgain = 0;
    job.plan.planAgain = (fresh) => (plannedAgain++, planAgain(fresh));
    const from = ctx.emulator.requests.length;
    const report = await jobs.run(job, scope, { chunkSize: CHUNK });
    assert.equal(report.applied.length, COUNT, JSON.stringify(report.failed.slice(0, 2)));
    assert.deepEqual(reads(from, true), [], 'no node is read whole again: the preview read each');
    const checked = keysOf(reads(from, false));
    assert.deepEqual(
      [...new Set(checked)],
      refs.map(nodeKeyOf).sort(),
      'each node’s version is read before its upsert',
    );
    assert.equal(plannedAgain, 0, 'the preview’s plan is sent as it is');
    for (const [x, node] of await readAll()) assert.deepEqual(node.tags, [...original.get(x)!.tags!, 'slim'], x);
  });

  it('a node changed since the preview is read whole alone, planned again, and undo restores its fresh read', async () => {
    const jobs = new BulkJobs(new MemoryStore());
    const job = await jobs.planEdit(scope, target, tagged('fresh'));
    const changed = xid(120);
    assert.equal((await write(changed, { description: 'a colleague was here' })).status, 200);
    const before = await readAll();
    const from = ctx.emulator.requests.length;
    const report = await jobs.run(job, scope, { chunkSize: CHUNK });
    assert.equal(report.applied.length, COUNT, JSON.stringify(report.failed.slice(0, 2)));
    assert.deepEqual(keysOf(reads(from, true)), [`${SPACE}:${changed}`], 'only the changed node is read whole');
    assert.equal(ctx.emulator.requests.slice(from).filter((r) => r.status === 409).length, 0);
    assert.match(job.record.reportTexts.join('\n'), /1 CogniteFile node had changed since the preview/);
    const node = (await readAll()).get(changed)!;
    assert.equal(node.description, 'a colleague was here', 'the colleague’s write is kept');
    assert.ok(node.tags?.includes('fresh'));

    const { job: undo } = await jobs.planUndo(scope);
    const undone = await jobs.run(undo, scope, { chunkSize: CHUNK });
    assert.equal(undone.applied.length, COUNT, JSON.stringify(undone.failed.slice(0, 2)));
    for (const [x, n] of await readAll()) {
      assert.deepEqual(n.tags, before.get(x)!.tags, x);
      assert.equal(n.description, before.get(x)!.description, x);
    }
  });

  it('a node deleted, and one deleted and made again, since the preview: reported, left alone; undo exact', async () => {
    const jobs = new BulkJobs(new MemoryStore());
    const job = await jobs.planEdit(scope, target, tagged('gone'));
    const [deleted, again] = [xid(10), xid(250)];
    assert.equal((await remove(deleted)).status, 200);
    assert.equal((await remove(again)).status, 200);
    assert.equal((await write(again, { name: 'another.pdf' })).status, 200);
    const before = await readAll();
    const report = await jobs.run(job, scope, { chunkSize: CHUNK });
    assert.equal(report.applied.length, COUNT - 2);
    assert.deepEqual(
      report.failed.map((f) => [f.item.externalId, f.failure.reason, f.failure.message]),
      [
        [deleted, 'missing', 'the CogniteFile node was deleted since the preview'],
        [
          again,
          'missing',
          'the CogniteFile node was deleted since the preview and made again under its key: another CogniteFile node, left alone',
        ],
      ],
    );
    const after = await readAll();
    assert.equal(after.has(deleted), false, 'a deleted node is not made again');
    assert.deepEqual(after.get(again)!.tags, before.get(again)!.tags, 'the new node is left alone');

    const { job: undo } = await jobs.planUndo(scope);
    const undone = await jobs.run(undo, scope, { chunkSize: CHUNK });
    assert.equal(undone.applied.length, COUNT - 2, JSON.stringify(undone.failed.slice(0, 2)));
    const restored = await readAll();
    assert.equal(restored.size, before.size);
    for (const [x, n] of restored) assert.deepEqual(propertiesOf(n), propertiesOf(before.get(x)!), x);
  });
});

/** A node without what every write moves (its version and last update): what undo restores. */
const propertiesOf = ({ version: _v, lastUpdatedTime: _t, ...rest }: CogniteFileRecord) => rest;
