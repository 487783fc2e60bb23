/**
 * updateManyPlanned gets the next chunks ready (read AND planned) while the upserts before them are
 * in flight, one chunk per write slot at most, so that a freed slot waits only for the versions
 * check: a plan is never run far ahead of the slots (it may have side effects, e.g. undo images),
 * and a chunk planned ahead whose node changed while it waited is refused 409, read and planned again.
 */
import assert from 'node:assert/strict';
import { StaticTokenProvider } from '../../../src/cdf/auth/static-token';
import { CdfClient } from '../../../src/cdf/client';
import { COGNITE_FILE_VIEW } from '../../../src/cdf/model';
import { cogniteFileRecordsApi } from '../../../src/app';
import { diffRecord } from '../../../src/core/diff';
import { COGNITE_FILE, type CogniteFileRecord } from '../../../src/core/records';
import { upsertInstances } from '../../../src/emulator/dms/upsert';
import { useEmulator } from '../emulator/helpers';

const withTag = (tag: string) => (records: readonly CogniteFileRecord[]) =>
  records.map((r) =>
    COGNITE_FILE.encodeUpdate(r, diffRecord(COGNITE_FILE, r, { ...r, tags: [...(r.tags ?? []), tag] })!),
  );

describe('app: node updateManyPlanned plans one chunk per write slot ahead', () => {
  const ctx = useEmulator({
    files: 3000,
    seed: 41,
    faults: { seed: 2, routes: { 'POST /models/instances': { latencyMs: 120 } } },
  });
  const setUp = async (count: number) => {
    const { baseUrl, project, token } = ctx.emulator;
    const client = new CdfClient({ baseUrl, project, tokenProvider: new StaticTokenProvider(token) });
    const keys = (await client.models.listFileNodes({ limit: count })).items.map((n) => `${n.space}:${n.externalId}`);
    return { api: cogniteFileRecordsApi(client.models), keys, mark: ctx.emulator.requests.length };
  };
  const upserts = (mark: number) =>
    ctx.emulator.requests.slice(mark).filter((r) => r.method === 'POST' && r.path.endsWith('/models/instances'));

  // With onConflict the run's upserts go through a wrapper (the bulk job asks for it): it once lost the pipeline.
  for (const [how, told] of [
    ['', {}],
    [', also when told of conflicts', { onConflict: () => undefined }],
  ] as const)
    it(`plans the next chunk while the upsert before it is in flight, never two ahead of a slot${how}`, async () => {
      const { api, keys, mark } = await setUp(6);
      const aheadAtPlan: number[] = [];
      let plans = 0;
      const report = await api.updateManyPlanned(
        keys,
        (records) => {
          plans++;
          // Planned and not yet answered: the one in flight and the one got ready ahead of it.
          aheadAtPlan.push(plans - upserts(mark).filter((r) => r.status).length);
          return withTag('pipe-1')(records);
        },
        { chunkSize: 1, concurrency: { max: 1 }, ...told },
      );
      assert.equal(report.applied.length, 6, JSON.stringify(report.items.map((i) => i.outcome)));
      assert.equal(plans, 6, 'each chunk planned once');
      assert.ok(Math.max(...aheadAtPlan) <= 2, `planned too far ahead: ${aheadAtPlan.join(' ')}`);
      assert.ok(
        aheadAtPlan.filter((n) => n === 2).length >= 4,
        `chunks were planned only when their slot was free: ${aheadAtPlan.join(' ')}`,
      );
      const records = new Map((await api.retrieve(keys)).map((r) => [COGNITE_FILE.key(r), r]));
      for (const { item, record } of report.applied)
        assert.deepEqual(
          record,
          records.get(`${item.space}:${item.externalId}`),
          'the report holds the node as written',
        );
    });

  it('a chunk planned ahead whose node changed while it waited is refused 409, read and planned again', async () => {
    const { api, keys, mark } = await setUp(3);
    const [space, externalId] = keys[2]!.split(':') as [string, string];
    const planned: string[][] = [];
    const report = await api.updateManyPlanned(
      keys,
      (records) => {
        planned.push(records.map((r) => `${r.externalId}@${r.version}`));
        // A colleague writes the third node after its chunk was read and planned ahead, while the
        // upsert before it is in flight.
        if (records[0]?.externalId === externalId && planned.length === 3) {
          const items = [
            {
              instanceType: 'node',
              space,
              externalId,
              sources: [{ source: COGNITE_FILE_VIEW, properties: { name: 'c.pdf' } }],
            },
          ];
          upsertInstances(ctx.emulator.store, { items }, Date.now());
        }
        return withTag('pipe-2')(records);
      },
      { chunkSize: 1, concurrency: { max: 1 } },
    );
    assert.equal(report.applied.length, 3, JSON.stringify(report.items.map((i) => i.outcome)));
    const third = planned.filter((p) => p[0]!.startsWith(`${externalId}@`));
    assert.equal(third.length, 2, `the third chunk was planned again on a new read: ${JSON.stringify(planned)}`);
    assert.notEqual(third[0]![0], third[1]![0], 'the second plan saw the colleague’s version');
    // Read well within FRESH_READ_MS: sent on the first plan without a versions re-check; the
    // colleague's newer version refuses it (409), then it is sent on the second plan.
    assert.equal(report.items[2]!.sends, 2);
    assert.equal(upserts(mark).filter((r) => r.status === 409).length, 1, 'the first send was refused');
    const [now] = await api.retrieve([keys[2]!]);
    assert.equal(now!.name, 'c.pdf', 'the colleague’s write is kept');
    assert.ok(now!.tags?.includes('pipe-2'));
    assert.deepEqual(report.items[2]!.outcome === 'applied' && report.items[2]!.record, now);
  });

  it('frees the slot when a 2xx is known, before the answer is parsed: never over the limit, every item reported', async () => {
    const { api, keys, mark } = await setUp(8);
    const limits = ctx.emulator.store.modelLimits;
    const before = limits.concurrentWriteLimit;
    limits.concurrentWriteLimit = 2; // the emulator answers 429 to a third write at once
    try {
      const report = await api.updateManyPlanned(keys, withTag('pipe-3'), { chunkSize: 2 });
      assert.equal(report.applied.length, 8, JSON.stringify(report.items.map((i) => i.outcome)));
      assert.equal(report.stats.throttled, 0, 'a slot was freed twice: more writes at once than allowed');
      assert.ok(report.stats.peakConcurrency <= 2);
      assert.ok(!upserts(mark).some((r) => r.status === 429));
      const records = new Map((await api.retrieve(keys)).map((r) => [COGNITE_FILE.key(r), r]));
      for (const { item, record } of report.applied)
        assert.deepEqual(
          record,
          records.get(`${item.space}:${item.externalId}`),
          'the report holds the node as written',
        );
    } finally {
      limits.concurrentWriteLimit = before;
    }
  });
});
