/**
 * The one-line results a person reads after a bulk run, an undo's summary and the per-record reasons
 * of a plan name the records in their kind's words: "CogniteFile nodes" for nodes, "files" for classic
 * files. Before, these said "file" for nodes too, or no noun at all ("80 applied of 80 in 1 request").
 */
import assert from 'node:assert/strict';
import { buildReport } from '../../../../src/cdf/client/update/update-report';
import {
  compileAction,
  createBatchContext,
  formatRunReport,
  planBatch,
  planRecord,
  summarizeRun,
  summarizeUndo,
  type UndoPlan,
} from '../../../../src/core/bulk';
import { COGNITE_FILE_BULK } from '../../../../src/core/cognite-file';
import { CLASSIC_FILE, COGNITE_FILE } from '../../../../src/core/records';
import { RECORD } from '../records/cognite-file-fixtures';
import { fileRecord } from './fixtures';

/** "file" or "files" as a word of its own: "CogniteFile" is the kind's name, not that word. */
const FILE_WORD = /\bfiles?\b/i;
const stats = (requestsSent: number) => ({
  requestsSent,
  throttled: 0,
  peakConcurrency: 1,
  finalConcurrency: 1,
  durationMs: 3,
});
const applied = (n: number) =>
  buildReport(
    Array.from({ length: n }, (_, index) => ({
      index,
      item: { id: index + 1, update: {} },
      sends: 1,
      outcome: 'applied' as const,
      record: fileRecord({ id: index + 1 }),
    })),
    [],
    false,
    stats(Math.ceil(n / 1000)),
  );
const undoPlan = (n: number): UndoPlan => ({
  items: Array.from({ length: n }, () => ({})),
  plans: [],
  conflicts: [{ key: 'sp:a', title: 'a.pdf', changes: [] }],
  missing: ['sp:b', 'sp:c'],
  notApplied: ['sp:d'],
});

describe("bulk summaries name the records in their kind's words", () => {
  it("a run's summary counts CogniteFile nodes, and classic files as files", () => {
    assert.equal(summarizeRun(COGNITE_FILE, applied(80)), '80 applied of 80 CogniteFile nodes in 1 request');
    assert.equal(summarizeRun(COGNITE_FILE, applied(1)), '1 applied of 1 CogniteFile node in 1 request');
    assert.equal(summarizeRun(CLASSIC_FILE, applied(1500)), '1,500 applied of 1,500 files in 2 requests');
    assert.equal(summarizeRun(CLASSIC_FILE, applied(1)), '1 applied of 1 file in 1 request');
  });

  it("the report's summary line is the kind's", () => {
    const nodes = formatRunReport(COGNITE_FILE, 'Bulk edit', applied(2), [{ key: 'sp:a' }, { key: 'sp:b' }]);
    assert.match(nodes, /^2 applied of 2 CogniteFile nodes in 1 request$/m);
    assert.doesNotMatch(nodes, FILE_WORD, nodes);
    const files = formatRunReport(CLASSIC_FILE, 'Bulk edit', applied(2), [{ key: '1' }, { key: '2' }]);
    assert.match(files, /^2 applied of 2 files in 1 request$/m);
  });

  it("an undo's run says restored where an edit says applied, in its summary and in every row", () => {
    assert.equal(summarizeRun(CLASSIC_FILE, applied(2), 'restored'), '2 restored of 2 files in 1 request');
    const report = formatRunReport(CLASSIC_FILE, 'Undo', applied(2), [{ key: '1' }, { key: '2' }], 'restored');
    assert.match(report, /^2 restored of 2 files in 1 request$/m);
    assert.equal(report.match(/\| restored \|/g)?.length, 2, report);
    assert.doesNotMatch(report, /applied/, report);
    const edit = formatRunReport(CLASSIC_FILE, 'Bulk edit', applied(2), [{ key: '1' }, { key: '2' }]);
    assert.equal(edit.match(/\| applied \|/g)?.length, 2, edit);
  });

  it("a run's report says how many requests were in flight at most, in plain words", () => {
    const report = formatRunReport(CLASSIC_FILE, 'Bulk edit', applied(2), [{ key: '1' }, { key: '2' }]);
    assert.match(report, /; at most \d+ at a time; \d+ ms$/m, report);
    assert.doesNotMatch(report, /concurrency/, report);
  });

  it("an undo's summary says CogniteFile nodes, and files for classic files", () => {
    const nodes = summarizeUndo(COGNITE_FILE, undoPlan(3));
    assert.equal(
      nodes,
      '3 CogniteFile nodes to restore; 1 CogniteFile node changed since by someone else where the action wrote' +
        ' (left alone there); 1 CogniteFile node the action did not change; 2 CogniteFile nodes deleted since',
    );
    assert.match(summarizeUndo(CLASSIC_FILE, undoPlan(1)), /^1 file to restore; 1 file changed since/);
  });

  it("a node's reasons in a plan (nothing to change, listed twice) name a CogniteFile node", () => {
    const compiled = compileAction(COGNITE_FILE_BULK, [{ op: 'add', field: 'tags', values: ['x'] }]);
    assert.ok(compiled.ok);
    const unchanged = planRecord(COGNITE_FILE_BULK, { ...RECORD, tags: ['x'] }, compiled.action);
    assert.equal(unchanged.outcome, 'unchanged');
    assert.equal(unchanged.skipped, 'no operation changes this CogniteFile node');
    const context = createBatchContext();
    planBatch(COGNITE_FILE_BULK, [RECORD], compiled.action, context);
    const twice = planBatch(COGNITE_FILE_BULK, [RECORD], compiled.action, context);
    const reasons = twice.plans.flatMap((p) => (p.outcome === 'refused' ? p.problems : []));
    assert.equal(reasons.length, 1);
    assert.doesNotMatch(`${reasons[0]!.reason} ${reasons[0]!.message}`, FILE_WORD);
    assert.match(reasons[0]!.message, /CogniteFile node plant-a:doc-P-101 is already in this action/);
  });
});
