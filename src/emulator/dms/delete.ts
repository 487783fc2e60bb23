import { ApiError, duplicated } from '../http/api-error';
import type { FileStore } from '../store/file-store';
import { deleteClassicFiles } from './file-link';
import { duplicatesOf, nodeKey, type NodeRecord } from './instance-types';
import type { InstanceDelete } from './requests';

/**
 * Deletes nodes (`POST /models/instances/delete`, and an upsert's `delete`). Instances that do not
 * exist are ignored, as the API does; an `existingVersion` older than the node fails the whole call
 * (409) before anything is deleted. Deleting a CogniteFile node deletes its classic file record.
 */
export function planDelete(store: FileStore, items: readonly InstanceDelete[]): NodeRecord[] {
  const dupes = duplicatesOf(items);
  if (dupes.length > 0) throw duplicated(400, 'Duplicate instances in the request', dupes);
  const found: NodeRecord[] = [];
  for (const item of items) {
    if (item.instanceType === 'edge') continue;
    const node = store.nodes.get(nodeKey(item));
    if (!node) continue;
    if (item.existingVersion !== undefined && node.version > item.existingVersion)
      throw new ApiError(
        409,
        `A version conflict caused the delete to fail: ${item.space}:${item.externalId} is at version ${node.version}, not ${item.existingVersion}`,
      );
    found.push(node);
  }
  return found;
}

/** Applies a plan from `planDelete`; returns the items as the API echoes them. */
export function applyDelete(store: FileStore, items: readonly InstanceDelete[], found: readonly NodeRecord[]) {
  for (const node of found) store.nodes.delete(nodeKey(node));
  deleteClassicFiles(store, found);
  return items.map((i) => ({ instanceType: i.instanceType, space: i.space, externalId: i.externalId }));
}

export const deleteInstances = (store: FileStore, items: readonly InstanceDelete[]) =>
  applyDelete(store, items, planDelete(store, items));
