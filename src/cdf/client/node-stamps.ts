import { DMS_LIMITS, fastNodeStampList, nodeKeyOf, nodeStampList, type DirectRelation, type NodeStamp } from '../model';
import type { ApiRequests, CallOptions } from './api-requests';

/**
 * `instances/byids` asking for no view: each node that exists, with its version and `createdTime`
 * and none of its properties, in the order asked (unknown ids left out). A fraction of a full read's
 * work on both ends, for a check that only needs to know whether a node is still there and unchanged.
 */
export async function readNodeStamps(
  requests: ApiRequests,
  ids: readonly DirectRelation[],
  options: CallOptions = {},
): Promise<NodeStamp[]> {
  const found = await requests.chunked(ids, DMS_LIMITS.itemsPerRequest, async (chunk) => {
    const items = chunk.map((i) => ({ instanceType: 'node', space: i.space, externalId: i.externalId }));
    const path = '/models/instances/byids';
    const call = {
      path,
      body: { items },
      response: nodeStampList,
      fastParse: fastNodeStampList,
      signal: options.signal,
    };
    return (await requests.call(call)).items;
  });
  const byKey = new Map(found.map((n) => [nodeKeyOf(n), n]));
  return ids.flatMap((i) => byKey.get(nodeKeyOf(i)) ?? []);
}
