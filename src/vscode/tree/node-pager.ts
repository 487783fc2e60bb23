import type { NodesBrowseApi } from '../../app';
import type { CogniteFileNode } from '../../cdf/model';
import { toInstanceFilter, type NodeFilter } from '../../core/browse';
import { Pager } from './pager';

export type NodePager = Pager<CogniteFileNode, NodeFilter>;

/** The CogniteFile nodes `filter` keeps, paged with `instances/list`; the section keeps one per expanded group. */
export const nodePager = (api: NodesBrowseApi, filter: NodeFilter, pageSize: number): NodePager =>
  new Pager(filter, (cursor) => api.listFileNodes(toInstanceFilter(filter), pageSize, cursor));
