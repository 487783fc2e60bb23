import type { CogniteFileNode } from '../../cdf/model';
import type { NodeFilter } from '../../core/browse';

/** The files view's CogniteFile section and what it holds (beside the classic files' nodes in nodes.ts). */

/** The section itself: shown only when the project has CogniteFile nodes. */
export interface NodeSectionNode {
  kind: 'nodeSection';
  id: string;
  /** How many nodes the section's filter keeps; with a search, how many results it shows. */
  count: number;
  /** With a search: `count` is of the results (`instances/search`), and `limited` when more may match. */
  search?: { limited: boolean };
}

/** A space, directory, category or MIME type; its nodes are the ones `filter` keeps. */
export interface NodeGroupNode {
  kind: 'nodeGroup';
  id: string;
  label: string;
  tooltip?: string;
  icon: 'symbol-namespace' | 'folder' | 'tag' | 'file-media';
  filter: NodeFilter;
  /** A space's group: its children follow the section's grouping. */
  space?: string;
  /** Directory mode: the directory this group stands for. */
  directory?: string;
  /** From `instances/aggregate`, when asked with the group. */
  count?: number;
}

export interface CogniteFileItem {
  kind: 'cogniteFile';
  id: string;
  node: CogniteFileNode;
}

export type NodeGrouping = 'directory' | 'category' | 'mimeType' | 'flat';
export const NODE_GROUPINGS: readonly NodeGrouping[] = ['directory', 'category', 'mimeType', 'flat'];

/** Ids of the section's nodes start with this, so a "Load more" finds its model. */
export const SECTION_ID = 'cdm';
