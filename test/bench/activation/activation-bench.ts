/**
 * Activation in the real extension host: the production build of the extension (as packaged) in
 * code-server's extension host, through the harness the in-editor tests use, a fresh VS Code (new
 * user data, new extension host) per run. Each run reports what activate() measured of itself and the
 * time from the start of activate() to the tree's first page of the demo project (see host-entry.ts).
 * Median, min and max over the runs: a 2-core machine shared with other work is noisy.
 */
import { build } from 'esbuild';
import { spawn } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { REPO_ROOT } from '../support/child-process';
import { writeResult, type BenchResult } from '../support/result-file';
import { spread, type Spread } from '../support/stats';
import { EXTENSION_ENTRY, FIRST_USE_ENTRIES, PRODUCTION_OPTIONS } from '../bundle/esbuild-settings';
import type { HostTimings } from './host-entry';

export interface ActivationOptions {
  /** Fresh VS Code launches. */
  runs: number;
  outDir: string;
  log?: (line: string) => void;
}

export interface ActivationFigures {
  activateMs: Spread;
  firstPageMs: Spread;
  runs: HostTimings[];
  extensionBytes: number;
  vscodeVersion: string;
}

/** An installable copy of the extension with the production bundle, outside the repository. */
async function productionExtension(dir: string): Promise<number> {
  await cp(path.join(REPO_ROOT, 'package.json'), path.join(dir, 'package.json'));
  for (const folder of ['schemas', 'media']) {
    await cp(path.join(REPO_ROOT, folder), path.join(dir, folder), { recursive: true });
  }
  const dist = path.join(dir, 'dist');
  await build({ ...PRODUCTION_OPTIONS, entryPoints: [EXTENSION_ENTRY], outfile: path.join(dist, 'extension.js') });
  for (const { entry, file } of FIRST_USE_ENTRIES) {
    await build({ ...PRODUCTION_OPTIONS, external: [], entryPoints: [entry], outfile: path.join(dist, file) });
  }
  return (await stat(path.join(dist, 'extension.js'))).size;
}

function runHarness(args: string[], env: NodeJS.ProcessEnv, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const keep = (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-8000);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    const timer = setTimeout(() => child.kill('SIGTERM'), timeoutMs);
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve();
      else reject(new Error(`the extension host run failed (${signal ?? `exit ${code}`}):\n${output}`));
    });
  });
}

export async function runActivationBench(options: ActivationOptions): Promise<BenchResult<ActivationFigures>> {
  const startedAt = performance.now();
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'cdf-files-activation-bench-'));
  try {
    const extensionDir = path.join(tmp, 'extension');
    await mkdir(extensionDir);
    const extensionBytes = await productionExtension(extensionDir);
    const entry = path.join(tmp, 'host', 'entry.js');
    await build({
      ...PRODUCTION_OPTIONS,
      minify: false,
      metafile: false,
      external: ['vscode'],
      entryPoints: ['test/bench/activation/host-entry.ts'],
      outfile: entry,
    });

    const runs: HostTimings[] = [];
    for (let i = 0; i < options.runs; i++) {
      const out = path.join(tmp, `run-${i}.json`);
      await runHarness(
        [
          path.join(REPO_ROOT, 'scripts', 'vscode-harness', 'run-ext-tests.mjs'),
          `--extensionDevelopmentPath=${extensionDir}`,
          `--extensionTestsPath=${entry}`,
        ],
        { ...process.env, CDF_FILES_OPEN_DEMO: '1', CDF_FILES_BENCH_OUT: out },
        180_000,
      );
      const timings = JSON.parse(await readFile(out, 'utf8')) as HostTimings;
      if (timings.firstPageItems === 0) throw new Error(`run ${i + 1}: the first page held no files or groups`);
      runs.push(timings);
      options.log?.(
        `activation run ${i + 1}/${options.runs}: activate() ${timings.activateMs.toFixed(1)} ms, first page ${timings.firstPageMs.toFixed(0)} ms`,
      );
    }

    const { result } = await writeResult<ActivationFigures>(options.outDir, {
      benchmark: 'activation',
      description:
        "Time in activate() and from activation to the demo project's first tree page, in code-server's real extension host",
      settings: {
        runs: options.runs,
        bundle: 'production (esbuild.js --production options)',
        demo: 'reopened at activation',
      },
      durationMs: performance.now() - startedAt,
      figures: {
        activateMs: spread(runs.map((r) => r.activateMs)),
        firstPageMs: spread(runs.map((r) => r.firstPageMs)),
        runs,
        extensionBytes,
        vscodeVersion: runs[0]?.vscodeVersion ?? 'unknown',
      },
      notes: [
        'Each run is a fresh code-server (new user data, new extension host) with the production bundle, through scripts/vscode-harness.',
        'activate() times itself (performance.now() at its start and before it returns); loading dist/extension.js before it is not included.',
        'First page: from the start of activate() until the tree returns its first page of the demo, which activation reopens (CDF_FILES_OPEN_DEMO=1): loading the emulator, generating the demo project (cdfFiles.demo.files, default 5000), files/list.',
      ],
    });
    return result;
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}
