import fs from 'node:fs';
import { fileRecord, type FileRecord } from '../cdf/model';
import { planSave } from '../core/records';
import { problemsFromIssues, parseDocument, placeProblems } from '../core/document';
import { formatPath } from '../core/json-path';
import type { SaveProblem } from '../core/problems';

/** Where the CLI reads and writes; tests pass their own. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** The file's text; `-` is standard input. Throws when it cannot be read. */
  readFile(path: string): string;
}

export const USAGE = `Usage: node dist/cli.js diff ORIGINAL.json EDITED.json

Compares a file record document as edited (EDITED) with the record it was opened from (ORIGINAL,
as GET/POST /files/byids returns one item) and prints the body of the minimal POST /files/update:
  {"items":[{"id":123,"update":{...}}]}     ("items" is empty when nothing changed)
Either file may be "-" for standard input.

Exit status:
  0  the request body is on stdout
  2  bad input: each problem is on stderr with its JSON path (and line:column), nothing on stdout

Options:
  -h, --help  show this help
`;

const EXIT_OK = 0;
const EXIT_BAD_INPUT = 2;

export const processIo: CliIo = {
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
  readFile: (path) => fs.readFileSync(path === '-' ? 0 : path, 'utf8'),
};

/** Runs the command line `argv` (without `node` and the script) and returns the exit status. */
export function main(argv: readonly string[], io: CliIo = processIo): number {
  if (argv.includes('--help') || argv.includes('-h')) {
    io.stdout(USAGE);
    return EXIT_OK;
  }
  const [command, ...rest] = argv;
  const unknownOption = rest.find((a) => a.startsWith('-') && a !== '-');
  if (command !== 'diff' || rest.length !== 2 || unknownOption) {
    const why =
      command === undefined
        ? 'missing command'
        : command !== 'diff'
          ? `unknown command "${command}"`
          : unknownOption
            ? `unknown option "${unknownOption}"`
            : `diff takes 2 files, got ${rest.length}`;
    io.stderr(`error: ${why}\n\n${USAGE}`);
    return EXIT_BAD_INPUT;
  }
  return diffCommand(rest[0]!, rest[1]!, io);
}

function diffCommand(originalPath: string, editedPath: string, io: CliIo): number {
  const originalText = read(originalPath, io);
  const editedText = read(editedPath, io);
  if (originalText === undefined || editedText === undefined) return EXIT_BAD_INPUT;

  const original = readRecord(originalText);
  if (!original.ok) {
    report(originalPath, original.problems, io);
    return EXIT_BAD_INPUT;
  }
  const plan = planSave(original.record, editedText);
  if (!plan.ok) {
    report(editedPath, plan.problems, io);
    return EXIT_BAD_INPUT;
  }
  io.stdout(JSON.stringify({ items: plan.item ? [plan.item] : [] }, null, 2) + '\n');
  return EXIT_OK;
}

function read(path: string, io: CliIo): string | undefined {
  try {
    return io.readFile(path).replace(/^\uFEFF/, '');
  } catch (err) {
    io.stderr(`${path}: cannot read the file: ${err instanceof Error ? err.message : String(err)}\n`);
    return undefined;
  }
}

/** ORIGINAL must be a record exactly as the API returns it. */
function readRecord(text: string): { ok: true; record: FileRecord } | { ok: false; problems: SaveProblem[] } {
  const parsed = parseDocument(text);
  if (!parsed.ok) return { ok: false, problems: parsed.problems };
  const result = fileRecord.safeParse(parsed.value);
  // The parsed value, not zod's copy: that one would drop a metadata key such as "__proto__".
  if (result.success) return { ok: true, record: parsed.value as FileRecord };
  const problems = problemsFromIssues(result.error.issues, parsed.value, []);
  const value = parsed.value as { items?: unknown };
  if (typeof value === 'object' && value !== null && Array.isArray(value.items)) {
    problems.unshift({
      path: ['items'],
      code: 'invalid',
      severity: 'error',
      message: 'This looks like a whole API response; ORIGINAL must be one record (the object inside "items").',
    });
  }
  return { ok: false, problems: placeProblems(text, parsed.tree, problems) };
}

/** `file:line:column: $.path: message`, the shape editors and CI logs link to their source. */
function report(file: string, problems: readonly SaveProblem[], io: CliIo): void {
  for (const p of problems) {
    const where = p.line !== undefined ? `${file}:${p.line}:${p.column ?? 1}` : file;
    const path = p.code === 'invalid-json' && p.path.length === 0 ? '' : `${formatPath(p.path)}: `;
    io.stderr(`${where}: ${path}${p.message}\n`);
  }
}
