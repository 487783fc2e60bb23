/**
 * One kind of trouble at a time, hard, with a client allowed enough retries: a bulk job and a save
 * both come through whole. The randomized suites mix these; here each is named, so a regression
 * in one reads as what it is.
 */
import assert from 'node:assert/strict';
import { filesApiOf } from '../../../src/app/files-api-adapter';
import type { FileUpdateItem } from '../../../src/cdf/model';
import { renderDocument } from '../../../src/core/records';
import { saveRecord } from '../helpers/save-outcomes';
import type { RouteFaults } from '../../../src/emulator';
import type { FaultScenario } from './helpers/fault-scenario';
import { useFaultBench } from './helpers/fault-bench';
import { assertLedger } from './helpers/ledger';

const STORMS: Record<string, RouteFaults> = {
  '429 storm (80 % throttled)': { errorRate: 0.8, errorStatus: 429 },
  '503 burst (60 %)': { errorRate: 0.6, errorStatus: 503 },
  '502 burst (60 %)': { errorRate: 0.6, errorStatus: 502 },
  'connections dropped before handling (50 %)': { dropRate: 0.5 },
  'connections dropped after handling (50 %)': { dropRate: 0.5, dropAfterHandling: true },
  'slow bodies (40 ms, within the attempt timeout)': { slowBodyMs: 40, slowBodyChunks: 5 },
};

const scenarioOf = (route: RouteFaults, seed: number): FaultScenario => ({
  kind: 'storm',
  faults: { seed, routes: { '*': route } },
  throttle: undefined,
  retry: { maxAttempts: 40, baseDelayMs: 1, maxDelayMs: 3 },
  tokenExpiry: undefined,
});

describe('reliability: named storms, survived', function () {
  this.timeout(30_000);
  const bench = useFaultBench({ files: 150, seed: 17 });
  const ids = () => [...bench.emulator.store.files.values()].map((r) => r.id);
  /** Files a save may move (a file linked to a data modelling instance keeps its directory). */
  const movable = () => [...bench.emulator.store.files.values()].filter((r) => !r.instanceId).map((r) => r.id);

  let seed = 0;
  for (const [name, route] of Object.entries(STORMS)) {
    it(`bulk, ${name}: every item applied; written once unless the report shows a re-send`, async () => {
      const scenario = scenarioOf(route, ++seed);
      const tokens = bench.arrange(scenario);
      const items: FileUpdateItem[] = ids()
        .slice(0, 60)
        .map((id) => ({ id, update: { metadata: { add: { storm: name } } } }));
      const before = bench.snapshot(items.map((i) => ('id' in i ? i.id : 0)));
      const report = await bench.client(tokens, {}, scenario).updateFiles(items, { chunkSize: 5 });
      await bench.settle(scenario, report);
      assertLedger({ report, items, emulator: bench.emulator, spy: bench.spy, before });
      assert.equal(
        report.applied.length,
        items.length,
        JSON.stringify(report.items.find((o) => o.outcome !== 'applied')),
      );
      if (!route.dropAfterHandling)
        for (const id of before.keys()) assert.equal(bench.spy.count(id), 1, `record ${id}`);
    });

    it(`save, ${name}: saved as asked`, async () => {
      const scenario = scenarioOf(route, ++seed);
      const tokens = bench.arrange(scenario);
      const base = structuredClone(bench.emulator.store.files.get(movable()[70 + seed]!)!);
      const text = renderDocument(base).replace(/"directory": [^\n]*\n/, `"directory": "/storm/${seed}",\n`);
      const outcome = await saveRecord({
        base,
        text,
        api: filesApiOf(bench.client(tokens, {}, scenario)),
        resolveConflicts: () => Promise.reject(new Error('no conflict expected')),
      });
      assert.equal(outcome.kind, 'saved');
      assert.equal(bench.emulator.store.files.get(base.id)?.directory, `/storm/${seed}`);
    });
  }

  it('bulk, slow bodies beyond the attempt timeout: reported unknown though applied; retrying afterwards settles all', async () => {
    const scenario: FaultScenario = {
      ...scenarioOf({ slowBodyMs: 60, slowBodyChunks: 3 }, 99),
      retry: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 2, attemptTimeoutMs: 20 },
    };
    const tokens = bench.arrange(scenario);
    const items: FileUpdateItem[] = ids()
      .slice(100, 120)
      .map((id) => ({ id, update: { metadata: { add: { storm: 'slow beyond timeout' } } } }));
    const before = bench.snapshot(items.map((i) => ('id' in i ? i.id : 0)));
    const client = bench.client(tokens, {}, scenario);
    const report = await client.updateFiles(items, { chunkSize: 5 });
    await bench.settle(scenario, report);
    assertLedger({ report, items, emulator: bench.emulator, spy: bench.spy, before });
    assert.equal(report.unknown.length, items.length, 'no answer was ever read in time');
    for (const id of before.keys()) assert.ok(bench.spy.count(id) >= 1, 'yet every change landed');
    const retried = await client.retryUpdate(report);
    assert.equal(retried.applied.length, items.length);
  });
});
