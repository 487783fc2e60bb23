/**
 * Why an update item is not valid, in one line with the JSON path (e.g.
 * `update.source.set: Invalid input: expected string, received number`). Zod reports a failed
 * union as a bare "Invalid input"; here the closest alternative is followed to the real problem.
 */
import type * as z from 'zod/mini';
import { fileUpdateItem, type FileUpdateItem } from '../../model';
import { isPlainlyValidItem } from './plain-item';

type Issue = z.core.$ZodIssue;

/** Undefined when the item is valid. */
export function invalidItemReason(item: FileUpdateItem): string | undefined {
  // The common shapes without zod's cost; anything else (and every error) is the schema's.
  if (isPlainlyValidItem(item)) return undefined;
  // Hostile input (an imported plan, a caller's bug): no field to point at, so say what it is.
  if (typeof item !== 'object' || item === null)
    return `Invalid input: expected an update item (an object), received ${item === null ? 'null' : typeof item}`;
  // Check against the alternative the item's identifier picks, so the message is about its fields.
  const [byId, byExternalId, byInstanceId] = fileUpdateItem.def.options;
  const schema =
    'id' in item ? byId : 'externalId' in item ? byExternalId : 'instanceId' in item ? byInstanceId : fileUpdateItem;
  const parsed = schema.safeParse(item);
  if (parsed.success) return undefined;
  const issue = parsed.error.issues[0];
  return issue ? describeIssue(issue, []) : 'invalid update item';
}

function describeIssue(issue: Issue, parentPath: readonly PropertyKey[]): string {
  const path = [...parentPath, ...issue.path];
  if (issue.code === 'invalid_union' && issue.errors.length > 0) {
    // The alternative the author meant: not one whose very keys are foreign to it (`set` given to
    // the add/remove form), and then the one with the fewest complaints.
    const score = (branch: Issue[]): number =>
      (branch.some((i) => i.code === 'unrecognized_keys' && i.path.length === 0) ? 1000 : 0) + branch.length;
    const closest = issue.errors.reduce((best, branch) => (score(branch) < score(best) ? branch : best));
    const first = closest[0];
    if (first) return describeIssue(first, path);
  }
  const where = path.length ? `${path.map(String).join('.')}: ` : '';
  return `${where}${issue.message}`;
}
