/**
 * Bulk updates (`CdfClient.updateFiles`) against the emulator under random faults: 429 storms, 5xx
 * bursts, connections dropped before and after the change, slow bodies that outlast the attempt
 * timeout, throttling, tokens that expire part-way, cancellation. Whatever happens, every item ends
 * with one outcome that the emulator's log and the records confirm (see helpers/ledger.ts); and
 * once the trouble is over, `retryUpdate` brings every item that can be applied to what was asked.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { ItemOutcome } from '../../../src/cdf/model';
import { EDITABLE_FIELDS, type EditableFieldName, type FileRecord, type FileUpdateItem } from '../../../src/cdf/model';
import { CALM, faultScenarioArb } from './helpers/fault-scenario';
import { useFaultBench } from './helpers/fault-bench';
import { assertLedger } from './helpers/ledger';
import { showsUpdate } from './helpers/record-state';
import { propertyParameters, runCount, timeoutFor } from './helpers/runs';
import { buildItems, jobShapeArb } from './helpers/update-jobs';

const RUNS = runCount(160);

/** What `retryUpdate` sends again by default: no answer, not sent, or refused for a passing reason. */
const worthRetrying = (o: ItemOutcome): boolean =>
  o.outcome === 'unknown' || o.outcome === 'notSent' || (o.outcome === 'failed' && o.failure.reason === 'other');

/**
 * An item CDF accepts when nothing goes wrong: an existing file, a defined label, and on a file
 * linked to a data modelling instance only the fields such a file may change.
 */
const acceptable = (item: FileUpdateItem, record: FileRecord | undefined): boolean =>
  record !== undefined &&
  !JSON.stringify(item.update).includes('NO_SUCH_LABEL') &&
  (record.instanceId === undefined ||
    Object.keys(item.update).every((f) => EDITABLE_FIELDS[f as EditableFieldName].instanceLinkedMayChange));

describe('reliability: bulk updates under injected faults', function () {
  this.timeout(timeoutFor(RUNS, 400));
  const bench = useFaultBench({ files: 300, seed: 11 });

  it(`${RUNS} random jobs: every item applied exactly once or reported, records match the report`, async () => {
    const pool = [...bench.emulator.store.files.values()];
    let run = 0;
    const outcomes = { applied: 0, failed: 0, unknown: 0, notSent: 0 };
    let retriedToApplied = 0;
    await fc.assert(
      fc.asyncProperty(faultScenarioArb(['POST /files/update']), jobShapeArb(24), async (scenario, shape) => {
        run++;
        const tokens = bench.arrange(scenario);
        const items = buildItems(shape, pool, bench.emulator, run);
        const before = bench.snapshot(items.map((i) => ('id' in i ? i.id : 0)));
        const controller = new AbortController();
        const report = await bench.client(tokens, {}, scenario).updateFiles(items, {
          chunkSize: shape.chunkSize,
          concurrency: shape.concurrency,
          signal: controller.signal,
          cancelGraceMs: shape.cancelGraceMs,
          onProgress: (p) => {
            const settled = p.applied + p.failed + p.unknown + p.notSent;
            if (shape.cancelAfter !== undefined && settled >= shape.cancelAfter) controller.abort();
          },
        });
        await bench.settle(scenario, report);
        assertLedger({ report, items, emulator: bench.emulator, spy: bench.spy, before });
        for (const o of report.items) outcomes[o.outcome]++;

        // Once the trouble is over, one retry settles every item that can be applied.
        const retried = await bench.client(bench.arrange(CALM)).retryUpdate(report);
        report.items.forEach((o, i) => {
          const id = (o.item as { id: number }).id;
          if (!worthRetrying(o) || !acceptable(o.item, before.get(id))) return;
          const after = retried.items[i]!;
          assert.equal(after.outcome, 'applied', `item ${i} (${o.outcome}) after the retry: ${JSON.stringify(after)}`);
          assert.ok(showsUpdate(before.get(id)!, bench.emulator.store.files.get(id)!, o.item.update));
          retriedToApplied++;
        });
      }),
      propertyParameters(0x5eed01, RUNS),
    );
    console.log(`      outcomes: ${JSON.stringify(outcomes)}; ${retriedToApplied} applied by the retry afterwards`);
    // The runs must have met every outcome, or the faults are too mild to prove anything.
    assert.ok(Object.values(outcomes).every((n) => n > 0) && retriedToApplied > 0, JSON.stringify(outcomes));
  });
});
