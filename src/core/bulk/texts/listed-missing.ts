import * as l10n from '@vscode/l10n';
import { formatCount } from '../../format-count';
import type { RecordNouns } from '../../records';

/** How many missing refs a sentence names before "…": enough to spot a typo, short enough to read. */
const NAMED = 5;

/** A ref as a message names it: `id 5`, `externalId "a"`, `space "s", externalId "x"` (each of its properties). */
export const refText = (ref: unknown): string =>
  typeof ref === 'object' && ref !== null
    ? Object.entries(ref)
        .map(([k, v]) => `${k} ${typeof v === 'string' ? JSON.stringify(v) : String(v)}`)
        .join(', ')
    : String(ref);

/**
 * The records a person listed (selected, pasted, a file of ids) that are not in CDF: said by name, so a
 * mistyped id does not read as "0 matched" with no hint which. Undefined when every one was found.
 */
export function listedMissingText(kind: RecordNouns, missing: readonly unknown[]): string | undefined {
  if (!missing.length) return undefined;
  const named = missing.slice(0, NAMED).map(refText).join('; ') + (missing.length > NAMED ? '; …' : '');
  return missing.length === 1
    ? l10n.t('1 listed {0} is not in CDF: {1}.', kind.noun(), named)
    : l10n.t('{0} listed {1} are not in CDF: {2}.', formatCount(missing.length), kind.nouns(), named);
}
