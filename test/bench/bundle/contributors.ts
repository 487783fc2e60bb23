/** Who makes the bundle big: bytes in the output per package (node_modules) or source folder. */
import type { Metafile } from 'esbuild';

export interface Contributor {
  name: string;
  bytes: number;
  files: number;
}

/** `node_modules/@scope/pkg/...` → `@scope/pkg`; `src/vscode/tree/x.ts` → `src/vscode/tree`. */
export function contributorOf(inputPath: string): string {
  const parts = inputPath.split('/');
  const nm = parts.lastIndexOf('node_modules');
  if (nm >= 0) {
    const first = parts[nm + 1] ?? '?';
    return first.startsWith('@') ? `${first}/${parts[nm + 2] ?? '?'}` : first;
  }
  return parts.length > 2 ? parts.slice(0, -1).join('/') : inputPath;
}

export function largestContributors(metafile: Metafile, outputPath: string, count: number): Contributor[] {
  const output = metafile.outputs[outputPath];
  if (!output) throw new Error(`the metafile has no output ${outputPath}`);
  const byName = new Map<string, Contributor>();
  for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
    const name = contributorOf(input);
    const entry = byName.get(name) ?? { name, bytes: 0, files: 0 };
    entry.bytes += bytesInOutput;
    entry.files++;
    byName.set(name, entry);
  }
  return [...byName.values()].sort((a, b) => b.bytes - a.bytes).slice(0, count);
}

/** The `count` largest single input files. */
export function largestFiles(metafile: Metafile, outputPath: string, count: number): Contributor[] {
  const output = metafile.outputs[outputPath];
  if (!output) throw new Error(`the metafile has no output ${outputPath}`);
  return Object.entries(output.inputs)
    .map(([name, { bytesInOutput }]) => ({ name, bytes: bytesInOutput, files: 1 }))
    .sort((a, b) => b.bytes - a.bytes)
    .slice(0, count);
}
