import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { BulkUpdateFigures } from '../bench/bulk-update/bulk-update-bench';
import type { BundleFigures } from '../bench/bundle/bundle-bench';
import type { DiffCostFigures } from '../bench/diff-cost/diff-cost-bench';
import type { EditorLoopFigures } from '../bench/editor-loop/editor-loop-bench';
import type { ListingFigures } from '../bench/listing/listing-bench';
import type { NodeUpdateFigures } from '../bench/node-update/node-update-bench';
import { runAll, type RunOutcome } from '../bench/run';
import type { BenchResult } from '../bench/support/result-file';
import { parsePlan, SMOKE_SIZES } from '../bench/support/sizes';

/**
 * Every benchmark of `npm run bench`, at a tiny size: it still runs end to end, and its result file
 * still has the shape the README table and readers of the JSON rely on, with sane values.
 */
describe('benchmarks: a smoke run of each at a tiny size', function () {
  this.timeout(120_000);
  let outDir: string;
  let outcome: RunOutcome;

  before(async () => {
    outDir = await mkdtemp(path.join(os.tmpdir(), 'cdf-files-bench-smoke-'));
    outcome = await runAll(parsePlan(['--smoke', `--out=${outDir}`], {}));
  });
  after(async () => {
    await rm(outDir, { recursive: true, force: true });
  });

  async function resultFile<F>(name: string): Promise<BenchResult<F>> {
    const result = JSON.parse(await readFile(path.join(outDir, `${name}.json`), 'utf8')) as BenchResult<F>;
    assert.equal(result.benchmark, name);
    assert.ok(result.description.length > 0);
    assert.ok(result.machine.cores > 0 && result.machine.memoryGiB > 0 && result.machine.cpuModel.length > 0);
    assert.match(result.machine.node, /^v\d+\./);
    assert.ok(!Number.isNaN(Date.parse(result.machine.date)));
    assert.equal(typeof result.settings, 'object');
    assert.ok(result.durationMs > 0);
    assert.ok(Array.isArray(result.notes) && result.notes.length > 0);
    return result;
  }

  it('runs every benchmark without a failure', () => {
    assert.deepEqual(outcome.failures, []);
  });

  it('bulk update: every peer applied every item, counted by the emulator', async () => {
    const { figures } = await resultFile<BulkUpdateFigures>('bulk-update');
    const records = SMOKE_SIZES.bulkRecords;
    assert.equal(figures.records, records);
    assert.equal(figures.scenarios.length, 1);
    const [scenario] = figures.scenarios;
    assert.deepEqual(
      scenario!.peers.map((p) => p.peer),
      ['ours', 'sdk', 'python-strategy'],
    );
    for (const peer of scenario!.peers) {
      assert.ok(peer.wallMs > 0, peer.peer);
      assert.ok(peer.requests >= Math.ceil(records / 1000), `${peer.peer} sent ${peer.requests} requests`);
      assert.ok(peer.throttled >= 0 && peer.throttled <= peer.requests);
      assert.equal(peer.itemsApplied + peer.itemsNotApplied, records);
      assert.equal(peer.itemsNotApplied, 0, `${peer.peer} left items unapplied`);
    }
    const ours = scenario!.peers[0]!;
    assert.equal(ours.clientView.requestsSent, ours.requests, 'our report agrees with the emulator');
    // The floor: the largest of its terms, the server's term from a measured busy time.
    const { floor } = scenario!;
    assert.equal(floor.requests, Math.ceil(records / 1000));
    assert.ok(floor.serverBusyMs > 0, 'the emulator reported its busy time');
    assert.equal(floor.floorMs, Math.max(floor.rateMs, floor.concurrencyMs, floor.serverMs));
    assert.equal(floor.occupancy?.admitted, floor.requests, 'the updates’ slot occupancy was measured');
    for (const peer of scenario!.peers) {
      assert.equal(peer.runs.length, figures.repetitions);
      assert.ok(peer.wallMsMin <= peer.wallMs && peer.wallMs <= peer.wallMsMax);
      assert.ok((peer.toFloor ?? 0) > 0 && peer.clientCpuUsPerRecord > 0, peer.peer);
    }
    assert.ok((scenario!.speedup.sdk ?? 0) > 0 && (scenario!.speedup['python-strategy'] ?? 0) > 0);
  });

  it('node update: every peer applied the tag to every node, read back from the store; the floor and ratios', async () => {
    const { figures } = await resultFile<NodeUpdateFigures>('node-update');
    const records = SMOKE_SIZES.nodeRecords;
    assert.equal(figures.records, records);
    const [scenario] = figures.scenarios;
    assert.deepEqual(
      scenario!.peers.map((p) => p.peer),
      ['ours', 'ours-port', 'sdk'],
    );
    for (const peer of scenario!.peers) {
      assert.equal(peer.itemsApplied + peer.itemsNotApplied, records);
      assert.equal(peer.itemsNotApplied, 0, `${peer.peer} left nodes unapplied`);
      assert.ok(peer.requests >= Math.ceil(records / 1000), `${peer.peer} sent ${peer.requests} upserts`);
      assert.ok(peer.wallMsMin <= peer.wallMs && peer.wallMs <= peer.wallMsMax);
      assert.ok((peer.toFloor ?? 0) > 0, peer.peer);
    }
    const ours = scenario!.peers[0]!;
    assert.equal(ours.clientView.requestsSent, ours.requests, 'our report agrees with the emulator');
    assert.equal(ours.clientView.throttled, ours.throttled);
    const { floor } = scenario!;
    assert.equal(floor.requests, Math.ceil(records / 1000));
    assert.ok(floor.serverBusyMs > 0);
    assert.equal(floor.floorMs, Math.max(floor.rateMs, floor.concurrencyMs, floor.serverMs, floor.slotsMs ?? 0));
    // Each upsert held its write slot for its latency drawn and its own handling, both measured.
    const held = floor.occupancy!;
    assert.equal(held.admitted, floor.requests);
    assert.ok(held.latencyMs >= floor.requests * scenario!.latencyMs[0] && held.handlingMs > 0);
    assert.ok(
      Math.abs(floor.concurrencyMs - (held.latencyMs + held.handlingMs) / scenario!.throttle.concurrency!) < 1e-9,
    );
    // The ideal client ran as often as each peer and applied everything. It is no faster than the
    // occupancy terms (it pays them too); the server term counts the reads it skips, so not that one.
    const ideal = floor.idealClient!;
    assert.equal(ideal.runs, figures.repetitions);
    assert.equal(ideal.itemsNotApplied, 0);
    const occupancyTerms = Math.max(floor.concurrencyMs, floor.slotsMs!);
    assert.ok(ideal.wallMsMin >= occupancyTerms, `ideal ${ideal.wallMsMin} ms, below ${occupancyTerms} ms`);
    assert.ok((scenario!.speedup.sdk ?? 0) > 0);
  });

  it('listing: every peer read every record once, with its own peak memory', async () => {
    const { figures } = await resultFile<ListingFigures>('listing');
    assert.equal(figures.records, SMOKE_SIZES.listRecords);
    assert.ok(figures.emulator.startMs > 0 && figures.emulator.spawnToReadyMs >= figures.emulator.startMs);
    assert.deepEqual(
      figures.peers.map((p) => p.peer),
      ['ours-partitioned', 'ours-single-cursor', 'sdk-auto-paging', 'ours-partitioned-streaming'],
    );
    for (const peer of figures.peers) {
      assert.ok(peer.complete, `${peer.peer} read ${peer.records} records, ${peer.distinctIds} distinct`);
      assert.ok(peer.wallMs > 0);
      assert.ok(peer.requests >= Math.ceil(SMOKE_SIZES.listRecords / 1000));
      assert.ok(peer.peakRssBytes >= peer.rssBeforeBytes && peer.rssBeforeBytes > 0);
    }
    assert.ok((figures.versusPartitioned['sdk-auto-paging']?.wallTime ?? 0) > 0);
  });

  it('editor loop: a save is two requests, an unchanged save none', async () => {
    const { figures } = await resultFile<EditorLoopFigures>('editor-loop');
    assert.equal(figures.pageSize, 200);
    assert.deepEqual(figures.save.requestsPerSave, { ours: 2, sdk: 2 });
    assert.equal(figures.save.requestsPerUnchangedSave, 0);
    for (const step of [figures.firstPage, figures.openToEditable, figures.save]) {
      assert.equal(step.ours.samples, SMOKE_SIZES.editorIterations);
      assert.ok(step.ours.medianMs > 0 && step.sdk.medianMs > 0 && step.ours.p95Ms >= step.ours.medianMs);
      assert.ok(step.firstCallMs.ours > 0 && step.firstCallMs.sdk > 0);
    }
  });

  it('diff cost: measured on the largest record, the minimal update far smaller than a full set', async () => {
    const { figures } = await resultFile<DiffCostFigures>('diff-cost');
    assert.ok(figures.recordJsonBytes > 100_000, 'the record is at the limits');
    for (const [name, m] of Object.entries(figures.micros)) assert.ok(m.medianUs > 0 && m.rounds > 0, name);
    assert.ok(figures.bytesSent.minimalTypicalEdit * 10 < figures.bytesSent.naiveFullSet);
    assert.ok((figures.diffVersusNaive ?? 0) > 0);
  });

  it('bundle: size, its 10 largest contributors in order, and load times', async () => {
    const { figures } = await resultFile<BundleFigures>('bundle');
    assert.ok(figures.extension.bytes > 50_000 && figures.extension.gzipBytes < figures.extension.bytes);
    const sizes = figures.extension.largestContributors.map((c) => c.bytes);
    assert.equal(sizes.length, 10);
    assert.deepEqual(
      sizes,
      [...sizes].sort((a, b) => b - a),
    );
    assert.ok(figures.withoutEditorLayer.inputs > 0 && figures.withoutEditorLayer.requireMs.medianMs > 0);
    assert.ok(figures.sdk.bytes > 0 && figures.sdk.requireMs.medianMs > 0);
  });

  it('prints the README table with the machine facts and the date', async () => {
    const markdown = await readFile(path.join(outDir, 'summary.md'), 'utf8');
    assert.equal(markdown, outcome.markdown);
    assert.match(markdown, /\| Benchmark \| Ours \| Peer/);
    assert.ok(markdown.includes(`${outcome.results.machine.cores} cores`));
    assert.ok(markdown.includes(process.version));
    assert.ok(markdown.includes(outcome.results.machine.date.slice(0, 10)));
    for (const row of [
      'Bulk update',
      'CogniteFile bulk update',
      'Full listing',
      "Tree's first page",
      'Save round trip',
      'diff per record',
      'bundle',
    ])
      assert.ok(markdown.includes(row), row);
  });
});

describe('benchmarks: sizes from flags and environment', () => {
  it('defaults to the full sizes of issue 7', () => {
    const plan = parsePlan([], {});
    assert.equal(plan.sizes.bulkRecords, 100_000);
    assert.equal(plan.sizes.listRecords, 1_000_000);
    assert.equal(plan.sizes.nodeRecords, 20_000);
    assert.equal(plan.only.length, 7);
    assert.ok(plan.only.includes('node-update'));
    assert.ok(plan.only.includes('activation'));
  });

  it('takes flags before the environment, and refuses unknown names and bad numbers', () => {
    const plan = parsePlan(['--list-records=200_000', '--only', 'listing'], {
      BENCH_LIST_RECORDS: '5',
      BENCH_BULK_RECORDS: '7',
    });
    assert.equal(plan.sizes.listRecords, 200_000);
    assert.equal(plan.sizes.bulkRecords, 7);
    assert.deepEqual(plan.only, ['listing']);
    assert.throws(() => parsePlan(['--only=nope'], {}), /unknown benchmark/);
    assert.throws(() => parsePlan(['--bulk-records=0'], {}), /whole number/);
  });
});
