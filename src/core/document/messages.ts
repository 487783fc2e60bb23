import { displayPath, type JsonPath } from '../json-path';
import {
  metadataProblems,
  otherProblems,
  tooBigProblems,
  tooSmallProblems,
  typeProblems,
  type Issue,
} from './issue-problems';
import type { DocumentProblem } from '../problems';

export { describeValue, jsonPreview, quote } from './value-words';

export function valueAt(root: unknown, path: readonly (string | number)[]): unknown {
  let v = root;
  for (const s of path) {
    if (typeof v !== 'object' || v === null) return undefined;
    if (!Object.prototype.hasOwnProperty.call(v, s)) return undefined;
    v = (v as Record<string | number, unknown>)[s];
  }
  return v;
}

/**
 * Turns zod issues into problems with a message a person can act on: the field, what is wrong with
 * the value found, and the limit. `root` is the value that was validated, at `prefix` in the document.
 * With `topNullable`, the value itself may also be `null` (an editable field of the document).
 * Issues of one kind at one place (zod reports `.max()` twice for an int64) become one problem.
 */
export function problemsFromIssues(
  issues: readonly Issue[],
  root: unknown,
  prefix: JsonPath,
  topNullable = false,
): DocumentProblem[] {
  const out: DocumentProblem[] = [];
  const seen = new Set<string>();
  for (const issue of issues) {
    for (const p of problemsFromIssue(issue, root, prefix, topNullable)) {
      const key = JSON.stringify([p.path, p.onKey === true, p.code]);
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(p);
    }
  }
  return out;
}

function problemsFromIssue(issue: Issue, root: unknown, prefix: JsonPath, topNullable: boolean): DocumentProblem[] {
  const rel = issue.path.filter((s): s is string | number => typeof s !== 'symbol');
  const path = [...prefix, ...rel];
  const at = { path, where: displayPath(path), value: valueAt(root, rel), isTop: rel.length === 0, topNullable };
  const metadata = metadataProblems(issue, at);
  if (metadata) return metadata;
  switch (issue.code) {
    case 'invalid_type':
      return typeProblems(issue, at);
    case 'too_big':
      return tooBigProblems(issue, at);
    case 'too_small':
      return tooSmallProblems(issue, at);
    default:
      return otherProblems(issue, at);
  }
}
