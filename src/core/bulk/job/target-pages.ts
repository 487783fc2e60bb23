import { LIMITS, type FileIdentifier, type FileRecord } from '../../../cdf/model';
import { collectMetadataKeys } from '..';
import type { FilesApi } from '../../ports';
import type { BulkTarget } from './bulk-target';

export interface TargetPage {
  records: FileRecord[];
  /** Identifiers of this page that matched no file. */
  missing: FileIdentifier[];
}

/**
 * The target's records, a page (at most 1000) at a time, always as CDF holds them now: a filter is
 * listed from parallel partitions where the API offers it (else through one cursor); ids are read
 * in chunks. Nothing holds the whole target set.
 */
export async function* targetPages(
  api: FilesApi,
  target: BulkTarget,
  signal?: AbortSignal,
): AsyncGenerator<TargetPage> {
  if (target.kind === 'filter' && api.listPartitioned) {
    for await (const records of api.listPartitioned(target.filter, signal)) yield { records, missing: [] };
    return;
  }
  if (target.kind === 'filter') {
    let cursor: string | undefined;
    do {
      const page = await api.listFiles(
        { filter: target.filter, limit: LIMITS.itemsPerRequest, ...(cursor ? { cursor } : {}) },
        signal,
      );
      yield { records: page.items, missing: [] };
      cursor = page.nextCursor;
    } while (cursor);
    return;
  }
  for (let i = 0; i < target.refs.length; i += LIMITS.itemsPerRequest) {
    const refs = target.refs.slice(i, i + LIMITS.itemsPerRequest);
    const records = await api.retrieveExisting(refs, signal);
    yield { records, missing: refs.filter((ref) => !records.some((r) => matches(r, ref))) };
  }
}

/**
 * Every metadata key of the target's records, read page by page (a CSV export's first pass: its
 * columns must be known before the first row is written, and the records are not kept).
 */
export async function targetMetadataKeys(
  api: FilesApi,
  target: BulkTarget,
  signal?: AbortSignal,
): Promise<Set<string>> {
  const keys = new Set<string>();
  for await (const page of targetPages(api, target, signal)) collectMetadataKeys(page.records, keys);
  return keys;
}

function matches(record: FileRecord, ref: FileIdentifier): boolean {
  if ('id' in ref) return record.id === ref.id;
  if ('externalId' in ref) return record.externalId === ref.externalId;
  return (
    record.instanceId?.space === ref.instanceId.space && record.instanceId.externalId === ref.instanceId.externalId
  );
}
