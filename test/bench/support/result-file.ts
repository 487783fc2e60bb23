/** Every benchmark writes one JSON file: what ran, on what, with which settings, and the figures. */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { REPO_ROOT } from './child-process';
import { machineFacts, type MachineFacts } from './machine';

export const DEFAULT_OUT_DIR = path.join(REPO_ROOT, 'test-artifacts', 'bench');

export interface BenchResult<Figures = unknown> {
  benchmark: string;
  /** One line: what was compared, for a reader of the JSON alone. */
  description: string;
  machine: MachineFacts;
  /** Sizes and emulator settings, so a run can be repeated. */
  settings: Record<string, unknown>;
  /** Wall time of the whole benchmark, setup included. */
  durationMs: number;
  figures: Figures;
  /** Caveats a reader must know to read the figures right. */
  notes: string[];
}

export async function writeResult<F>(
  outDir: string,
  result: Omit<BenchResult<F>, 'machine'>,
): Promise<{ file: string; result: BenchResult<F> }> {
  const full: BenchResult<F> = { ...result, machine: machineFacts() };
  await mkdir(outDir, { recursive: true });
  const file = path.join(outDir, `${result.benchmark}.json`);
  await writeFile(file, JSON.stringify(full, null, 2) + '\n');
  return { file, result: full };
}
