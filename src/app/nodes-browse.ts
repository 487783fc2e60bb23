/**
 * Browsing CogniteFile nodes, read-only: what the files view's CogniteFile section asks of a
 * project, served by the client's data modeling calls. Saving nodes is not here: it comes with the
 * CogniteFile record kind's adapter of core's records port.
 */
import type { CdfClient, NamedNode, NodeGroupCount } from '../cdf/client';
import type {
  CogniteFileNode,
  CogniteFilePropertyName,
  CoreViewName,
  DirectRelation,
  InstanceFilter,
} from '../cdf/model';

export interface NodePage {
  items: CogniteFileNode[];
  nextCursor?: string;
}

export interface SpaceSummary {
  space: string;
  name?: string;
}

export interface NodesBrowseApi {
  /** One page of the CogniteFile nodes `filter` keeps. */
  listFileNodes(
    filter: InstanceFilter | undefined,
    limit: number,
    cursor?: string,
    signal?: AbortSignal,
  ): Promise<NodePage>;
  /** `instances/search` over the text properties: the best matches, at most `limit` (1000). */
  searchFileNodes(
    query: string,
    filter: InstanceFilter | undefined,
    limit: number,
    signal?: AbortSignal,
  ): Promise<CogniteFileNode[]>;
  countFileNodes(filter: InstanceFilter | undefined, signal?: AbortSignal): Promise<number>;
  /** The values of one property among the nodes `filter` keeps, each with its count (`instances/aggregate`). */
  countFileNodesBy(
    property: CogniteFilePropertyName,
    filter: InstanceFilter | undefined,
    signal?: AbortSignal,
  ): Promise<NodeGroupCount[]>;
  /** In the order asked; the unknown ones left out. */
  retrieveFileNodes(ids: DirectRelation[], signal?: AbortSignal): Promise<CogniteFileNode[]>;
  /** Assets, categories or source systems by id, with their names; the ones that do not exist left out. */
  retrieveNamedNodes(view: CoreViewName, ids: DirectRelation[], signal?: AbortSignal): Promise<NamedNode[]>;
  /** The project's own spaces (not the global ones). */
  listSpaces(signal?: AbortSignal): Promise<SpaceSummary[]>;
  /** Assets, categories or source systems whose name matches `query` (all when empty), at most `limit`. */
  searchNamedNodes(view: CoreViewName, query: string, limit: number, signal?: AbortSignal): Promise<NamedNode[]>;
}

export function nodesBrowseApiOf(client: CdfClient): NodesBrowseApi {
  const models = client.models;
  return {
    listFileNodes: async (filter, limit, cursor, signal) => {
      const page = await models.listFileNodes(
        { ...(filter ? { filter } : {}), limit, ...(cursor ? { cursor } : {}) },
        { signal },
      );
      return page.nextCursor ? { items: [...page.items], nextCursor: page.nextCursor } : { items: [...page.items] };
    },
    searchFileNodes: (query, filter, limit, signal) =>
      models.searchFileNodes({ query, ...(filter ? { filter } : {}), limit }, { signal }),
    countFileNodes: (filter, signal) => models.countFileNodes(filter, { signal }),
    countFileNodesBy: (property, filter, signal) => models.countFileNodesBy(property, filter, { signal }),
    retrieveFileNodes: (ids, signal) => models.retrieveFileNodes(ids, { ignoreUnknownIds: true, signal }),
    retrieveNamedNodes: (view, ids, signal) => models.retrieveCoreNodes(view, ids, { signal }),
    searchNamedNodes: (view, query, limit, signal) => models.searchCoreNodes(view, query, limit, { signal }),
    listSpaces: async (signal) =>
      (await models.listSpaces({ signal })).map((s) => ({ space: s.space, ...(s.name ? { name: s.name } : {}) })),
  };
}
