// Attack (node bulk job, planned chunks): (1) a storm of 429s on the upserts, (2) the chunk reads
// failing after the first chunk was written. Promises: a node is written once at most; a throttled
// chunk wrote nothing and is sent again or reported notSent; a chunk whose read failed is reported
// notSent and is not written; one outcome per item in plan order; the progress ends as the report;
// undo restores exactly the nodes written.
import assert from 'node:assert/strict';
import { StaticTokenProvider } from '../../../src/cdf/auth/static-token';
import { CdfClient } from '../../../src/cdf/client';
import { nodeKeyOf, type UpdateProgress } from '../../../src/cdf/model';
import { cogniteFileBulkSource } from '../../../src/app';
import { BulkJobs, type BulkOperation } from '../../../src/core/bulk';
import type { RecordedRequest } from '../../../src/emulator';
import { useEmulator } from '../emulator/helpers';
import { MemoryStore } from '../support/memory-action-store';

type Ref = { space: string; externalId: string };

describe('attack: node bulk job under a 429 storm, and a chunk read failing', () => {
  let onRequest: (r: RecordedRequest) => void = () => undefined;
  const ctx = useEmulator({ files: 600, seed: 14, onRequest: (r) => onRequest(r) });
  const setup = async (offset: number, value: string) => {
    const { baseUrl, project, token } = ctx.emulator;
    const models = new CdfClient({ baseUrl, project, tokenProvider: new StaticTokenProvider(token) }).models;
    const refs: Ref[] = (await models.listFileNodes({ limit: offset + 6 })).items.slice(offset).map((n) => ({
      space: n.space,
      externalId: n.externalId,
    }));
    const scope = { ...cogniteFileBulkSource(models), project: { baseUrl, project } };
    const jobs = new BulkJobs(new MemoryStore());
    const set = { op: 'set', field: 'directory', value } as BulkOperation;
    const job = await jobs.planEdit(scope, { kind: 'ids', label: 'six nodes', refs }, [set]);
    return { refs, keys: refs.map(nodeKeyOf), scope, jobs, job };
  };
  const upsertsApplied = (key: string) =>
    ctx.emulator.requests.filter(
      (r) =>
        r.method === 'POST' &&
        r.path.endsWith('/models/instances') &&
        r.status === 200 &&
        (r.body as { items?: Ref[] } | undefined)?.items?.some((i) => nodeKeyOf(i) === key),
    ).length;

  it('429 storm: every node written exactly once, all applied, progress ends as the report', async () => {
    const value = '/attack/storm-429';
    const { keys, scope, jobs, job } = await setup(0, value);
    ctx.emulator.requests.length = 0;
    let throttled = 0;
    ctx.emulator.setFaults({ routes: { 'POST /models/instances': { errorRate: 1, errorStatus: 429 } } });
    onRequest = (r) => {
      if (r.fault === 'error' && ++throttled === 6) ctx.emulator.setFaults(undefined);
    };
    const progress: UpdateProgress[] = [];
    const report = await jobs.run(job, scope, { chunkSize: 2, onProgress: (p) => progress.push({ ...p }) });
    onRequest = () => undefined;
    ctx.emulator.setFaults(undefined);
    const outcomes = report.items.map((o) => o.outcome);
    const now = await scope.api.retrieve(keys);
    now.forEach((r, i) => {
      const written = r.directory === value;
      assert.ok(upsertsApplied(keys[i]!) <= 1, `${keys[i]} written twice`);
      if (!written) assert.notEqual(outcomes[i], 'applied', `${keys[i]} reported applied, not written`);
      else assert.ok(outcomes[i] === 'applied', `${keys[i]} written, reported ${outcomes[i]}`);
    });
    const last = progress.at(-1)!;
    assert.deepEqual(
      [last.applied, last.failed, last.unknown, last.notSent, last.pending],
      [report.applied.length, report.failed.length, report.unknown.length, report.notSent.length, 0],
    );
  });

  it('a failing chunk read: that chunk notSent and unwritten, the written one undone', async () => {
    const value = '/attack/read-fails';
    const { keys, scope, jobs, job } = await setup(6, value);
    let upserts = 0;
    onRequest = (r) => {
      if (r.method === 'POST' && r.path.endsWith('/models/instances') && r.status === 200 && ++upserts === 1)
        ctx.emulator.setFaults({ routes: { 'POST /models/instances/byids': { errorRate: 1, errorStatus: 400 } } });
    };
    const progress: UpdateProgress[] = [];
    const report = await jobs.run(job, scope, {
      chunkSize: 2,
      concurrency: { max: 1 },
      onProgress: (p) => progress.push({ ...p }),
    });
    onRequest = () => undefined;
    ctx.emulator.setFaults(undefined);
    assert.deepEqual(
      report.items.map((o) => o.index),
      [0, 1, 2, 3, 4, 5],
    );
    const now = await scope.api.retrieve(keys);
    now.forEach((r, i) => {
      const outcome = report.items[i]!.outcome;
      if (r.directory === value) assert.equal(outcome, 'applied', `${keys[i]}`);
      else assert.equal(outcome, 'notSent', `${keys[i]} unwritten, ${outcome}`);
    });
    assert.ok(
      report.applied.length >= 2 && report.notSent.length >= 2,
      JSON.stringify(report.items.map((o) => o.outcome)),
    );
    const last = progress.at(-1)!;
    assert.deepEqual(
      [last.applied, last.failed, last.unknown, last.notSent, last.pending],
      [report.applied.length, report.failed.length, report.unknown.length, report.notSent.length, 0],
    );
    const { job: undoJob } = await jobs.planUndo(scope);
    await jobs.run(undoJob, scope);
    const back = await scope.api.retrieve(keys);
    back.forEach((r, i) => assert.notEqual(r.directory, value, `${keys[i]} not restored`));
  });
});
