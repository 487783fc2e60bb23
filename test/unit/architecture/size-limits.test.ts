/**
 * The shape the repository keeps (small files about one thing, short functions): every source file
 * under src/ is at most 250 lines and every function at most 60, except generated or data files.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const SRC = path.resolve(__dirname, '../../../src');
const MAX_FILE_LINES = 250;
const MAX_FUNCTION_LINES = 60;
/** Data, not logic: tables of demo content. */
const DATA_FILES = new Set<string>([]);

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

function longFunctions(file: string, text: string): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionLike(node) && 'body' in node && node.body) {
      const start = source.getLineAndCharacterOfPosition(node.getStart(source)).line;
      const end = source.getLineAndCharacterOfPosition(node.getEnd()).line;
      const lines = end - start + 1;
      const name = node.name && ts.isIdentifier(node.name) ? node.name.text : '(anonymous)';
      if (lines > MAX_FUNCTION_LINES) found.push(`${path.relative(SRC, file)}:${start + 1} ${name} (${lines} lines)`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('repository shape', () => {
  const files = sourceFiles(SRC).filter((file) => !DATA_FILES.has(path.relative(SRC, file)));

  it(`keeps every file under src/ at ${MAX_FILE_LINES} lines or fewer`, () => {
    const long = files
      .map((file) => ({ file, lines: fs.readFileSync(file, 'utf8').split('\n').length }))
      .filter(({ lines }) => lines > MAX_FILE_LINES)
      .map(({ file, lines }) => `${path.relative(SRC, file)} (${lines} lines)`);
    assert.deepEqual(long, []);
  });

  it(`keeps every function under src/ at ${MAX_FUNCTION_LINES} lines or fewer`, () => {
    assert.deepEqual(
      files.flatMap((file) => longFunctions(file, fs.readFileSync(file, 'utf8'))),
      [],
    );
  });
});
