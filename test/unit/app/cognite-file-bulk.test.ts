/**
 * A bulk tag edit over a filter of 2,000 CogniteFile nodes, against the emulator over HTTP, with a
 * colleague writing some of the nodes while the job runs: between the preview and Apply, and
 * between the job's re-read of a chunk and its upsert (so CDF refuses the stale write with a 409).
 * Every node is reported, no write of the colleague's is lost, and undo restores only what the
 * action changed.
 */
import assert from 'node:assert/strict';
import { StaticTokenProvider } from '../../../src/cdf/auth/static-token';
import { CdfClient, type DataModelingRequests } from '../../../src/cdf/client';
import { COGNITE_FILE_VIEW, nodeKeyOf, type CogniteFileUpsertItem } from '../../../src/cdf/model';
import { cogniteFileBulkSource } from '../../../src/app';
import { toInstanceFilter } from '../../../src/core/browse';
import { BulkJobs, parseChangesCsv, planImport, type JobScope } from '../../../src/core/bulk';
import { cogniteFileRecord, type CogniteFileRecord } from '../../../src/core/records';
import { client as http, useEmulator } from '../emulator/helpers';
import { MemoryStore } from '../support/memory-action-store';

const SPACE = 'bulk_edit';
const COUNT = 2000;
const xid = (i: number) => `doc-${String(i).padStart(4, '0')}`;

/** One node as the test creates it: every third has tags of its own, all live under /bulk. */
const created = (i: number): CogniteFileUpsertItem => ({
  instanceType: 'node',
  space: SPACE,
  externalId: xid(i),
  sources: [
    {
      source: COGNITE_FILE_VIEW,
      properties: { name: `${xid(i)}.pdf`, directory: `/bulk/${i % 7}`, ...(i % 3 === 0 ? { tags: ['pid'] } : {}) },
    },
  ],
});

describe('app: a CogniteFile bulk tag edit over a filter of 2,000 nodes, with a concurrent writer', function () {
  this.timeout(120_000);
  const ctx = useEmulator({ files: 0, seed: 3 });
  let models: DataModelingRequests;
  let api: ReturnType<typeof http>;

  /** The colleague: reads each node and writes a tag and a description at its version, by HTTP. */
  const colleague = async (externalIds: string[], tag: string) => {
    const read = await api.post('/models/instances/byids', {
      items: externalIds.map((externalId) => ({ instanceType: 'node', space: SPACE, externalId })),
      sources: [{ source: COGNITE_FILE_VIEW }],
    });
    const items = (read.body.items as Parameters<typeof cogniteFileRecord>[0][]).map(cogniteFileRecord).map((r) => ({
      instanceType: 'node',
      space: r.space,
      externalId: r.externalId,
      existingVersion: r.version,
      sources: [
        { source: COGNITE_FILE_VIEW, properties: { tags: [...(r.tags ?? []), tag], description: `${tag} was here` } },
      ],
    }));
    const written = await api.post('/models/instances', { items });
    assert.equal(written.status, 200, JSON.stringify(written.body));
  };

  const readAll = async (): Promise<Map<string, CogniteFileRecord>> => {
    const nodes = await models.retrieveFileNodes(
      Array.from({ length: COUNT }, (_, i) => ({ space: SPACE, externalId: xid(i) })),
    );
    return new Map(nodes.map((n) => [n.externalId, cogniteFileRecord(n)]));
  };

  before(async () => {
    const { baseUrl, project, token } = ctx.emulator;
    models = new CdfClient({ baseUrl, project, tokenProvider: new StaticTokenProvider(token) }).models;
    api = http(ctx.emulator);
    assert.equal((await api.post('/models/spaces', { items: [{ space: SPACE }] })).status, 200);
    for (let from = 0; from < COUNT; from += 1000) {
      const items = Array.from({ length: 1000 }, (_, k) => created(from + k));
      const answer = await api.post('/models/instances', { items });
      assert.equal(answer.status, 200, JSON.stringify(answer.body).slice(0, 300));
    }
  });

  it('reports every node, loses no concurrent write, and undo restores only what the action changed', async () => {
    const original = await readAll();
    assert.equal(original.size, COUNT);
    // The job's upserts: before each of its first two requests goes out, the colleague writes 25
    // nodes of it (read by the job a moment ago), so CDF refuses those as stale.
    const hit = new Set<string>();
    let requests = 0;
    const jobModels = Object.create(models) as DataModelingRequests;
    jobModels.upsertFileNodes = async (items, options) => {
      if (++requests <= 2) {
        const some = items.filter((_, k) => k % 40 === 7).map((i) => i.externalId);
        await colleague(some, 'colleague');
        some.forEach((x) => hit.add(x));
      }
      return models.upsertFileNodes(items, options);
    };
    const scope: JobScope<CogniteFileRecord, CogniteFileUpsertItem> = {
      ...cogniteFileBulkSource(jobModels),
      project: { baseUrl: ctx.emulator.baseUrl, project: ctx.emulator.project },
    };
    const filter = toInstanceFilter({ spaces: [SPACE], directoryPrefix: '/bulk' });
    const target = { kind: 'filter' as const, label: 'the bulk_edit nodes', filter };
    const jobs = new BulkJobs(new MemoryStore());
    const job = await jobs.planEdit(scope, target, [{ op: 'add', field: 'tags', values: ['reviewed'] }]);
    assert.equal(job.plan.counts.matched, COUNT, 'the filter is paged through to its end');
    assert.equal(job.plan.items.length, COUNT);
    assert.ok(
      job.plan.items.every((i) => i.existingVersion === 1 && Object.keys(i.sources[0].properties).join() === 'tags'),
    );

    // Between the preview and Apply, the colleague writes ten nodes.
    const early = Array.from({ length: 10 }, (_, k) => xid(k * 150 + 3));
    await colleague(early, 'early');
    const report = await jobs.run(job, scope);
    await jobs.settled(); // the run's outcomes kept (after its report)

    assert.equal(report.total, COUNT);
    assert.equal(report.applied.length, COUNT, JSON.stringify(report.failed.slice(0, 3)));
    assert.equal(new Set(report.items.map((o) => o.item.externalId)).size, COUNT, 'every node reported once');
    assert.equal(hit.size, 50);
    const refused = ctx.emulator.requests.filter((r) => r.route === 'POST /models/instances' && r.status === 409);
    assert.ok(refused.length >= 2, `CDF refused the stale writes (${refused.length} answers 409)`);
    const text = job.record.reportTexts[0] ?? '';
    assert.match(text, /50 changed in CDF while this action sent them \(version conflict\)/);
    for (const x of hit) assert.ok(text.includes(`${SPACE}:${x}`), `the report names ${x}`);
    assert.match(text, /10 CogniteFile nodes had changed since the preview/);

    const after = await readAll();
    for (const [x, node] of after) {
      const was = original.get(x)!;
      const theirs = [...(hit.has(x) ? ['colleague'] : []), ...(early.includes(x) ? ['early'] : [])];
      assert.deepEqual(new Set(node.tags), new Set([...(was.tags ?? []), ...theirs, 'reviewed']), x);
      if (theirs.length)
        assert.equal(node.description, `${theirs.at(-1)} was here`, `${x}: the colleague's write stands`);
      else assert.equal(node.version, 2, `${x}: written once`);
    }

    // After the run, the colleague tags a few nodes again; undo takes back only "reviewed".
    const late = [xid(1), xid(2), xid(7)];
    await colleague(late, 'late');
    const { job: undo } = await jobs.planUndo(scope);
    assert.equal(undo.plan.items.length, COUNT);
    const undone = await jobs.run(undo, scope);
    await jobs.settled(); // the run's outcomes kept (after its report)
    assert.equal(undone.applied.length, COUNT, JSON.stringify(undone.failed.slice(0, 3)));
    const restored = await readAll();
    for (const [x, node] of restored) {
      const was = original.get(x)!;
      const theirs = [
        ...(hit.has(x) ? ['colleague'] : []),
        ...(early.includes(x) ? ['early'] : []),
        ...(late.includes(x) ? ['late'] : []),
      ];
      assert.deepEqual(new Set(node.tags ?? []), new Set([...(was.tags ?? []), ...theirs]), x);
      assert.equal(node.name, was.name);
      if (theirs.length) assert.match(node.description ?? '', / was here$/);
    }
  });
});

