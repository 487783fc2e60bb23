import * as z from 'zod/mini';
import {
  CDM_SPACE,
  CDM_VERSION,
  DMS_LIMITS,
  instancesSearchRequest,
  type CoreViewName,
  type DirectRelation,
} from '../model';
import { checked, type ApiRequests, type CallOptions } from './api-requests';

/** A search answer read only for each node's id and `name` (the view's other values pass unread). */
const namedNodes = z.object({
  items: z.array(
    z.looseObject({
      space: z.string(),
      externalId: z.string(),
      properties: z.optional(
        z.record(z.string(), z.record(z.string(), z.looseObject({ name: z.optional(z.unknown()) }))),
      ),
    }),
  ),
});

/** A node a CogniteFile can point to, with its name when it has one. */
export interface NamedNode {
  readonly space: string;
  readonly externalId: string;
  readonly name?: string;
}

/**
 * `instances/search` in one of the core views a CogniteFile points to (CogniteAsset,
 * CogniteFileCategory, CogniteSourceSystem): the best matches of `query` in their names, each with
 * its id and name; an empty query lists the first ones.
 */
export async function searchCoreNodes(
  requests: ApiRequests,
  view: CoreViewName,
  query: string,
  limit: number,
  options: CallOptions = {},
): Promise<NamedNode[]> {
  const source = coreView(view);
  const words = query.trim();
  const request = {
    view: source,
    instanceType: 'node',
    limit,
    ...(words ? { query: words, properties: ['name'] } : {}),
  };
  const body = checked(instancesSearchRequest, request, 'search request');
  const path = '/models/instances/search';
  const answer = await requests.call({ path, body, response: namedNodes, signal: options.signal });
  return answer.items.map((n) => namedNode(view, n));
}

/**
 * `instances/byids` in one of those views, 1000 ids a request: the nodes that exist, each with its
 * name when it has one (a tree labels category groups with them; a node that is gone is left out).
 */
export async function retrieveCoreNodes(
  requests: ApiRequests,
  view: CoreViewName,
  ids: readonly DirectRelation[],
  options: CallOptions = {},
): Promise<NamedNode[]> {
  return requests.chunked(ids, DMS_LIMITS.itemsPerRequest, async (chunk) => {
    const items = chunk.map((i) => ({ instanceType: 'node', space: i.space, externalId: i.externalId }));
    const body = { items, sources: [{ source: coreView(view) }] };
    const path = '/models/instances/byids';
    const answer = await requests.call({ path, body, response: namedNodes, signal: options.signal });
    return answer.items.map((n) => namedNode(view, n));
  });
}

const coreView = (view: CoreViewName) =>
  ({ type: 'view', space: CDM_SPACE, externalId: view, version: CDM_VERSION }) as const;

function namedNode(view: CoreViewName, n: z.infer<typeof namedNodes>['items'][number]): NamedNode {
  const name = n.properties?.[CDM_SPACE]?.[`${view}/${CDM_VERSION}`]?.name;
  return { space: n.space, externalId: n.externalId, ...(typeof name === 'string' ? { name } : {}) };
}
