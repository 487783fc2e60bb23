import * as l10n from '@vscode/l10n';
import type * as z from 'zod/mini';
import { LIMITS, utf8Bytes } from '../../cdf/model';
import type { JsonPath } from '../json-path';
import { allowedKeysHint, expectedNoun, itemNoun } from './issue-nouns';
import { documentProblem } from '../problems';
import { describeValue, lowerFirst, quote } from './value-words';
import type { DocumentProblem } from '../problems';

export type Issue = z.core.$ZodIssue;

/** Where an issue is and what was found there. */
export interface IssueAt {
  path: JsonPath;
  /** The path as a person reads it (`$.labels[2]`). */
  where: string;
  value: unknown;
  /** The issue is about the validated value itself, which may be `null` when `topNullable`. */
  isTop: boolean;
  topNullable: boolean;
}

/** Metadata limits are in UTF-8 bytes, and said in bytes; undefined when the issue is not one of them. */
export function metadataProblems(issue: Issue, at: IssueAt): DocumentProblem[] | undefined {
  const { path, value } = at;
  if (path[0] !== 'metadata') return undefined;
  if (path.length === 1 && issue.code === 'custom' && isRecord(value))
    return metadataSizeProblems(value, issue.message);
  if (path.length === 2 && issue.code === 'invalid_key') {
    const key = String(path[1]);
    const message = l10n.t(
      'Metadata key {0} is {1} bytes (UTF-8); the API allows at most {2}.',
      quote(key),
      utf8Bytes(key),
      LIMITS.metadataKeyBytes,
    );
    return [documentProblem(path, 'too-long', message, true)];
  }
  if (path.length === 2 && typeof value === 'string' && issue.code !== 'invalid_type') {
    const message = l10n.t(
      '{0} is {1} bytes (UTF-8); the API allows at most {2} per value.',
      at.where,
      utf8Bytes(value),
      LIMITS.metadataValueBytes,
    );
    return [documentProblem(path, 'too-long', message)];
  }
  return undefined;
}

export function typeProblems(issue: Extract<Issue, { code: 'invalid_type' }>, at: IssueAt): DocumentProblem[] {
  const { path, where, value } = at;
  if (value === undefined)
    return [
      documentProblem(
        path,
        'wrong-type',
        l10n.t('{0} is missing; it must be {1}.', where, expectedNoun(issue.expected, path)),
      ),
    ];
  if (issue.expected === 'int' && typeof value === 'number')
    return [documentProblem(path, 'not-whole-number', l10n.t('{0} is {1}; it must be a whole number.', where, value))];
  const noun = expectedNoun(issue.expected, path);
  const expected = at.isTop && at.topNullable ? l10n.t('{0}, or null', noun) : noun;
  const hint =
    (issue.expected === 'number' || issue.expected === 'int') &&
    typeof value === 'string' &&
    /^-?\d+(\.\d+)?$/.test(value)
      ? ' ' + l10n.t('Write the number without quotes.')
      : '';
  return [
    documentProblem(
      path,
      'wrong-type',
      l10n.t('{0} must be {1}; found {2}.', where, expected, describeValue(value)) + hint,
    ),
  ];
}

export function tooBigProblems(issue: Extract<Issue, { code: 'too_big' }>, at: IssueAt): DocumentProblem[] {
  const { path, where, value } = at;
  const max = Number(issue.maximum);
  if (typeof value === 'string') {
    // zod counts code points, so the message does too (an emoji is one character, not two).
    const message = l10n.t('{0} is {1} characters; the API allows at most {2}.', where, [...value].length, max);
    return [documentProblem(path, 'too-long', message)];
  }
  if (Array.isArray(value)) {
    const position =
      max === 2 && path[0] === 'geoLocation' ? ' ' + l10n.t('(a position is [longitude, latitude])') : '';
    const message = l10n.t(
      '{0} has {1} {2}; the API allows at most {3}.',
      where,
      value.length,
      itemNoun(path),
      max + position,
    );
    return [documentProblem(path, 'too-many', message)];
  }
  const named = max === LIMITS.maxId ? ' ' + l10n.t('(2^53-1, the largest integer a JSON number holds exactly)') : '';
  return [
    documentProblem(
      path,
      'out-of-range',
      l10n.t('{0} is {1}; the API allows at most {2}.', where, String(value), max + named),
    ),
  ];
}

