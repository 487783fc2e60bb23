import * as z from 'zod/mini';
import { CDM_SPACE, CDM_VERSION, instancesSearchRequest, type CoreViewName } from '../model';
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
  const source = { type: 'view', space: CDM_SPACE, externalId: view, version: CDM_VERSION } as const;
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
  return answer.items.map((n) => {
    const name = n.properties?.[CDM_SPACE]?.[`${view}/${CDM_VERSION}`]?.name;
    return { space: n.space, externalId: n.externalId, ...(typeof name === 'string' ? { name } : {}) };
  });
}
