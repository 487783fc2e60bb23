import fs from 'node:fs';
import { parseDocument, placeProblems } from '../core/document';
import { planDocumentSave } from '../core/diff';
import { formatPath } from '../core/json-path';
import type { SaveProblem } from '../core/problems';
import { CLI_KINDS, KIND_NAMES, type CliKind } from './cli-kinds';
import { parseArgs } from './cli-args';

/** Where the CLI reads and writes; tests pass their own. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** The file's text; `-` is standard input. Throws when it cannot be read. */
  readFile(path: string): string;
}

export const USAGE = `Usage: node dist/cli.js diff ORIGINAL.json EDITED.json
       node dist/cli.js diff --kind cognite-file ORIGINAL.json EDITED.json
       node dist/cli.js render [--kind cognite-file] ORIGINAL.json

diff compares a record document as edited (EDITED) with the record it was opened from (ORIGINAL)
and prints the body of the request a save sends:
  classic-file (the default): ORIGINAL is ${CLI_KINDS['classic-file']!.original};
    the minimal POST /files/update: {"items":[{"id":123,"update":{...}}]}
  cognite-file: ORIGINAL is ${CLI_KINDS['cognite-file']!.original};
    one POST /models/instances item with only the changed properties and existingVersion,
    {"items":[{...}],"autoCreateDirectRelations":false}
  ("items" is empty when nothing changed)
render prints the document ORIGINAL opens as in the editor, to edit and pass to diff as EDITED.
Either file may be "-" for standard input.

Exit status:
  0  the request body (or the document) is on stdout
  2  bad input: each problem is on stderr with its JSON path (and line:column), nothing on stdout

Options:
  --kind KIND  ${KIND_NAMES.join(' or ')} (default classic-file)
  -h, --help   show this help
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
  const args = parseArgs(argv);
  if (!args.ok) {
    io.stderr(`error: ${args.why}\n\n${USAGE}`);
    return EXIT_BAD_INPUT;
  }
  const kind = CLI_KINDS[args.kind]!;
  return args.command === 'render' ? renderCommand(kind, args.files[0]!, io) : diffCommand(kind, args.files, io);
}

function diffCommand(kind: CliKind, [originalPath, editedPath]: readonly string[], io: CliIo): number {
  const original = readOriginal(kind, originalPath!, io);
  if (!original) return EXIT_BAD_INPUT;
  const editedText = read(editedPath!, io);
  if (editedText === undefined) return EXIT_BAD_INPUT;
  const plan = planDocumentSave(kind.kind, original, editedText);
  if (!plan.ok) {
    report(editedPath!, plan.problems, io);
    return EXIT_BAD_INPUT;
  }
  io.stdout(JSON.stringify(kind.body(plan.item ? [plan.item] : []), null, 2) + '\n');
  return EXIT_OK;
}

function renderCommand(kind: CliKind, originalPath: string, io: CliIo): number {
  const original = readOriginal(kind, originalPath, io);
  if (!original) return EXIT_BAD_INPUT;
  io.stdout(JSON.stringify(kind.kind.document.render(original), null, 2) + '\n');
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

/** ORIGINAL must be one record exactly as the API returns it; its problems are reported here. */
function readOriginal(kind: CliKind, path: string, io: CliIo): object | undefined {
  const text = read(path, io);
  if (text === undefined) return undefined;
  const parsed = parseDocument(text, kind.kind);
  if (!parsed.ok) return void report(path, parsed.problems, io);
  const result = kind.read(parsed.value);
  if (result.ok) return result.record;
  const problems = result.problems;
  const value = parsed.value as { items?: unknown };
  if (typeof value === 'object' && value !== null && Array.isArray(value.items)) {
    problems.unshift({
      path: ['items'],
      code: 'invalid',
      severity: 'error',
      message: 'This looks like a whole API response; ORIGINAL must be one record (the object inside "items").',
    });
  }
  report(path, placeProblems(text, parsed.tree, problems), io);
  return undefined;
}

/** `file:line:column: $.path: message`, the shape editors and CI logs link to their source. */
function report(file: string, problems: readonly SaveProblem[], io: CliIo): void {
  for (const p of problems) {
    const where = p.line !== undefined ? `${file}:${p.line}:${p.column ?? 1}` : file;
    const path = p.code === 'invalid-json' && p.path.length === 0 ? '' : `${formatPath(p.path)}: `;
    io.stderr(`${where}: ${path}${p.message}\n`);
  }
}
