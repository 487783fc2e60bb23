import * as l10n from '@vscode/l10n';
import { LIMITS } from '../../cdf/model';

/**
 * What Search File Names refuses as the user types: `files/search` takes a name of at most
 * LIMITS.nameLength characters. Accepted, a longer text only reached the client's model check, and
 * the tree showed zod's "Invalid search request: ✖ Too big: expected string…" in place of files.
 */
export function searchTextProblem(text: string): string | undefined {
  // Characters as the model's maxLength counts them (code points), of the trimmed text that is sent.
  const length = [...text.trim()].length;
  return length > LIMITS.nameLength
    ? l10n.t('A file name is at most {0} characters; this search is {1}.', LIMITS.nameLength, length)
    : undefined;
}
