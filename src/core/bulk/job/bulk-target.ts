import type { FileFilter, FileIdentifier } from '../../../cdf/model';

/** Which files a bulk action is about. */
export type BulkTarget =
  /** The tree's selection: read again before planning, the tree may be stale. */
  | { kind: 'ids'; label: string; refs: FileIdentifier[] }
  /** Every file matching a filter, streamed through the cursor. */
  | { kind: 'filter'; label: string; filter: FileFilter };
