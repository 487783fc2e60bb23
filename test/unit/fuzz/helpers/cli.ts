/** The CLI's `diff` (src/cli/cli.ts) on an original record and an edited text, in memory. */
import type { FileRecord } from '../../../../src/cdf/model';
import { main, type CliIo } from '../../../../src/cli/cli';

export interface CliRun {
  status: number;
  /** The request body it printed; empty when it refused. */
  stdout: string;
  stderr: string;
}

export function runDiffCli(original: FileRecord, edited: string): CliRun {
  let stdout = '';
  let stderr = '';
  const files: Record<string, string> = { 'original.json': JSON.stringify(original), 'edited.json': edited };
  const io: CliIo = {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    readFile: (p) => {
      const text = files[p];
      if (text === undefined) throw new Error(`no such file: ${p}`);
      return text;
    },
  };
  return { status: main(['diff', 'original.json', 'edited.json'], io), stdout, stderr };
}
