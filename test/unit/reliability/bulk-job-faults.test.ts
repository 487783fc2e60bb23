/**
 * Bulk jobs as the editor runs them: `planJob` reads the target (list or byids) and plans every
 * record, then `updateMany` sends the plan, all through `filesApiOf(client)` against the emulator with
 * random faults on every route. A plan that cannot be read sends nothing; a plan that runs ends with
 * every planned record either as the preview showed it (`after`) or as it was, and the report says which.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { filesApiOf } from '../../../src/app/files-api-adapter';
import type { FileRecord } from '../../../src/cdf/model';
import { planJob, type JobPlan } from '../../../src/core/bulk';
import { compileAction } from '../../../src/core/bulk';
import { actionShapeArb, buildAction, buildTarget } from './helpers/bulk-actions';
import { faultScenarioArb } from './helpers/fault-scenario';
import { useFaultBench } from './helpers/fault-bench';
import { assertLedger, isUpdateRequest } from './helpers/ledger';
import { sameEditableState } from './helpers/record-state';
import { propertyParameters, runCount, timeoutFor } from './helpers/runs';
import { CLASSIC_FILE_BULK, type ClassicUpdateItem } from '../../../src/core/classic-file';
import { classicBulkSource } from '../../../src/app';

const RUNS = runCount(80);
const ROUTES = ['POST /files/list', 'POST /files/byids', 'POST /files/update'];

describe('reliability: bulk jobs (plan, then run) under injected faults', function () {
  this.timeout(timeoutFor(RUNS, 600));
  const bench = useFaultBench({ files: 300, seed: 31 });

  it(`${RUNS} random jobs: nothing sent when planning fails; every planned change applied once or reported`, async () => {
    const pool = [...bench.emulator.store.files.values()];
    let run = 0;
    const seen = { planFailed: 0, ran: 0, applied: 0, notApplied: 0 };
    await fc.assert(
      fc.asyncProperty(faultScenarioArb(ROUTES), actionShapeArb, async (scenario, shape) => {
        run++;
        const compiled = compileAction(CLASSIC_FILE_BULK, buildAction(shape, run, bench.emulator));
        assert.ok(compiled.ok, JSON.stringify(!compiled.ok && compiled.problems));
        const target = buildTarget(shape, pool, bench.emulator);
        const tokens = bench.arrange(scenario);
        const api = filesApiOf(bench.client(tokens, {}, scenario));
        const everything = bench.snapshot(pool.map((r) => r.id));

        let plan: JobPlan<FileRecord, ClassicUpdateItem>;
        try {
          plan = await planJob(classicBulkSource(api), target, compiled.action);
        } catch {
          await bench.settle(scenario);
          seen.planFailed++;
          assert.equal(bench.emulator.requests.filter(isUpdateRequest).length, 0, 'a failed plan sent updates');
          assert.equal(bench.spy.writes.size, 0);
          return;
        }
        assert.equal(plan.items.length, plan.changes.length);
        plan.items.forEach((item, k) => assert.equal(item.id, plan.changes[k]!.before.id));
        if (target.kind === 'ids') {
          const found = new Set([...plan.changes, ...plan.refusals].map((p) => p.before.id));
          const unchanged = plan.counts.unchanged;
          assert.equal(
            found.size + unchanged + plan.missing.length,
            target.refs.length,
            'every target is accounted for',
          );
        }

        const afterById = new Map<number, FileRecord>(plan.changes.map((c) => [c.before.id, c.after]));
        const before = bench.snapshot(plan.items.map((i) => i.id));
        const report = await api.updateMany(plan.items, { chunkSize: shape.chunkSize, concurrency: shape.concurrency });
        await bench.settle(scenario, report);
        seen.ran++;
        assertLedger({
          report,
          items: plan.items,
          emulator: bench.emulator,
          spy: bench.spy,
          before,
          // "What the person asked for" is what the preview showed: the plan's `after`.
          expected: (item) => ({
            matches: (now) => sameEditableState(now, afterById.get((item as { id: number }).id)!),
          }),
        });
        seen.applied += report.applied.length;
        seen.notApplied += report.items.length - report.applied.length;
        // Records outside the plan (refused, unchanged, not targeted) are exactly as they were.
        for (const [id, was] of everything)
          if (!afterById.has(id))
            assert.ok(sameEditableState(bench.emulator.store.files.get(id)!, was), `record ${id} changed`);
      }),
      propertyParameters(0x5eed03, RUNS),
    );
    console.log(`      jobs: ${JSON.stringify(seen)}`);
    assert.ok(seen.planFailed > 0 && seen.ran > 0 && seen.applied > 0 && seen.notApplied > 0, JSON.stringify(seen));
  });
});
