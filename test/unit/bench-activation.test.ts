// The activation benchmark's plan and report (the benchmark itself starts VS Code: `--only=activation`).
import assert from 'node:assert/strict';
import type { ActivationFigures } from '../bench/activation/activation-bench';
import { spread } from '../bench/support/stats';
import type { BundleFigures } from '../bench/bundle/bundle-bench';
import { markdownReport } from '../bench/report/markdown';
import { commandOf } from '../bench/run';
import type { BenchResult } from '../bench/support/result-file';
import { machineFacts } from '../bench/support/machine';
import { parsePlan } from '../bench/support/sizes';

describe('benchmarks: activation', () => {
  it('is left out of the smoke pass unless named, and in the full run by default', () => {
    assert.ok(!parsePlan(['--smoke'], {}).only.includes('activation'));
    assert.deepEqual(parsePlan(['--smoke', '--only=activation'], {}).only, ['activation']);
    assert.ok(parsePlan([], {}).only.includes('activation'));
    assert.equal(parsePlan(['--activation-runs=3'], {}).sizes.activationRuns, 3);
    assert.equal(parsePlan([], {}).sizes.activationRuns, 5);
  });

  it('states the command that reproduces a run, with the subset when there is one', () => {
    assert.equal(commandOf(parsePlan([], {})), 'npm run bench');
    assert.equal(commandOf(parsePlan(['--smoke'], {})), 'npm run bench:smoke');
    assert.equal(commandOf(parsePlan(['--only=bundle,activation'], {})), 'npm run bench -- --only=bundle,activation');
    // Sizes that are not the default are part of what reproduces the figures.
    assert.equal(
      commandOf(parsePlan(['--only=bulk-update', '--bulk-records=10000', '--bulk-runs=1'], {})),
      'npm run bench -- --only=bulk-update --bulk-records=10000 --bulk-runs=1',
    );
    assert.equal(commandOf(parsePlan(['--bulk-runs=3'], {})), 'npm run bench');
  });

  it('summarizes runs as median, min and max', () => {
    assert.deepEqual(spread([30, 10, 20]), { medianMs: 20, minMs: 10, maxMs: 30, samples: 3 });
    assert.throws(() => spread([]), /no samples/);
  });

  it('puts both timings in the README table', () => {
    const activation: BenchResult<ActivationFigures> = {
      benchmark: 'activation',
      description: 'd',
      machine: machineFacts(),
      settings: {},
      durationMs: 1,
      notes: ['n'],
      figures: {
        activateMs: spread([2.5, 2.1, 3.25]),
        firstPageMs: spread([420, 400, 510]),
        runs: [],
        extensionBytes: 216_472,
        vscodeVersion: '1.100.3',
      },
    };
    const markdown = markdownReport({ machine: machineFacts(), totalMs: 1, command: 'c', outDir: 'o', activation });
    assert.ok(markdown.includes('code-server 1.100.3, production bundle of 211 KiB'), markdown);
    assert.ok(markdown.includes('in activate(): 2.50 ms median (2.10 ms–3.25 ms, 3 runs)'), markdown);
    assert.ok(markdown.includes('| 420 ms median (400 ms–510 ms, 3 runs) |'), markdown);
  });
});

describe('benchmarks: bundle rows', () => {
  it('names the parts loaded on first use with their sizes', () => {
    const figures: BundleFigures = {
      extension: { bytes: 216_000, gzipBytes: 60_000, largestContributors: [], largestFiles: [] },
      firstUse: [
        { file: 'dist/demo-emulator.js', bytes: 104_448, gzipBytes: 30_720 },
        { file: 'dist/sign-in.js', bytes: 47_104, gzipBytes: 15_360 },
      ],
      withoutEditorLayer: { bytes: 1, inputs: 1, requireMs: { medianMs: 1, p95Ms: 1, minMs: 1, samples: 1 } },
      sdk: { bytes: 1, gzipBytes: 1, requireMs: { medianMs: 1, p95Ms: 1, minMs: 1, samples: 1 } },
      sdkVersusOurs: { bundleBytes: 1, requireMs: 1 },
    };
    const bundle = {
      benchmark: 'bundle',
      description: 'd',
      machine: machineFacts(),
      settings: {},
      durationMs: 1,
      notes: ['n'],
      figures,
    };
    const markdown = markdownReport({ machine: machineFacts(), totalMs: 1, command: 'c', outDir: 'o', bundle });
    assert.ok(
      markdown.includes('| dist/demo-emulator.js 102 KiB (30 KiB gzip), dist/sign-in.js 46 KiB (15 KiB gzip) |'),
      markdown,
    );
  });
});
