/**
 * What every refused document must get: `planSave` returns (never throws) a list of problems, each
 * a readable sentence at a JSON path that exists in the document (or is the parent of the missing
 * piece), placed at a range inside the text; and the save loop sends nothing at all.
 */
import assert from 'node:assert/strict';
import type { FilesApi } from '../../../../src/core/ports';
import type { FileRecord } from '../../../../src/cdf/model';
import { planSave } from '../../../../src/core/records';
import type { JsonPath } from '../../../../src/core/json-path';
import { saveRecord } from '../../helpers/save-outcomes';
import type { SaveProblem, ProblemCode } from '../../../../src/core/problems';

/** Does `path` lead to a value inside `root` (own properties only)? */
export function pathExists(root: unknown, path: JsonPath): boolean {
  let v = root;
  for (const segment of path) {
    if (Array.isArray(v)) {
      if (typeof segment !== 'number' || segment < 0 || segment >= v.length) return false;
      v = v[segment];
    } else if (typeof v === 'object' && v !== null) {
      if (typeof segment !== 'string' || !Object.prototype.hasOwnProperty.call(v, segment)) return false;
      v = (v as Record<string, unknown>)[segment];
    } else return false;
  }
  return true;
}

function parsedOrUndefined(text: string): { value: unknown } | undefined {
  try {
    return { value: JSON.parse(text) as unknown };
  } catch {
    return undefined;
  }
}

/** 1-based line of an offset, counting \n, \r\n and lone \r as line breaks. */
function lineOf(text: string, offset: number): number {
  return text.slice(0, offset).split(/\r\n|\r|\n/).length;
}

/** Longest message a person should have to read; a message quoting a megabyte is not "clear". */
export const MAX_MESSAGE_LENGTH = 600;

export function assertProblemIsClear(text: string, p: SaveProblem): void {
  const parsed = parsedOrUndefined(text);
  const where = `${p.code} at ${JSON.stringify(p.path)}`;
  assert.equal(p.severity, 'error', where);
  assert.equal(typeof p.message, 'string', where);
  assert.ok(p.message.length >= 10, `${where}: message too short: ${p.message}`);
  assert.ok(p.message.length <= MAX_MESSAGE_LENGTH, `${where}: message of ${p.message.length} characters`);
  // Outside the quotes (which may quote what the person typed, "NaN" included), no sign of a bug.
  const unquoted = p.message.replace(/"(?:[^"\\]|\\.)*"/g, '""');
  assert.ok(!/\bundefined\b|\bNaN\b|\[object Object\]/.test(unquoted), `${where}: ${p.message}`);
  if (parsed) {
    assert.ok(
      pathExists(parsed.value, p.path) || pathExists(parsed.value, p.path.slice(0, -1)),
      `${where}: the path is not in the document, nor its parent`,
    );
  } else {
    assert.equal(p.code, 'invalid-json', `${where}: text that is not JSON must be reported as such`);
  }
  if (p.offset !== undefined) {
    assert.ok(Number.isInteger(p.offset) && p.offset >= 0 && p.offset <= text.length, `${where}: offset ${p.offset}`);
    assert.ok(
      p.length !== undefined && p.length >= 0 && p.offset + p.length <= text.length,
      `${where}: length ${p.length}`,
    );
    assert.equal(p.line, lineOf(text, p.offset), `${where}: line`);
    assert.ok(p.column !== undefined && p.column >= 1, `${where}: column`);
  }
}

/**
 * `text` must be refused. Returns the problems. With `at`, one of them must be at that path (and,
 * with `code`, of that code).
 */
export function assertRefused(
  base: FileRecord,
  text: string,
  expect: { at?: JsonPath; code?: ProblemCode } = {},
): SaveProblem[] {
  const plan = planSave(base, text);
  assert.equal(plan.ok, false, 'the document was accepted');
  if (plan.ok) return [];
  assert.ok(plan.problems.length > 0, 'refused without a problem');
  for (const p of plan.problems) assertProblemIsClear(text, p);
  if (expect.at !== undefined || expect.code !== undefined) {
    const match = plan.problems.find(
      (p) =>
        (expect.at === undefined || JSON.stringify(p.path) === JSON.stringify(expect.at)) &&
        (expect.code === undefined || p.code === expect.code),
    );
    assert.ok(
      match,
      `no ${expect.code ?? 'problem'} at ${JSON.stringify(expect.at)}; got ${JSON.stringify(plan.problems.map((p) => [p.code, p.path]))}`,
    );
  }
  return plan.problems;
}

/** The save loop with a refused document: outcome `invalid`, and not one request. */
export async function assertNothingSent(base: FileRecord, text: string): Promise<void> {
  const calls: string[] = [];
  const api: Pick<FilesApi, 'retrieveExisting' | 'updateFiles'> = {
    retrieveExisting: () => {
      calls.push('retrieveExisting');
      return Promise.reject(new Error('must not be called'));
    },
    updateFiles: () => {
      calls.push('updateFiles');
      return Promise.reject(new Error('must not be called'));
    },
  };
  const outcome = await saveRecord({
    base,
    text,
    api,
    resolveConflicts: () => Promise.reject(new Error('must not be called')),
  });
  assert.equal(outcome.kind, 'invalid');
  assert.deepEqual(calls, [], 'a refused document reached the API');
}
