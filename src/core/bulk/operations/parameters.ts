import * as l10n from '@vscode/l10n';
import { LIMITS, utf8Bytes } from '../../../cdf/model';

/**
 * Checks of one parameter at a time, for a wizard's input boxes: each returns the message to show,
 * or `undefined` when the value is fine (the shape VS Code's `InputBox.validateInput` wants).
 * `validateOperation` is built from the same checks, so the wizard and the planner never disagree.
 */

/**
 * The model's rule for a key (see `metadataMap`), no stricter: the empty key is legal in CDF and the
 * editor saves it, so a bulk action and a CSV column `metadata.` (an export of such a file) must
 * accept it too, or a file the editor wrote could not be imported back.
 */
export function checkMetadataKey(key: string): string | undefined {
  const bytes = utf8Bytes(key);
  if (bytes > LIMITS.metadataKeyBytes)
    return l10n.t('A metadata key is at most {0} bytes in UTF-8 (this one is {1})', LIMITS.metadataKeyBytes, bytes);
  return undefined;
}

export function checkMetadataValue(value: string): string | undefined {
  const bytes = utf8Bytes(value);
  if (bytes > LIMITS.metadataValueBytes)
    return l10n.t('A metadata value is at most {0} bytes in UTF-8 (this one is {1})', LIMITS.metadataValueBytes, bytes);
  return undefined;
}

export { checkId, checkLabelExternalId } from '../../fields';

/** Flags a replace may add; `g` is always on, `y` and `d` would change what "replace all" means. */
export const ALLOWED_REGEX_FLAGS = 'imsuv';

export function checkRegexFlags(flags: string): string | undefined {
  const bad = [...flags].filter((f) => f !== 'g' && !ALLOWED_REGEX_FLAGS.includes(f));
  if (bad.length)
    return bad.length === 1
      ? l10n.t('Unsupported regular expression flag "{0}": use any of "{1}"', bad[0]!, ALLOWED_REGEX_FLAGS)
      : l10n.t('Unsupported regular expression flags "{0}": use any of "{1}"', bad.join(''), ALLOWED_REGEX_FLAGS);
  return undefined;
}

/** Does the pattern compile with these flags (checked too)? */
export function checkRegex(source: string, flags = ''): string | undefined {
  if (source.length === 0) return l10n.t('The pattern cannot be empty');
  const flagsMessage = checkRegexFlags(flags);
  if (flagsMessage) return flagsMessage;
  try {
    new RegExp(source, regexFlags(flags));
    return undefined;
  } catch (e) {
    return l10n.t('The regular expression does not compile: {0}', e instanceof Error ? e.message : String(e));
  }
}

/** The flags a replace runs with: the user's, plus `g` once. */
export function regexFlags(flags = ''): string {
  return [...new Set([...flags.replace(/g/g, ''), 'g'])].join('');
}

/** How a find text is read: exactly as typed, or as a regular expression. */
export type FindMode = 'text' | 'regex';

/**
 * A find text in the mode the person picked. Plain text is matched exactly, whatever it starts with
 * (a prefix such as "re:" would turn "re: revision B" into a pattern nobody meant).
 */
export function checkFind(text: string, mode: FindMode): string | undefined {
  if (text.length === 0) return l10n.t('Enter the text to find');
  return mode === 'regex' ? checkRegex(text) : undefined;
}

/** The find parameters of a replace operation (`metadataReplace`, `textReplace`). */
export const findParameters = (text: string, mode: FindMode): { find: string; regex?: true } =>
  mode === 'regex' ? { find: text, regex: true } : { find: text };
