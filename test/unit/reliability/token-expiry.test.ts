/**
 * Tokens that stop working part-way: the emulator answers 401 once the token in use has served a
 * number of requests. With a working identity provider the client refreshes once and carries on;
 * without one, what was done is reported done and the rest is reported failed, never half-applied.
 */
import assert from 'node:assert/strict';
import { AuthError } from '../../../src/cdf/auth/token-provider';
import { CdfApiError } from '../../../src/cdf/client/errors';
import { filesApiOf } from '../../../src/app/files-api-adapter';
import type { FileUpdateItem } from '../../../src/cdf/model';
import { renderDocument } from '../../../src/core/records';
import { saveRecord } from '../helpers/save-outcomes';
import type { FaultScenario, TokenExpiry } from './helpers/fault-scenario';
import { useFaultBench } from './helpers/fault-bench';
import { assertLedger, isUpdateRequest } from './helpers/ledger';
import { sameEditableState } from './helpers/record-state';

const expiring = (tokenExpiry: TokenExpiry): FaultScenario => ({
  kind: 'token expiry',
  faults: { routes: {} },
  throttle: undefined,
  retry: { baseDelayMs: 1, maxDelayMs: 2 },
  tokenExpiry,
});

const noConflicts = () => Promise.reject(new Error('no conflict expected'));

describe('reliability: token expiry mid-job', () => {
  const bench = useFaultBench({ files: 80, seed: 5 });
  const tag = (ids: number[], value: string): FileUpdateItem[] =>
    ids.map((id) => ({ id, update: { metadata: { add: { tokenRun: value } } } }));
  const someIds = (n: number) => [...bench.emulator.store.files.values()].slice(0, n).map((r) => r.id);

  it('bulk: the token expires after 3 requests, one refresh, every item applied once', async () => {
    const scenario = expiring({ afterRequests: 3, refreshWorks: true });
    const tokens = bench.arrange(scenario);
    const items = tag(someIds(40), 'refreshed');
    const before = bench.snapshot(items.map((i) => ('id' in i ? i.id : 0)));
    const report = await bench
      .client(tokens, {}, scenario)
      .updateFiles(items, { chunkSize: 4, concurrency: { initial: 3 } });
    await bench.settle(scenario, report);
    assertLedger({ report, items, emulator: bench.emulator, spy: bench.spy, before });
    assert.equal(report.applied.length, 40);
    assert.ok(tokens.hasExpired);
    assert.equal(tokens.issued.length, 2, 'one refresh, even with requests in flight when the token expired');
    assert.ok(bench.emulator.requests.some((r) => r.status === 401));
    for (const id of before.keys()) assert.equal(bench.spy.count(id), 1);
  });

  for (const afterExpiry of ['rejected', 'unavailable'] as const) {
    it(`bulk: the token expires after 3 requests and the new one is ${afterExpiry === 'rejected' ? 'refused too' : 'not to be had'}: the rest fail, nothing half-done`, async () => {
      const scenario = expiring({ afterRequests: 3, refreshWorks: false });
      const tokens = bench.arrange(scenario, afterExpiry);
      const items = tag(someIds(40), `no-refresh-${afterExpiry}`);
      const before = bench.snapshot(items.map((i) => ('id' in i ? i.id : 0)));
      const report = await bench
        .client(tokens, {}, scenario)
        .updateFiles(items, { chunkSize: 4, concurrency: { initial: 1, max: 1 } });
      await bench.settle(scenario, report);
      assertLedger({ report, items, emulator: bench.emulator, spy: bench.spy, before });
      // One request at a time: the first three chunks went through, the rest were refused.
      assert.equal(report.applied.length, 12);
      assert.equal(report.failed.length, 28);
      for (const f of report.failed) {
        assert.equal(f.failure.reason, 'other');
        if (afterExpiry === 'rejected') assert.equal(f.failure.status, 401);
        else assert.match(f.failure.message, /identity provider/);
      }
    });
  }

  it('save: the token expires between the re-read and the update; the save refreshes and lands once', async () => {
    const scenario = expiring({ afterRequests: 1, refreshWorks: true });
    const tokens = bench.arrange(scenario);
    const base = structuredClone([...bench.emulator.store.files.values()][3]!);
    const text = renderDocument(base).replace('"metadata": {', '"metadata": {\n    "tokenSave": "after refresh",');
    const outcome = await saveRecord({
      base,
      text,
      api: filesApiOf(bench.client(tokens, {}, scenario)),
      resolveConflicts: noConflicts,
    });
    assert.equal(outcome.kind, 'saved');
    assert.equal(bench.emulator.store.files.get(base.id)?.metadata?.tokenSave, 'after refresh');
    assert.equal(bench.spy.count(base.id), 1);
    const updates = bench.emulator.requests.filter(isUpdateRequest).map((r) => r.status);
    assert.deepEqual(updates, [401, 200]);
  });

  for (const afterExpiry of ['rejected', 'unavailable'] as const) {
    it(`save: the token expires before the update and cannot be renewed (${afterExpiry}): a typed error, the record untouched`, async () => {
      const scenario = expiring({ afterRequests: 1, refreshWorks: false });
      const tokens = bench.arrange(scenario, afterExpiry);
      const base = structuredClone([...bench.emulator.store.files.values()][4]!);
      const text = renderDocument(base).replace('"metadata": {', '"metadata": {\n    "tokenSave": "never",');
      await assert.rejects(
        saveRecord({ base, text, api: filesApiOf(bench.client(tokens, {}, scenario)), resolveConflicts: noConflicts }),
        (e: unknown) =>
          afterExpiry === 'rejected' ? e instanceof CdfApiError && e.status === 401 : e instanceof AuthError,
      );
      assert.equal(bench.spy.count(base.id), 0);
      assert.ok(sameEditableState(bench.emulator.store.files.get(base.id)!, base));
    });
  }
});
