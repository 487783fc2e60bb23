import type * as z from 'zod/mini';
import { LIMITS, utf8Bytes } from '../../cdf/model';
import { displayPath, type JsonPath } from '../json-path';
import type { DocumentProblem, ProblemCode } from './types';

type Issue = z.core.$ZodIssue;

/** What a value is, for "found ..." in messages. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (typeof value === 'string') return `the string ${quote(value)}`;
  if (typeof value === 'number') return `the number ${value}`;
  if (typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return 'an array';
  return 'an object';
}

/** A string in double quotes, shortened in the middle of a long one. */
export function quote(s: string, max = 40): string {
  return JSON.stringify(s.length > max ? `${s.slice(0, max - 10)}…${s.slice(-9)}` : s);
}

/** A JSON value for "put back ...", shortened when long. */
export function jsonPreview(value: unknown, max = 80): string {
  const text = JSON.stringify(value ?? null);
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

export function valueAt(root: unknown, path: readonly (string | number)[]): unknown {
  let v = root;
  for (const s of path) {
    if (typeof v !== 'object' || v === null) return undefined;
    if (!Object.prototype.hasOwnProperty.call(v, s)) return undefined;
    v = (v as Record<string | number, unknown>)[s];
  }
  return v;
}

export const problem = (path: JsonPath, code: ProblemCode, message: string, onKey = false): DocumentProblem =>
  onKey ? { path, message, code, severity: 'error', onKey: true } : { path, message, code, severity: 'error' };

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
  const value = valueAt(root, rel);
  const where = displayPath(path);
  const field = path[0];
  const isTop = rel.length === 0;

  // Metadata: limits in UTF-8 bytes, said in bytes.
  if (field === 'metadata' && path.length === 1 && issue.code === 'custom' && isRecord(value)) {
    return metadataSizeProblems(value, issue.message);
  }
  if (field === 'metadata' && path.length === 2 && issue.code === 'invalid_key') {
    const key = String(path[1]);
    return [
      problem(
        path,
        'too-long',
        `Metadata key ${quote(key)} is ${utf8Bytes(key)} bytes (UTF-8); the API allows at most ${LIMITS.metadataKeyBytes}.`,
        true,
      ),
    ];
  }
  if (field === 'metadata' && path.length === 2 && typeof value === 'string' && issue.code !== 'invalid_type') {
    return [
      problem(
        path,
        'too-long',
        `${where} is ${utf8Bytes(value)} bytes (UTF-8); the API allows at most ${LIMITS.metadataValueBytes} per value.`,
      ),
    ];
  }

  switch (issue.code) {
    case 'invalid_type': {
      if (value === undefined) {
        return [problem(path, 'wrong-type', `${where} is missing; it must be ${expectedNoun(issue.expected, path)}.`)];
      }
      if (issue.expected === 'int' && typeof value === 'number') {
        return [problem(path, 'not-whole-number', `${where} is ${value}; it must be a whole number.`)];
      }
      const expected = expectedNoun(issue.expected, path) + (isTop && topNullable ? ', or null' : '');
      const hint =
        (issue.expected === 'number' || issue.expected === 'int') &&
        typeof value === 'string' &&
        /^-?\d+(\.\d+)?$/.test(value)
          ? ' Write the number without quotes.'
          : '';
      return [problem(path, 'wrong-type', `${where} must be ${expected}; found ${describeValue(value)}.${hint}`)];
    }
    case 'too_big': {
      const max = Number(issue.maximum);
      if (typeof value === 'string') {
        // zod counts code points, so the message does too (an emoji is one character, not two).
        return [
          problem(path, 'too-long', `${where} is ${[...value].length} characters; the API allows at most ${max}.`),
        ];
      }
      if (Array.isArray(value)) {
        const position = max === 2 && field === 'geoLocation' ? ' (a position is [longitude, latitude])' : '';
        return [
          problem(
            path,
            'too-many',
            `${where} has ${value.length} ${itemNoun(path)}; the API allows at most ${max}${position}.`,
          ),
        ];
      }
      const named = max === LIMITS.maxId ? ` (2^53-1, the largest integer a JSON number holds exactly)` : '';
      return [problem(path, 'out-of-range', `${where} is ${String(value)}; the API allows at most ${max}${named}.`)];
    }
    case 'too_small': {
      const min = Number(issue.minimum);
      if (typeof value === 'string') {
        return [
          problem(path, 'too-short', `${where} is empty; it needs at least ${min} character${min === 1 ? '' : 's'}.`),
        ];
      }
      if (Array.isArray(value)) {
        return [
          problem(path, 'too-short', `${where} has ${value.length} ${itemNoun(path)}; it needs at least ${min}.`),
        ];
      }
      const why =
        min === 0
          ? ' Times are milliseconds since 1970-01-01T00:00:00Z and cannot be negative.'
          : min === 1
            ? ' CDF ids start at 1.'
            : '';
      return [problem(path, 'out-of-range', `${where} is ${String(value)}; it must be at least ${min}.${why}`)];
    }
    case 'unrecognized_keys':
      return issue.keys.map((key) =>
        problem(
          [...path, key],
          'unknown-key',
          `${where} cannot have a key ${quote(key)}.${allowedKeysHint(path)}`,
          true,
        ),
      );
    case 'invalid_value': {
      const allowed = issue.values.map((v) => JSON.stringify(v)).join(' or ');
      return [problem(path, 'invalid-value', `${where} must be ${allowed}; found ${describeValue(value)}.`)];
    }
    case 'invalid_union':
      if ('options' in issue && issue.options) {
        const options = issue.options.map((o) => JSON.stringify(o)).join(', ');
        return [problem(path, 'invalid-value', `${where} must be one of ${options}; found ${describeValue(value)}.`)];
      }
      return [problem(path, 'invalid', `${where}: ${issue.message}.`)];
    case 'invalid_format':
      return [
        problem(
          path,
          'invalid-value',
          `${where} is ${describeValue(value)}, which is not allowed here${'pattern' in issue && issue.pattern ? ` (it must match ${String(issue.pattern)})` : ''}.`,
        ),
      ];
    case 'custom':
      return [problem(path, 'invalid', `${where}: ${lowerFirst(issue.message)}.`)];
    default:
      return [problem(path, 'invalid', `${where}: ${issue.message}.`)];
  }
}

