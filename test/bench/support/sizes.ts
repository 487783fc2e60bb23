/**
 * How big each benchmark runs. Defaults are the full sizes of issue 7; `--smoke` (or BENCH_SMOKE=1)
 * is the tiny run the unit test makes. Any size can be set by flag or environment variable.
 */
import { BULK_SCENARIOS, SMOKE_SCENARIO, type BulkScenario } from '../bulk-update/scenarios';
import { NODE_SCENARIOS, NODE_SMOKE_SCENARIO, type NodeScenario } from '../node-update/scenarios';

export const BENCHMARK_NAMES = [
  'bulk-update',
  'node-update',
  'listing',
  'editor-loop',
  'diff-cost',
  'bundle',
  'activation',
] as const;
/** Left out of `--smoke` unless named: each of its runs starts a real VS Code (code-server and a browser). */
export const NOT_IN_SMOKE: readonly BenchmarkName[] = ['activation'];
export type BenchmarkName = (typeof BENCHMARK_NAMES)[number];

export interface BenchSizes {
  bulkRecords: number;
  bulkScenarios: readonly BulkScenario[];
  /** Runs of each bulk-update peer per scenario, interleaved. */
  bulkRuns: number;
  /** CogniteFile nodes of the node-update benchmark, its scenarios and runs per peer. */
  nodeRecords: number;
  nodeScenarios: readonly NodeScenario[];
  nodeRuns: number;
  listRecords: number;
  editorIterations: number;
  diffRounds: number;
  diffRoundMs: number;
  loadRuns: number;
  /** Fresh VS Code launches of the activation benchmark. */
  activationRuns: number;
}

export const FULL_SIZES: BenchSizes = {
  bulkRecords: 100_000,
  bulkScenarios: BULK_SCENARIOS,
  bulkRuns: 3,
  nodeRecords: 20_000,
  nodeScenarios: NODE_SCENARIOS,
  nodeRuns: 3,
  listRecords: 1_000_000,
  editorIterations: 50,
  diffRounds: 15,
  diffRoundMs: 100,
  loadRuns: 15,
  activationRuns: 5,
};

export const SMOKE_SIZES: BenchSizes = {
  bulkRecords: 2_500,
  bulkScenarios: [SMOKE_SCENARIO],
  bulkRuns: 1,
  nodeRecords: 500,
  nodeScenarios: [NODE_SMOKE_SCENARIO],
  nodeRuns: 1,
  listRecords: 2_500,
  editorIterations: 3,
  diffRounds: 2,
  diffRoundMs: 5,
  loadRuns: 1,
  activationRuns: 1,
};

export interface RunPlan {
  sizes: BenchSizes;
  only: readonly BenchmarkName[];
  outDir: string | undefined;
  smoke: boolean;
}

/** `--name=value` or `--name value` from argv, else `BENCH_NAME` from the environment. */
function option(argv: readonly string[], env: NodeJS.ProcessEnv, name: string): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === `--${name}`) return argv[i + 1];
    if (arg.startsWith(`--${name}=`)) return arg.slice(name.length + 3);
  }
  return env[`BENCH_${name.toUpperCase().replace(/-/g, '_')}`];
}

function positiveInteger(text: string | undefined, what: string): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text.replace(/_/g, ''));
  if (!Number.isInteger(n) || n < 1)
    throw new Error(`${what} must be a whole number above 0, got ${JSON.stringify(text)}`);
  return n;
}

export function parsePlan(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): RunPlan {
  const smoke = argv.includes('--smoke') || env.BENCH_SMOKE === '1';
  const base = smoke ? SMOKE_SIZES : FULL_SIZES;
  const onlyText = option(argv, env, 'only');
  const only =
    onlyText !== undefined
      ? onlyText.split(',').map((s) => s.trim())
      : BENCHMARK_NAMES.filter((name) => !smoke || !NOT_IN_SMOKE.includes(name));
  for (const name of only) {
    if (!(BENCHMARK_NAMES as readonly string[]).includes(name))
      throw new Error(`unknown benchmark ${JSON.stringify(name)}; known: ${BENCHMARK_NAMES.join(', ')}`);
  }
  return {
    smoke,
    only: only as BenchmarkName[],
    outDir: option(argv, env, 'out'),
    sizes: {
      ...base,
      bulkRecords: positiveInteger(option(argv, env, 'bulk-records'), '--bulk-records') ?? base.bulkRecords,
      bulkRuns: positiveInteger(option(argv, env, 'bulk-runs'), '--bulk-runs') ?? base.bulkRuns,
      nodeRecords: positiveInteger(option(argv, env, 'node-records'), '--node-records') ?? base.nodeRecords,
      nodeRuns: positiveInteger(option(argv, env, 'node-runs'), '--node-runs') ?? base.nodeRuns,
      listRecords: positiveInteger(option(argv, env, 'list-records'), '--list-records') ?? base.listRecords,
      editorIterations:
        positiveInteger(option(argv, env, 'editor-iterations'), '--editor-iterations') ?? base.editorIterations,
      loadRuns: positiveInteger(option(argv, env, 'load-runs'), '--load-runs') ?? base.loadRuns,
      activationRuns: positiveInteger(option(argv, env, 'activation-runs'), '--activation-runs') ?? base.activationRuns,
    },
  };
}
