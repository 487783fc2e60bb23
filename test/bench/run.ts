/**
 * `npm run bench`: every benchmark of issue 7 in one run, then the README table.
 *
 *   npx tsx test/bench/run.ts                      full sizes (100,000 updates, 1,000,000 listed)
 *   npx tsx test/bench/run.ts --smoke              tiny sizes (what the unit test runs)
 *   --only=bulk-update,node-update,listing,editor-loop,diff-cost,bundle,activation   a subset
 *   --bulk-records=N --bulk-runs=N --node-records=N --node-runs=N --list-records=N --editor-iterations=N --load-runs=N --activation-runs=N --out=DIR
 * `--smoke` leaves out activation (it starts a real VS Code per run) unless --only names it.
 * Each flag also reads from the environment as BENCH_<NAME> (BENCH_LIST_RECORDS=200000).
 *
 * Writes one JSON file per benchmark, plus summary.json and summary.md, to test-artifacts/bench/
 * (git-ignored), and prints the Markdown.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { runActivationBench } from './activation/activation-bench';
import { runBulkUpdateBench } from './bulk-update/bulk-update-bench';
import { runBundleBench } from './bundle/bundle-bench';
import { runDiffCostBench } from './diff-cost/diff-cost-bench';
import { runEditorLoopBench } from './editor-loop/editor-loop-bench';
import { runListingBench } from './listing/listing-bench';
import { runNodeUpdateBench } from './node-update/node-update-bench';
import { markdownReport, type RunResults } from './report/markdown';
import { REPO_ROOT } from './support/child-process';
import { machineFacts } from './support/machine';
import { DEFAULT_OUT_DIR } from './support/result-file';
import {
  BENCHMARK_NAMES,
  FULL_SIZES,
  NOT_IN_SMOKE,
  parsePlan,
  SMOKE_SIZES,
  type BenchmarkName,
  type RunPlan,
} from './support/sizes';

export interface RunOutcome {
  results: RunResults;
  markdown: string;
  outDir: string;
  failures: { benchmark: BenchmarkName; error: string }[];
}

/** Size flags, each against its field of the sizes. */
const SIZE_FLAGS = [
  ['bulk-records', 'bulkRecords'],
  ['bulk-runs', 'bulkRuns'],
  ['node-records', 'nodeRecords'],
  ['node-runs', 'nodeRuns'],
  ['list-records', 'listRecords'],
  ['editor-iterations', 'editorIterations'],
  ['load-runs', 'loadRuns'],
  ['activation-runs', 'activationRuns'],
] as const;

/** The command that reproduces this run, as the report states it: the subset and any size not the default. */
export function commandOf(plan: RunPlan): string {
  const base = plan.smoke ? 'npm run bench:smoke' : 'npm run bench';
  const defaults = plan.smoke ? SMOKE_SIZES : FULL_SIZES;
  const all = BENCHMARK_NAMES.filter((name) => !plan.smoke || !NOT_IN_SMOKE.includes(name));
  const subset = plan.only.length !== all.length || plan.only.some((name) => !all.includes(name));
  const flags = [
    ...(subset ? [`--only=${plan.only.join(',')}`] : []),
    ...SIZE_FLAGS.filter(([, field]) => plan.sizes[field] !== defaults[field]).map(
      ([flag, field]) => `--${flag}=${plan.sizes[field]}`,
    ),
  ];
  return flags.length > 0 ? `${base} -- ${flags.join(' ')}` : base;
}

export async function runAll(plan: RunPlan, log: (line: string) => void = () => undefined): Promise<RunOutcome> {
  const startedAt = performance.now();
  const outDir = plan.outDir ?? (plan.smoke ? path.join(DEFAULT_OUT_DIR, 'smoke') : DEFAULT_OUT_DIR);
  const { sizes } = plan;
  const results: RunResults = {
    machine: machineFacts(),
    totalMs: 0,
    command: commandOf(plan),
    outDir: path.relative(REPO_ROOT, outDir),
  };
  const failures: RunOutcome['failures'] = [];

  // Cheap ones first, so a failure in a long one still leaves the others' figures.
  const steps: { name: BenchmarkName; run: () => Promise<void> }[] = [
    {
      name: 'diff-cost',
      run: async () => {
        results.diffCost = await runDiffCostBench({ rounds: sizes.diffRounds, roundMs: sizes.diffRoundMs, outDir });
      },
    },
    {
      name: 'bundle',
      run: async () => {
        results.bundle = await runBundleBench({ loadRuns: sizes.loadRuns, outDir });
      },
    },
    {
      name: 'activation',
      run: async () => {
        results.activation = await runActivationBench({ runs: sizes.activationRuns, outDir, log });
      },
    },
    {
      name: 'editor-loop',
      run: async () => {
        results.editorLoop = await runEditorLoopBench({ iterations: sizes.editorIterations, outDir, log });
      },
    },
    {
      name: 'bulk-update',
      run: async () => {
        results.bulkUpdate = await runBulkUpdateBench({
          records: sizes.bulkRecords,
          scenarios: sizes.bulkScenarios,
          repetitions: sizes.bulkRuns,
          outDir,
          log,
        });
      },
    },
    {
      name: 'node-update',
      run: async () => {
        results.nodeUpdate = await runNodeUpdateBench({
          records: sizes.nodeRecords,
          scenarios: sizes.nodeScenarios,
          repetitions: sizes.nodeRuns,
          outDir,
          log,
        });
      },
    },
    {
      name: 'listing',
      run: async () => {
        results.listing = await runListingBench({ records: sizes.listRecords, outDir, log });
      },
    },
  ];

  for (const step of steps) {
    if (!plan.only.includes(step.name)) continue;
    const stepStart = performance.now();
    log(`== ${step.name}`);
    try {
      await step.run();
      log(`== ${step.name} done in ${((performance.now() - stepStart) / 1000).toFixed(1)} s`);
    } catch (error) {
      const text = error instanceof Error ? (error.stack ?? error.message) : String(error);
      failures.push({ benchmark: step.name, error: text });
      log(`== ${step.name} FAILED: ${text}`);
    }
  }

  results.totalMs = performance.now() - startedAt;
  const markdown = markdownReport(results);
  await mkdir(outDir, { recursive: true });
  await writeFile(path.join(outDir, 'summary.md'), markdown);
  await writeFile(
    path.join(outDir, 'summary.json'),
    JSON.stringify({ machine: results.machine, totalMs: results.totalMs, plan, failures }, null, 2) + '\n',
  );
  return { results, markdown, outDir, failures };
}

async function main(): Promise<void> {
  const plan = parsePlan(process.argv.slice(2));
  const outcome = await runAll(plan, (line) =>
    console.error(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}`),
  );
  process.stdout.write(outcome.markdown);
  console.error(`results in ${path.relative(process.cwd(), outcome.outDir) || '.'}`);
  if (outcome.failures.length > 0) process.exitCode = 1;
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
