import * as l10n from '@vscode/l10n';
import type { FileFilter } from '../../cdf/model';

/**
 * The conditions of a metadata filter as typed: `key=value, key2=value2`. A comma separates two
 * conditions only when a `key=` follows it, so a value with a comma ("Smith, J.") stays one value
 * (split on every comma, its tail became a condition on a key no file has, and the view went empty).
 */
const conditions = (text: string): string[] =>
  text
    .split(/,(?=[^,=]*=)/)
    .map((p) => p.trim())
    .filter(Boolean);

/**
 * The metadata filter as the user types it: `key=value, key2=value2`. Keys are user data, so
 * "__proto__" or "constructor" become own keys of the map (`Object.fromEntries` defines them; an
 * assignment would set the prototype instead and leave an empty filter that matches every file).
 * `undefined` when the text holds no pair. {@link metadataFilterProblem} says what is wrong first.
 */
export function parseMetadataFilter(text: string): Record<string, string> | undefined {
  const pairs = conditions(text).map((p): [string, string] => {
    const i = p.indexOf('=');
    return i < 0 ? [p, ''] : [p.slice(0, i).trim(), p.slice(i + 1).trim()];
  });
  return pairs.length ? Object.fromEntries(pairs) : undefined;
}

/**
 * What the filter picker refuses before {@link parseMetadataFilter}: a condition without "=" (it
 * would ask for an empty value and match no file) and a key given twice (only the last one counted).
 */
export function metadataFilterProblem(text: string): string | undefined {
  const seen = new Set<string>();
  for (const p of conditions(text)) {
    const i = p.indexOf('=');
    if (i < 0) return l10n.t('"{0}" has no "=": write each condition as key=value', p);
    const key = p.slice(0, i).trim();
    if (seen.has(key)) return l10n.t('The key "{0}" is given twice: a file has one value per key', key);
    seen.add(key);
  }
  return undefined;
}

/** The metadata filter back as the text {@link parseMetadataFilter} reads. */
export const metadataFilterText = (f: Pick<FileFilter, 'metadata'>): string =>
  Object.entries(f.metadata ?? {})
    .map(([k, v]) => `${k}=${v}`)
    .join(', ');
