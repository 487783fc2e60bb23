// Attack (node bulk job, planned chunks): a colleague writes one node every time the job has read its
// chunk and before the chunk's upsert lands (the read is answered, then the colleague writes). Each
// upsert is refused 409 for that node. Promises: the node is read and planned again at most 3 times,
// then reported 'conflict'; its neighbour is applied once; every plan item has exactly one outcome in
// plan order; the colleague's value survives; the job's progress ends as its report; undo restores
// the neighbour only.
import assert from 'node:assert/strict';
import { StaticTokenProvider } from '../../../src/cdf/auth/static-token';
import { CdfClient } from '../../../src/cdf/client';
import { nodeKeyOf } from '../../../src/cdf/model';
import { cogniteFileBulkSource } from '../../../src/app';
import { BulkJobs, type BulkOperation } from '../../../src/core/bulk';
import type { UpdateProgress } from '../../../src/cdf/model';
import type { RecordedRequest } from '../../../src/emulator';
import { useEmulator } from '../emulator/helpers';
import { MemoryStore } from '../support/memory-action-store';

type Ref = { space: string; externalId: string };

describe('attack: a node written by a colleague between every chunk read and its upsert', () => {
  let onRequest: (r: RecordedRequest) => void = () => undefined;
  const ctx = useEmulator({ files: 200, seed: 4, onRequest: (r) => onRequest(r) });

  it('is planned again 3 times, then reported conflict; its neighbour is applied; undo restores the neighbour', async () => {
    const { baseUrl, project, token } = ctx.emulator;
    const models = new CdfClient({ baseUrl, project, tokenProvider: new StaticTokenProvider(token) }).models;
    const refs: Ref[] = (await models.listFileNodes({ limit: 2 })).items.map((n) => ({
      space: n.space,
      externalId: n.externalId,
    }));
    const [hotKey, calmKey] = refs.map(nodeKeyOf) as [string, string];
    const scope = { ...cogniteFileBulkSource(models), project: { baseUrl, project } };
    const jobs = new BulkJobs(new MemoryStore());
    const set = { op: 'set', field: 'directory', value: '/attack/storm' } as BulkOperation;
    const job = await jobs.planEdit(scope, { kind: 'ids', label: 'two nodes', refs }, [set]);

    const nodes = ctx.emulator.store.nodes;
    let colleagueWrites = 0;
    const upsertsOf = (key: string) =>
      ctx.emulator.requests.filter(
        (r) =>
          r.method === 'POST' &&
          r.path.endsWith('/models/instances') &&
          (r.body as { items?: Ref[] } | undefined)?.items?.some((i) => nodeKeyOf(i) === key),
      ).length;
    ctx.emulator.requests.length = 0;
    onRequest = (r) => {
      // Any read of the job's chunk: versions only (the preview read the nodes whole), or whole.
      const body = r.body as { items?: Ref[] } | undefined;
      const read = r.path.endsWith('/models/instances/byids');
      if (!read || !body?.items?.some((i) => nodeKeyOf(i) === hotKey) || colleagueWrites >= 20) return;
      // The colleague's write lands after the job's read is answered, before its upsert.
      const n = nodes.get(hotKey)!;
      colleagueWrites++;
      const describable = { ...n.data['cdf_cdm/CogniteDescribable'], description: `colleague ${colleagueWrites}` };
      nodes.put({
        ...n,
        version: n.version + 1,
        lastUpdatedTime: n.lastUpdatedTime + 1,
        data: { ...n.data, 'cdf_cdm/CogniteDescribable': describable },
      });
    };
    const progress: UpdateProgress[] = [];
    const report = await jobs.run(job, scope, { onProgress: (p) => progress.push({ ...p }) });
    onRequest = () => undefined;

    assert.deepEqual(
      report.items.map((o) => o.index),
      [0, 1],
      'one outcome per plan item, in plan order',
    );
    const hot = report.items[0]!;
    assert.ok(hot.outcome === 'failed' && hot.failure.reason === 'conflict', JSON.stringify(hot).slice(0, 400));
    assert.equal(report.items[1]!.outcome, 'applied');
    assert.equal(upsertsOf(hotKey), 4, 'sent once, then read and planned again 3 times');
    const [hotNow] = await scope.api.retrieve([hotKey]);
    assert.equal(hotNow!.description, `colleague ${colleagueWrites}`);
    assert.notEqual(hotNow!.directory, '/attack/storm');
    const last = progress.at(-1)!;
    assert.deepEqual(
      [last.applied, last.failed, last.unknown, last.notSent, last.pending],
      [report.applied.length, report.failed.length, report.unknown.length, report.notSent.length, 0],
      'the progress ends as the report',
    );

    const { undo, job: undoJob } = await jobs.planUndo(scope);
    assert.deepEqual(
      undo.items.map((i) => nodeKeyOf(i as Ref)),
      [calmKey],
    );
    await jobs.run(undoJob, scope);
    const [calm, hotAfter] = await scope.api.retrieve([calmKey, hotKey]);
    assert.notEqual(calm!.directory, '/attack/storm');
    assert.equal(hotAfter!.description, `colleague ${colleagueWrites}`);
  });
});
