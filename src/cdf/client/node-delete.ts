import { chunk } from './chunk';
import {
  DMS_LIMITS,
  instancesDeleteAnswer,
  instancesDeleteRequest,
  type DirectRelation,
  type InstancesDeleteRequest,
} from '../model';
import { checked, type ApiRequests, type CallOptions } from './api-requests';

/** A node to delete; with `existingVersion`, only while it is not newer than that. */
export type NodeToDelete = DirectRelation & { readonly existingVersion?: number };

/**
 * `POST /models/instances/delete` in chunks of 1000, one after the other (each one transaction).
 * Retried like a read: WHY: repeating it after an applied first attempt finds the nodes gone, which
 * the API ignores, so the end state is the same. A node newer than its `existingVersion` fails its
 * chunk (409, a CdfApiError) and nothing of that chunk is deleted. Answers the nodes named.
 */
export async function deleteNodes(
  requests: ApiRequests,
  nodes: readonly NodeToDelete[],
  options: CallOptions = {},
): Promise<DirectRelation[]> {
  const deleted: DirectRelation[] = [];
  for (const part of chunk(nodes, DMS_LIMITS.itemsPerRequest)) {
    const items = part.map(({ space, externalId, existingVersion }) => ({
      instanceType: 'node' as const,
      space,
      externalId,
      ...(existingVersion === undefined ? {} : { existingVersion }),
    }));
    const body: InstancesDeleteRequest = checked(instancesDeleteRequest, { items }, 'delete request');
    const path = '/models/instances/delete';
    const answer = await requests.call({ path, body, response: instancesDeleteAnswer, signal: options.signal });
    deleted.push(...answer.items.map(({ space, externalId }) => ({ space, externalId })));
  }
  return deleted;
}
