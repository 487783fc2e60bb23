import type { FileFilter } from '../../cdf/model';

/**
 * The metadata filter as the user types it: `key=value, key2=value2`. Keys are user data, so
 * "__proto__" or "constructor" become own keys of the map (`Object.fromEntries` defines them; an
 * assignment would set the prototype instead and leave an empty filter that matches every file).
 * `undefined` when the text holds no pair.
 */
export function parseMetadataFilter(text: string): Record<string, string> | undefined {
  const pairs = text
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p): [string, string] => {
      const i = p.indexOf('=');
      return i < 0 ? [p, ''] : [p.slice(0, i).trim(), p.slice(i + 1).trim()];
    });
  return pairs.length ? Object.fromEntries(pairs) : undefined;
}

/** The metadata filter back as the text {@link parseMetadataFilter} reads. */
export const metadataFilterText = (f: Pick<FileFilter, 'metadata'>): string =>
  Object.entries(f.metadata ?? {})
    .map(([k, v]) => `${k}=${v}`)
    .join(', ');
