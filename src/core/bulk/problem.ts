/**
 * Something wrong with an operation's parameter, or a reason a record cannot take the action.
 * `reason` is the same for every record refused for the same cause (so a summary can count them);
 * `message` is specific to this parameter or record.
 */
export interface Problem {
  /** What is at fault: an operation parameter (`key`, `values[2]`, `flags`) or a record field (`labels`, `metadata.rev`). */
  where: string;
  code: ProblemCode;
  /** Groupable: no per-record numbers or values. */
  reason: string;
  message: string;
  /** Warnings do not block; a wizard may show them and go on. */
  severity: 'error' | 'warning';
  /** Index of the operation in the action, when the problem belongs to one. */
  operation?: number;
}

export type ProblemCode =
  /** Malformed operation: unknown `op`, missing or mistyped parameter. */
  | 'shape'
  /** A parameter value the API would refuse (too long, out of range, not absolute, bad regex...). */
  | 'parameter'
  /** The operation does not apply to that field (read-only field, add to a scalar...). */
  | 'not-allowed'
  /** The record after the action would break a documented limit. */
  | 'limit'
  /** The record is linked to a data modelling instance and may not change that field. */
  | 'instance-linked'
  /** Renaming a metadata key onto one that exists with another value. */
  | 'rename-target-exists'
  /** The same file twice in one action, or two files given the same external id. */
  | 'duplicate'
  /** A column of an import that expects a value the record does not have (e.g. `name`). */
  | 'read-only-mismatch'
  /** Undo: someone else changed the element since the action wrote it (left alone, not clobbered). */
  | 'changed-since';

export function problem(
  code: ProblemCode,
  where: string,
  reason: string,
  message = reason,
  severity: Problem['severity'] = 'error',
): Problem {
  return { where, code, reason, message, severity };
}

export const hasErrors = (problems: readonly Problem[]): boolean => problems.some((p) => p.severity === 'error');
