import type { FileFilter, FileRecord } from '../../cdf/model';
import type { CogniteFileItem, NodeGroupNode, NodeSectionNode } from './cognite-nodes';

/** A group whose files are listed with `filter` (narrowing the user's filter). */
export interface GroupNode {
  kind: 'group';
  id: string;
  label: string;
  description?: string;
  tooltip?: string;
  icon: 'folder' | 'database' | 'file-media';
  filter: FileFilter;
  /** Directory mode: the directory this group stands for (its children are derived from records). */
  directory?: string;
  /** Aggregate request for the count shown beside the label, when it is exact and cheap. */
  countFilter?: FileFilter;
}

export interface FileNode {
  kind: 'file';
  id: string;
  record: FileRecord;
}

/** Fetches the next cursor page of its parent; disappears when there is none. */
export interface LoadMoreNode {
  kind: 'loadMore';
  id: string;
  parentId: string;
}

export interface MessageNode {
  kind: 'message';
  id: string;
  label: string;
  tooltip?: string;
  error?: boolean;
}

export type TreeNode =
  GroupNode | FileNode | LoadMoreNode | MessageNode | NodeSectionNode | NodeGroupNode | CogniteFileItem;

export type Grouping = 'directory' | 'dataSet' | 'mimeType' | 'flat';
export const GROUPINGS: readonly Grouping[] = ['directory', 'dataSet', 'mimeType', 'flat'];
