/**
 * The editor's save loop (`saveRecord` over the client's `filesApiOf`) against the emulator under
 * random faults on the re-read and the update, sometimes with someone else changing the record
 * meanwhile. A save either ends as the person asked (merged with the other change as they chose) or
 * throws a typed error and leaves the record whole: untouched, or fully saved by an attempt whose
 * answer was lost. Saving the same text again once the trouble is over always converges.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { AuthError } from '../../../src/cdf/auth/token-provider';
import { CdfApiError, CdfNetworkError } from '../../../src/cdf/client/errors';
import { filesApiOf } from '../../../src/app/files-api-adapter';
import type { FileRecord } from '../../../src/cdf/model';
import type { MergeConflict } from '../../../src/core/merge';
import { OutcomeUnknownError } from '../../../src/core/ports';
import { saveRecord, type SaveOutcome } from '../helpers/save-outcomes';
import { CALM, faultScenarioArb, type FaultScenario } from './helpers/fault-scenario';
import { useFaultBench, type FaultBench } from './helpers/fault-bench';
import { isUpdateRequest } from './helpers/ledger';
import { assertSameEditableState, sameEditableState } from './helpers/record-state';
import { propertyParameters, runCount, timeoutFor } from './helpers/runs';
import { expectedAfterSave, planSaveRun, saveShapeArb, type PlannedSave, type SaveShape } from './helpers/save-edits';
import type { TokenAuthority } from './helpers/token-authority';

const RUNS = runCount(160);

interface Attempt {
  outcome?: SaveOutcome;
  error?: unknown;
  conflictsShown: MergeConflict[][];
  updatesSent: number;
}

/** Runs one save the way the editor does, counting the update requests the client put on the wire. */
async function save(
  bench: FaultBench,
  tokens: TokenAuthority,
  scenario: FaultScenario,
  planned: PlannedSave,
  shape: SaveShape,
): Promise<Attempt> {
  const attempt: Attempt = { conflictsShown: [], updatesSent: 0 };
  const countingFetch: typeof fetch = (input, init) => {
    if (String(input instanceof Request ? input.url : input).endsWith('/files/update')) attempt.updatesSent++;
    return fetch(input, init);
  };
  const api = filesApiOf(bench.client(tokens, { fetch: countingFetch }, scenario));
  const baseBefore = structuredClone(planned.base);
  try {
    attempt.outcome = await saveRecord({
      base: planned.base,
      text: planned.text,
      api,
      resolveConflicts: (conflicts) => {
        attempt.conflictsShown.push(conflicts);
        return Promise.resolve(shape.choice);
      },
    });
  } catch (error) {
    attempt.error = error;
  }
  assert.deepStrictEqual(planned.base, baseBefore, 'the save loop changed the base record it was given');
  return attempt;
}

function assertOutcome(
  bench: FaultBench,
  attempt: Attempt,
  planned: PlannedSave,
  shape: SaveShape,
  serverBefore: FileRecord,
  expected: Record<string, unknown> | undefined,
): void {
  const id = planned.base.id;
  const now = bench.emulator.store.files.get(id)!;
  const writes = bench.spy.count(id);
  const loggedUpdates = bench.emulator.requests.filter(isUpdateRequest).length;
  assert.ok(loggedUpdates <= attempt.updatesSent, 'the emulator saw updates the client never sent');
  assert.ok(writes <= attempt.updatesSent, `written ${writes}×, sent ${attempt.updatesSent}×`);
  for (const [other] of bench.spy.writes) assert.equal(other, id, `record ${other} was written by a save of ${id}`);
  const untouched = writes === 0 && sameEditableState(now, serverBefore);

  if (attempt.error !== undefined) {
    const e = attempt.error;
    assert.ok(
      // OutcomeUnknownError: the port's word for an update sent without a definite answer.
      e instanceof CdfApiError ||
        e instanceof CdfNetworkError ||
        e instanceof AuthError ||
        e instanceof OutcomeUnknownError,
      `a failed save throws a typed error, got ${e instanceof Error ? `${e.name}: ${e.message}` : JSON.stringify(e)}`,
    );
    assert.ok(e.message.length > 0);
    const landed = expected !== undefined && sameEditableState(now, expected);
    assert.ok(untouched || landed, 'a failed save left the record half-changed');
    return;
  }
  const outcome = attempt.outcome!;
  switch (outcome.kind) {
    case 'saved':
      assert.ok(expected, 'saved although the person cancelled');
      assertSameEditableState(now, expected, 'the saved record is not what the person asked for');
      assertSameEditableState(outcome.record, now, 'the record returned is not the one stored');
      assert.equal(outcome.merged, shape.concurrent !== 'none');
      assert.ok(writes >= 1);
      if (attempt.updatesSent === 1) assert.equal(writes, 1, 'one update sent, applied once');
      break;
    case 'up-to-date':
      assert.ok(expected);
      assertSameEditableState(now, expected, 'up to date, but not with what the person asked for');
      assert.equal(attempt.updatesSent, 0);
      break;
    case 'cancelled':
      assert.equal(expected, undefined);
      assert.ok(untouched, 'a cancelled save changed the record');
      assert.equal(attempt.updatesSent, 0);
      break;
    case 'unchanged':
    case 'invalid':
      assert.equal(bench.emulator.requests.length, 0, `${outcome.kind}: nothing may be sent`);
      assert.ok(untouched);
      break;
  }
}

