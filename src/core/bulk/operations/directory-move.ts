/** `/a/b/` and `/a/b` name the same directory; the root stays `/`. */
export function normalizeDirectory(path: string): string {
  const trimmed = path.replace(/\/+$/, '');
  return trimmed === '' && path.startsWith('/') ? '/' : trimmed;
}

/**
 * `directory` with the prefix `from` replaced by `to`, or `undefined` when it is not `from` or under it.
 * The match ends at a path boundary, so `/a/b` moves `/a/b` and `/a/b/c` but not `/a/bc`.
 * Exact comparison: no case folding, no Unicode normalisation (CDF compares exactly too).
 */
export function moveDirectory(directory: string, from: string, to: string): string | undefined {
  const source = normalizeDirectory(from);
  const target = normalizeDirectory(to);
  if (directory === source || normalizeDirectory(directory) === source) return target;
  const under = source === '/' ? directory.startsWith('/') : directory.startsWith(source + '/');
  if (!under) return undefined;
  const rest = directory.slice(source === '/' ? 0 : source.length); // starts with '/'
  return (target === '/' ? '' : target) + rest;
}
