import type * as z from 'zod/mini';
import { badRequest } from './api-error';

type Issue = z.core.$ZodIssue;

/** `items[3].update.metadata.add` from a path array and an optional prefix. */
export function formatPath(path: readonly PropertyKey[], prefix = ''): string {
  let out = prefix;
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out;
}

/**
 * A union failed on every branch: report the branch that got furthest (its deepest issue), since
 * "Invalid input" alone does not tell anyone what to fix.
 */
function bestUnionBranch(branches: readonly (readonly Issue[])[]): readonly Issue[] | undefined {
  let best: readonly Issue[] | undefined;
  let bestDepth = -1;
  for (const issues of branches) {
    const depth = Math.max(...issues.map((i) => (i.code === 'unrecognized_keys' ? -0.5 : i.path.length)));
    if (depth > bestDepth || (depth === bestDepth && best && issues.length < best.length)) {
      best = issues;
      bestDepth = depth;
    }
  }
  return best;
}

/** Flattens issues (descending into unions) into "path: message" lines. */
export function describeIssues(issues: readonly Issue[], prefix = ''): string[] {
  const lines: string[] = [];
  for (const issue of issues) {
    const at = formatPath(issue.path, prefix);
    if (issue.code === 'invalid_union' && issue.errors.length > 0) {
      const best = bestUnionBranch(issue.errors);
      if (best) {
        lines.push(...describeIssues(best, at));
        continue;
      }
    }
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) lines.push(`${formatPath([key], at)}: unknown field`);
      continue;
    }
    lines.push(at ? `${at}: ${issue.message}` : issue.message);
  }
  return lines;
}

/** Parses or throws a 400 whose message names every field path that is wrong. */
export function parseOr400<T extends z.ZodMiniType>(schema: T, value: unknown, prefix = ''): z.output<T> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const lines = describeIssues(result.error.issues, prefix);
  throw badRequest(
    `Invalid request: ${lines.slice(0, 5).join('; ')}${lines.length > 5 ? ` (and ${lines.length - 5} more)` : ''}`,
  );
}
