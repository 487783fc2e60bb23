import * as l10n from '@vscode/l10n';
import type * as z from 'zod/mini';
import { LIMITS, utf8Bytes } from '../../cdf/model';
import { displayPath, type JsonPath } from '../json-path';
import type { DocumentProblem, ProblemCode } from './types';

type Issue = z.core.$ZodIssue;

/** What a value is, for "found ..." in messages. */
export function describeValue(value: unknown): string {
  if (value === undefined) return l10n.t('nothing');
  if (value === null) return 'null';
  if (typeof value === 'string') return l10n.t('the string {0}', quote(value));
  if (typeof value === 'number') return l10n.t('the number {0}', value);
  if (typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return l10n.t('an array');
  return l10n.t('an object');
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
        l10n.t(
          'Metadata key {0} is {1} bytes (UTF-8); the API allows at most {2}.',
          quote(key),
          utf8Bytes(key),
          LIMITS.metadataKeyBytes,
        ),
        true,
      ),
    ];
  }
  if (field === 'metadata' && path.length === 2 && typeof value === 'string' && issue.code !== 'invalid_type') {
    return [
      problem(
        path,
        'too-long',
        l10n.t(
          '{0} is {1} bytes (UTF-8); the API allows at most {2} per value.',
          where,
          utf8Bytes(value),
          LIMITS.metadataValueBytes,
        ),
      ),
    ];
  }

  switch (issue.code) {
    case 'invalid_type': {
      if (value === undefined) {
        return [
          problem(
            path,
            'wrong-type',
            l10n.t('{0} is missing; it must be {1}.', where, expectedNoun(issue.expected, path)),
          ),
        ];
      }
      if (issue.expected === 'int' && typeof value === 'number') {
        return [problem(path, 'not-whole-number', l10n.t('{0} is {1}; it must be a whole number.', where, value))];
      }
      const noun = expectedNoun(issue.expected, path);
      const expected = isTop && topNullable ? l10n.t('{0}, or null', noun) : noun;
      const hint =
        (issue.expected === 'number' || issue.expected === 'int') &&
        typeof value === 'string' &&
        /^-?\d+(\.\d+)?$/.test(value)
          ? ' ' + l10n.t('Write the number without quotes.')
          : '';
      return [
        problem(
          path,
          'wrong-type',
          l10n.t('{0} must be {1}; found {2}.', where, expected, describeValue(value)) + hint,
        ),
      ];
    }
    case 'too_big': {
      const max = Number(issue.maximum);
      if (typeof value === 'string') {
        // zod counts code points, so the message does too (an emoji is one character, not two).
        return [
          problem(
            path,
            'too-long',
            l10n.t('{0} is {1} characters; the API allows at most {2}.', where, [...value].length, max),
          ),
        ];
      }
      if (Array.isArray(value)) {
        const position =
          max === 2 && field === 'geoLocation' ? ' ' + l10n.t('(a position is [longitude, latitude])') : '';
        return [
          problem(
            path,
            'too-many',
            l10n.t('{0} has {1} {2}; the API allows at most {3}.', where, value.length, itemNoun(path), max + position),
          ),
        ];
      }
      const named =
        max === LIMITS.maxId ? ' ' + l10n.t('(2^53-1, the largest integer a JSON number holds exactly)') : '';
      return [
        problem(
          path,
          'out-of-range',
          l10n.t('{0} is {1}; the API allows at most {2}.', where, String(value), max + named),
        ),
      ];
    }
    case 'too_small': {
      const min = Number(issue.minimum);
      if (typeof value === 'string') {
        return [
          problem(
            path,
            'too-short',
            min === 1
              ? l10n.t('{0} is empty; it needs at least 1 character.', where)
              : l10n.t('{0} is empty; it needs at least {1} characters.', where, min),
          ),
        ];
      }
      if (Array.isArray(value)) {
        return [
          problem(
            path,
            'too-short',
            l10n.t('{0} has {1} {2}; it needs at least {3}.', where, value.length, itemNoun(path), min),
          ),
        ];
      }
      const why =
        min === 0
          ? ' ' + l10n.t('Times are milliseconds since 1970-01-01T00:00:00Z and cannot be negative.')
          : min === 1
            ? ' ' + l10n.t('CDF ids start at 1.')
            : '';
      return [
        problem(path, 'out-of-range', l10n.t('{0} is {1}; it must be at least {2}.', where, String(value), min) + why),
      ];
    }
    case 'unrecognized_keys':
      return issue.keys.map((key) =>
        problem(
          [...path, key],
          'unknown-key',
          l10n.t('{0} cannot have a key {1}.', where, quote(key)) + allowedKeysHint(path),
          true,
        ),
      );
    case 'invalid_value': {
      const allowed = issue.values.map((v) => JSON.stringify(v)).join(l10n.t(' or '));
      return [
        problem(path, 'invalid-value', l10n.t('{0} must be {1}; found {2}.', where, allowed, describeValue(value))),
      ];
    }
    case 'invalid_union':
      if ('options' in issue && issue.options) {
        const options = issue.options.map((o) => JSON.stringify(o)).join(', ');
        return [
          problem(
            path,
            'invalid-value',
            l10n.t('{0} must be one of {1}; found {2}.', where, options, describeValue(value)),
          ),
        ];
      }
      return [problem(path, 'invalid', l10n.t('{0}: {1}.', where, issue.message))];
    case 'invalid_format':
      return [
        problem(
          path,
          'invalid-value',
          'pattern' in issue && issue.pattern
            ? l10n.t(
                '{0} is {1}, which is not allowed here (it must match {2}).',
                where,
                describeValue(value),
                String(issue.pattern),
              )
            : l10n.t('{0} is {1}, which is not allowed here.', where, describeValue(value)),
        ),
      ];
    case 'custom':
      return [problem(path, 'invalid', l10n.t('{0}: {1}.', where, lowerFirst(issue.message)))];
    default:
      return [problem(path, 'invalid', l10n.t('{0}: {1}.', where, issue.message))];
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
        l10n.t('metadata has {0} key-value pairs; the API allows at most {1}.', keys.length, LIMITS.metadataPairs),
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
        l10n.t(
          'metadata is {0} bytes in total (UTF-8, keys and values); the API allows at most {1}.',
          total,
          LIMITS.metadataTotalBytes,
        ),
      ),
    );
  }
  return out.length ? out : [problem(['metadata'], 'invalid', l10n.t('metadata: {0}.', lowerFirst(fallback)))];
}

