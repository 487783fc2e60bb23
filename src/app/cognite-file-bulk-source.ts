/**
 * What a bulk job runs on for CogniteFile nodes: their bulk kind, and core's records port over the
 * client's data modeling calls, with the two reads of a target: by `{space, externalId}` refs (a
 * selection, a pasted list) and by an instances filter (`instances/list`, page by page with its cursor).
 */
import type { DataModelingRequests } from '../cdf/client';
import { DMS_LIMITS, type CogniteFileUpsertItem, type InstanceFilter } from '../cdf/model';
import type { BulkSource } from '../core/bulk';
import { COGNITE_FILE_BULK, nodeRefKey } from '../core/cognite-file';
import { cogniteFileRecord, type CogniteFileRecord } from '../core/records';
import { cogniteFileRecordsApi } from './cognite-file-records-api';

export type NodeBulkSource = BulkSource<CogniteFileRecord, CogniteFileUpsertItem>;

export function cogniteFileBulkSource(models: DataModelingRequests): NodeBulkSource {
  const records = cogniteFileRecordsApi(models);
  return {
    kind: COGNITE_FILE_BULK,
    api: {
      ...records,
      retrieveRefs: (refs, signal) =>
        records.retrieveExisting(
          refs.flatMap((r) => nodeRefKey(r) ?? []),
          signal,
        ),
      listPages: (filter, signal) => nodePages(models, filter as InstanceFilter | undefined, signal),
      // Each chunk read once, right before its upsert: that read plans it and guards it (one read per node).
      updatePlanned: (keys, plan, options) => records.updateManyPlanned(keys, plan, options),
    },
  };
}

/** The nodes a filter keeps, 1000 a page, through `instances/list`'s cursor: never the whole set at once. */
async function* nodePages(
  models: DataModelingRequests,
  filter: InstanceFilter | undefined,
  signal?: AbortSignal,
): AsyncGenerator<CogniteFileRecord[]> {
  const request = { ...(filter ? { filter } : {}), limit: DMS_LIMITS.itemsPerRequest };
  for await (const page of models.listAllFileNodes(request, { signal })) yield page.items.map(cogniteFileRecord);
}
