import type { FileRecord } from '../../cdf/model';

/**
 * CDF has no directory listing: directories are a string attribute of each file. The tree derives
 * one level of the hierarchy from the records it has loaded under a prefix.
 */
export interface DirectoryLevel<R = FileRecord> {
  /** Immediate sub-directories of `dir`, full paths, sorted. */
  subdirectories: string[];
  /** Files whose directory is exactly `dir` (or, at the root, files with no directory). */
  files: R[];
}

/** Any record with a directory: a classic file, or a CogniteFile node's values beside the node. */
export function directoryLevel<R extends { directory?: string }>(
  dir: string | undefined,
  records: readonly R[],
): DirectoryLevel<R> {
  const prefix = dir === undefined ? '' : dir.endsWith('/') ? dir : `${dir}/`;
  const subdirectories = new Set<string>();
  const files: R[] = [];
  for (const r of records) {
    const d = r.directory;
    if (dir === undefined ? !d : d === dir || d === prefix) {
      files.push(r);
      continue;
    }
    if (!d || !(dir === undefined || d.startsWith(prefix))) continue;
    const rest = dir === undefined ? d : d.slice(prefix.length);
    const lead = dir === undefined && rest.startsWith('/') ? '/' : '';
    const first = rest.replace(/^\//, '').split('/')[0];
    if (first) subdirectories.add(`${prefix}${lead}${first}`);
  }
  return { subdirectories: [...subdirectories].sort(), files };
}

/** Does a record sit in `dir` or below it? (`directoryPrefix` "/a/b" also matches "/a/bc".) */
export function isUnder(record: { directory?: string }, dir: string): boolean {
  const d = record.directory;
  return d !== undefined && (d === dir || d.startsWith(dir.endsWith('/') ? dir : `${dir}/`));
}

/** The last path segment, for a tree label. */
export const directoryLabel = (dir: string): string => dir.replace(/\/+$/, '').split('/').pop() || dir;