export function tooSmallProblems(issue: Extract<Issue, { code: 'too_small' }>, at: IssueAt): DocumentProblem[] {
  const { path, where, value } = at;
  const min = Number(issue.minimum);
  if (typeof value === 'string') {
    const message =
      min === 1
        ? l10n.t('{0} is empty; it needs at least 1 character.', where)
        : l10n.t('{0} is empty; it needs at least {1} characters.', where, min);
    return [documentProblem(path, 'too-short', message)];
  }
  if (Array.isArray(value)) {
    const message = l10n.t('{0} has {1} {2}; it needs at least {3}.', where, value.length, itemNoun(path), min);
    return [documentProblem(path, 'too-short', message)];
  }
  const why =
    min === 0
      ? ' ' + l10n.t('Times are milliseconds since 1970-01-01T00:00:00Z and cannot be negative.')
      : min === 1
        ? ' ' + l10n.t('CDF ids start at 1.')
        : '';
  return [
    documentProblem(
      path,
      'out-of-range',
      l10n.t('{0} is {1}; it must be at least {2}.', where, String(value), min) + why,
    ),
  ];
}

/** Unknown keys, values outside a set, formats, and zod's own words for anything else. */
export function otherProblems(issue: Issue, at: IssueAt): DocumentProblem[] {
  const { path, where, value } = at;
  switch (issue.code) {
    case 'unrecognized_keys':
      return issue.keys.map((key) =>
        documentProblem(
          [...path, key],
          'unknown-key',
          l10n.t('{0} cannot have a key {1}.', where, quote(key)) + allowedKeysHint(path),
          true,
        ),
      );
    case 'invalid_value': {
      const allowed = issue.values.map((v) => JSON.stringify(v)).join(l10n.t(' or '));
      return [
        documentProblem(
          path,
          'invalid-value',
          l10n.t('{0} must be {1}; found {2}.', where, allowed, describeValue(value)),
        ),
      ];
    }
    case 'invalid_union':
      if ('options' in issue && issue.options) {
        const options = issue.options.map((o) => JSON.stringify(o)).join(', ');
        const message = l10n.t('{0} must be one of {1}; found {2}.', where, options, describeValue(value));
        return [documentProblem(path, 'invalid-value', message)];
      }
      return [documentProblem(path, 'invalid', l10n.t('{0}: {1}.', where, issue.message))];
    case 'invalid_format':
      return [
        documentProblem(
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
      return [documentProblem(path, 'invalid', l10n.t('{0}: {1}.', where, lowerFirst(issue.message)))];
    default:
      return [documentProblem(path, 'invalid', l10n.t('{0}: {1}.', where, issue.message))];
  }
}

/** Pairs and total size: checked on the whole map, so recompute which limit the map is over. */
function metadataSizeProblems(m: Record<string, unknown>, fallback: string): DocumentProblem[] {
  const keys = Object.keys(m);
  const out: DocumentProblem[] = [];
  if (keys.length > LIMITS.metadataPairs) {
    const message = l10n.t(
      'metadata has {0} key-value pairs; the API allows at most {1}.',
      keys.length,
      LIMITS.metadataPairs,
    );
    out.push(documentProblem(['metadata'], 'too-many', message));
  }
  let total = 0;
  for (const k of keys) total += utf8Bytes(k) + (typeof m[k] === 'string' ? utf8Bytes(m[k]) : 0);
  if (total > LIMITS.metadataTotalBytes) {
    const message = l10n.t(
      'metadata is {0} bytes in total (UTF-8, keys and values); the API allows at most {1}.',
      total,
      LIMITS.metadataTotalBytes,
    );
    out.push(documentProblem(['metadata'], 'too-large', message));
  }
  return out.length ? out : [documentProblem(['metadata'], 'invalid', l10n.t('metadata: {0}.', lowerFirst(fallback)))];
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
