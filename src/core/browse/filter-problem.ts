import { fileFilter, type FileFilter } from '../../cdf/model';
import { problemsFromIssues } from '../document';

/**
 * What the API would refuse in a filter, as the Filter picker shows it while the user types: the
 * document's sentences ("externalIdPrefix is 300 characters; the API allows at most 255."), not zod's
 * own English ("Too big: expected string to have <=255 characters"), which is not translated.
 * `undefined` when the filter is fine.
 */
export function fileFilterProblem(filter: FileFilter): string | undefined {
  const result = fileFilter.safeParse(filter);
  if (result.success) return undefined;
  return problemsFromIssues(result.error.issues, filter, [])
    .map((p) => p.message)
    .join(' ');
}
