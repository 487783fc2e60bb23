/**
 * How long `require` of a module takes in a fresh Node process: measured inside the process around
 * the `require` alone (Node's own start-up is the same for everyone and left out), median of runs.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { REPO_ROOT } from '../support/child-process';
import { summarize, type Sampled } from '../support/stats';

const run = promisify(execFile);

const PROBE =
  'const t = process.hrtime.bigint(); require(process.argv[1]); ' +
  'process.stdout.write(String(Number(process.hrtime.bigint() - t) / 1e6));';

export async function requireTime(moduleId: string, runs: number): Promise<Sampled> {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const { stdout } = await run(process.execPath, ['-e', PROBE, moduleId], { cwd: REPO_ROOT, timeout: 60_000 });
    samples.push(Number(stdout));
  }
  return summarize(samples);
}
