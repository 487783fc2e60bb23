import type { FileRecord } from '../../cdf/model';
import { omitEmpty } from '../../core/apply';
import type { FileStore } from '../store/file-store';
import { CDM_SPACE } from './core-views';
import { containerKey, type NodeRecord } from './instance-types';
import { timestampMs } from './property-values';

/**
 * CDF shows every CogniteFile node in the classic Files API as a file with `instanceId`, and keeps
 * the two in step: the node holds name, directory, MIME type and source times; the classic record
 * keeps what only it has (metadata, assetIds, data set, labels, upload state). These functions play
 * that part after each data modeling write.
 */

const FILE_CONTAINER = containerKey(CDM_SPACE, 'CogniteFile');
const DESCRIBABLE = containerKey(CDM_SPACE, 'CogniteDescribable');
const SOURCEABLE = containerKey(CDM_SPACE, 'CogniteSourceable');

export const isFileNode = (node: NodeRecord): boolean => node.data[FILE_CONTAINER] !== undefined;

const text = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const ms = (v: unknown): number | undefined => (typeof v === 'string' ? timestampMs(v) : undefined);

/** The classic fields a CogniteFile node decides (undefined: the node has no value). */
function mirroredFields(node: NodeRecord): Partial<FileRecord> {
  const file = node.data[FILE_CONTAINER] ?? {};
  const describable = node.data[DESCRIBABLE] ?? {};
  const sourceable = node.data[SOURCEABLE] ?? {};
  return {
    // The classic API requires a name; a node without one shows under its externalId.
    name: text(describable.name) ?? node.externalId,
    directory: text(file.directory),
    mimeType: text(file.mimeType),
    sourceCreatedTime: ms(sourceable.sourceCreatedTime),
    sourceModifiedTime: ms(sourceable.sourceUpdatedTime),
  };
}

/** Creates or updates the classic record of each written CogniteFile node, as one write. */
export function syncClassicFiles(store: FileStore, nodes: readonly NodeRecord[], now: number): void {
  const records: FileRecord[] = [];
  for (const node of nodes) {
    if (!isFileNode(node)) continue;
    const instanceId = { space: node.space, externalId: node.externalId };
    const existing = store.files.getByInstanceId(instanceId);
    const mirrored = mirroredFields(node);
    if (existing) {
      // A value the node cleared is cleared on the classic side too (omitEmpty drops it).
      records.push(omitEmpty({ ...existing, ...mirrored, lastUpdatedTime: now }));
    } else {
      const id = store.allocateFileId();
      records.push(
        omitEmpty({
          id,
          ...mirrored,
          instanceId,
          uploaded: false,
          createdTime: now,
          lastUpdatedTime: now,
        } as FileRecord),
      );
    }
  }
  if (records.length > 0) store.files.putMany(records);
}

/** Deleting a CogniteFile node deletes its classic record (and any uploaded content). */
export function deleteClassicFiles(store: FileStore, nodes: readonly NodeRecord[]): void {
  const ids: number[] = [];
  for (const node of nodes) {
    const record = store.files.getByInstanceId({ space: node.space, externalId: node.externalId });
    if (record) ids.push(record.id);
  }
  if (ids.length === 0) return;
  store.files.deleteMany(ids);
  for (const id of ids) store.contents.delete(id);
}
