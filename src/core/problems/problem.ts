import type { JsonPath } from '../json-path';
import type { ActionProblemCode, DocumentProblemCode, ProblemCode } from './codes';
import type { ActionProblem, DocumentProblem, Severity } from './shapes';

/** The one way a coded problem is made: what is wrong, where, in words, and whether it blocks. */
export function problem<C extends ProblemCode, L extends object, S extends Severity>(
  code: C,
  at: L,
  message: string,
  severity: S,
): L & { code: C; message: string; severity: S } {
  return { ...at, code, message, severity };
}

/** A problem at `path` of a record document (at its key when `onKey`). */
export const documentProblem = (
  path: JsonPath,
  code: DocumentProblemCode,
  message: string,
  onKey = false,
): DocumentProblem => problem(code, onKey ? { path, onKey: true } : { path }, message, 'error');

/** A problem with an operation's parameter or a record's field in a bulk action; `message` defaults to `reason`. */
export const actionProblem = (
  code: ActionProblemCode,
  where: string,
  reason: string,
  message = reason,
  severity: Severity = 'error',
): ActionProblem => problem(code, { where, reason }, message, severity);

export const hasErrors = (problems: readonly { severity: Severity }[]): boolean =>
  problems.some((p) => p.severity === 'error');