/** Pairs and total size: checked on the whole map, so recompute which limit the map is over. */
function metadataSizeProblems(m: Record<string, unknown>, fallback: string): DocumentProblem[] {
  const keys = Object.keys(m);
  const out: DocumentProblem[] = [];
  if (keys.length > LIMITS.metadataPairs) {
    out.push(
      problem(
        ['metadata'],
        'too-many',
        `metadata has ${keys.length} key-value pairs; the API allows at most ${LIMITS.metadataPairs}.`,
      ),
    );
  }
  let total = 0;
  for (const k of keys) total += utf8Bytes(k) + (typeof m[k] === 'string' ? utf8Bytes(m[k]) : 0);
  if (total > LIMITS.metadataTotalBytes) {
    out.push(
      problem(
        ['metadata'],
        'too-large',
        `metadata is ${total} bytes in total (UTF-8, keys and values); the API allows at most ${LIMITS.metadataTotalBytes}.`,
      ),
    );
  }
  return out.length ? out : [problem(['metadata'], 'invalid', `metadata: ${lowerFirst(fallback)}.`)];
}

function expectedNoun(expected: string, path: JsonPath): string {
  const field = path[0];
  if (path.length === 1) {
    if (field === 'metadata') return 'an object of string keys and string values';
    if (field === 'assetIds' || field === 'securityCategories') return 'an array of ids (numbers)';
    if (field === 'labels') return 'an array of labels like {"externalId": "pump"}';
    if (field === 'geoLocation') return 'a GeoJSON Feature object';
    if (field === 'instanceId') return 'an object {"space": "...", "externalId": "..."}';
  }
  if (field === 'labels' && path.length === 2) return 'a label like {"externalId": "pump"}';
  if (field === 'metadata' && path.length === 2) return 'a string (metadata values are strings)';
  switch (expected) {
    case 'string':
      return 'a string';
    case 'number':
      return 'a number';
    case 'int':
      return 'a whole number';
    case 'boolean':
      return 'true or false';
    case 'array':
    case 'tuple':
      return 'an array';
    case 'object':
    case 'record':
      return 'an object';
    default:
      return expected;
  }
}

function itemNoun(path: JsonPath): string {
  if (path.length === 1 && (path[0] === 'assetIds' || path[0] === 'securityCategories')) return 'ids';
  if (path.length === 1 && path[0] === 'labels') return 'labels';
  return 'items';
}

function allowedKeysHint(path: JsonPath): string {
  if (path[0] === 'labels' && path.length === 2) return ' A label is {"externalId": "..."} and nothing else.';
  if (path[0] === 'geoLocation' && path.length === 1) return ' A geoLocation has "type", "geometry" and "properties".';
  if (path[0] === 'geoLocation' && path[1] === 'geometry' && path.length === 2)
    return ' A geometry has "type" and "coordinates".';
  return ' Remove it.';
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const lowerFirst = (s: string): string => s.charAt(0).toLowerCase() + s.slice(1).replace(/\.$/, '');