describe('reliability: saves under injected faults', function () {
  this.timeout(timeoutFor(RUNS, 400));
  const bench = useFaultBench({ files: 200, seed: 23 });

  it(`${RUNS} random saves: as asked, or a typed error with the record whole; saving again converges`, async () => {
    const pool = [...bench.emulator.store.files.values()];
    let run = 0;
    const seen = { saved: 0, threw: 0, landedThenThrew: 0, conflicts: 0, convergedAfterError: 0 };
    await fc.assert(
      fc.asyncProperty(
        faultScenarioArb(['POST /files/byids', 'POST /files/update']),
        saveShapeArb,
        async (scenario, shape) => {
          run++;
          // The person opens the record as the server holds it now, and edits it.
          const opened = bench.emulator.store.files.get(pool[shape.pick % pool.length]!.id)!;
          const planned = planSaveRun(shape, opened, bench.emulator, run);
          if (planned.theirs) {
            // Meanwhile someone else changes it.
            bench.emulator.store.files.put({ ...planned.theirs(opened), lastUpdatedTime: opened.lastUpdatedTime + 1 });
          }
          const serverBefore = structuredClone(bench.emulator.store.files.get(planned.base.id)!);
          const expected = expectedAfterSave(planned, shape, run);

          const tokens = bench.arrange(scenario);
          const first = await save(bench, tokens, scenario, planned, shape);
          await bench.settle(scenario);
          assertOutcome(bench, first, planned, shape, serverBefore, expected);
          if (shape.concurrent === 'disjoint' || shape.concurrent === 'none')
            assert.equal(first.conflictsShown.length, 0, 'a conflict was shown where there is none');
          if (first.conflictsShown.length > 0) seen.conflicts++;
          if (first.outcome?.kind === 'saved') seen.saved++;
          if (first.error === undefined) return;

          seen.threw++;
          if (expected && bench.spy.count(planned.base.id) > 0) seen.landedThenThrew++;
          // The person saves the same text again once the trouble is over: it converges.
          const calmTokens = bench.arrange(CALM);
          const again = await save(bench, calmTokens, CALM, planned, shape);
          assert.equal(again.error, undefined, `saving again failed: ${String(again.error)}`);
          const serverNow = bench.emulator.store.files.get(planned.base.id)!;
          if (expected === undefined) {
            assert.equal(again.outcome?.kind, 'cancelled');
          } else {
            assert.ok(['saved', 'up-to-date'].includes(again.outcome!.kind), again.outcome!.kind);
            assertSameEditableState(serverNow, expected, 'saving again did not converge');
            seen.convergedAfterError++;
          }
        },
      ),
      propertyParameters(0x5eed02, RUNS),
    );
    console.log(`      saves: ${JSON.stringify(seen)}`);
    assert.ok(seen.saved > 0 && seen.threw > 0 && seen.conflicts > 0, JSON.stringify(seen));
  });
});