function expectedNoun(expected: string, path: JsonPath): string {
  const field = path[0];
  if (path.length === 1) {
    if (field === 'metadata') return l10n.t('an object of string keys and string values');
    if (field === 'assetIds' || field === 'securityCategories') return l10n.t('an array of ids (numbers)');
    if (field === 'labels') return l10n.t('an array of labels like {"externalId": "pump"}');
    if (field === 'geoLocation') return l10n.t('a GeoJSON Feature object');
    if (field === 'instanceId') return l10n.t('an object {"space": "...", "externalId": "..."}');
  }
  if (field === 'labels' && path.length === 2) return l10n.t('a label like {"externalId": "pump"}');
  if (field === 'metadata' && path.length === 2) return l10n.t('a string (metadata values are strings)');
  switch (expected) {
    case 'string':
      return l10n.t('a string');
    case 'number':
      return l10n.t('a number');
    case 'int':
      return l10n.t('a whole number');
    case 'boolean':
      return l10n.t('true or false');
    case 'array':
    case 'tuple':
      return l10n.t('an array');
    case 'object':
    case 'record':
      return l10n.t('an object');
    default:
      return expected;
  }
}

function itemNoun(path: JsonPath): string {
  if (path.length === 1 && (path[0] === 'assetIds' || path[0] === 'securityCategories')) return l10n.t('ids');
  if (path.length === 1 && path[0] === 'labels') return l10n.t('labels');
  return l10n.t('items');
}

function allowedKeysHint(path: JsonPath): string {
  if (path[0] === 'labels' && path.length === 2)
    return ' ' + l10n.t('A label is {"externalId": "..."} and nothing else.');
  if (path[0] === 'geoLocation' && path.length === 1)
    return ' ' + l10n.t('A geoLocation has "type", "geometry" and "properties".');
  if (path[0] === 'geoLocation' && path[1] === 'geometry' && path.length === 2)
    return ' ' + l10n.t('A geometry has "type" and "coordinates".');
  return ' ' + l10n.t('Remove it.');
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const lowerFirst = (s: string): string => s.charAt(0).toLowerCase() + s.slice(1).replace(/\.$/, '');