describe('app: the CogniteFile bulk source reads a selection by refs', () => {
  const ctx = useEmulator({ files: 3000, seed: 12 });
  it('reads the nodes refs name, in order, leaving out those that name none', async () => {
    const { baseUrl, project, token } = ctx.emulator;
    const models = new CdfClient({ baseUrl, project, tokenProvider: new StaticTokenProvider(token) }).models;
    const [a, b] = (await models.listFileNodes({ limit: 2 })).items;
    const source = cogniteFileBulkSource(models);
    const refs = [
      { space: b!.space, externalId: b!.externalId },
      { space: a!.space, externalId: 'no-such-node' },
      'not a ref',
      { space: a!.space, externalId: a!.externalId },
    ];
    const records = await source.api.retrieveRefs(refs);
    assert.deepEqual(records.map(nodeKeyOf), [nodeKeyOf(b!), nodeKeyOf(a!)]);
    assert.ok(source.kind.refMatches(records[0]!, refs[0]));
    assert.ok(!source.kind.refMatches(records[0]!, refs[3]));
  });

  it('imports a CSV of changes naming nodes by space and externalId', async () => {
    const { baseUrl, project, token } = ctx.emulator;
    const models = new CdfClient({ baseUrl, project, tokenProvider: new StaticTokenProvider(token) }).models;
    const [a, b] = (await models.listFileNodes({ limit: 2 })).items;
    const source = cogniteFileBulkSource(models);
    const text = [
      'space,externalId,description,tags',
      `${a!.space},${a!.externalId},Checked,"x, y"`,
      `${b!.space},,Nope,`,
      `${a!.space},${a!.externalId},Again,`,
    ].join('\r\n');
    const csv = parseChangesCsv(source.kind, text);
    assert.deepEqual(
      csv.problems.map((p) => [p.row, p.message]),
      [
        [3, '"" is not a node externalId (1 to 256 characters, no NUL)'],
        [4, `The node ${nodeKeyOf(a!)} is already changed by row 2`],
      ],
    );
    const scope = { ...source, project: { baseUrl, project } };
    const { plan } = await planImport(scope, csv, 'nodes.csv');
    assert.deepEqual(
      plan.items.map((i) => [nodeKeyOf(i), i.existingVersion, i.sources[0].properties]),
      [[nodeKeyOf(a!), a!.version, { description: 'Checked', tags: ['x', 'y'] }]],
    );
  });
});
