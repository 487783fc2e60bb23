/**
 * What a bulk job runs on for the classic file: its bulk kind, and core's records port over the files
 * port, with the two reads of a target (by ids or external ids, and by a `files/list` filter).
 */
import { LIMITS, type FileFilter, type FileIdentifier, type FileRecord } from '../cdf/model';
import type { BulkSource } from '../core/bulk';
import { CLASSIC_FILE_BULK, type ClassicUpdateItem } from '../core/classic-file';
import type { FilesApi, UpdateReport } from '../core/ports';
import { classicRecordsApi } from './classic-records-api';

export function classicBulkSource(files: FilesApi): BulkSource<FileRecord, ClassicUpdateItem> {
  const records = classicRecordsApi(files);
  return {
    kind: CLASSIC_FILE_BULK,
    api: {
      ...records,
      // The report names the items it was given: bulk's items, all by id.
      updateMany: (items, options) =>
        records.updateMany(items, options) as Promise<UpdateReport<ClassicUpdateItem, FileRecord>>,
      retrieveRefs: (refs, signal) => files.retrieveExisting(refs as FileIdentifier[], signal),
      listPages: (filter, signal) => filePages(files, filter as FileFilter, signal),
    },
  };
}

/** A filter's files from parallel partitions where the API offers them, else through one cursor. */
async function* filePages(files: FilesApi, filter: FileFilter, signal?: AbortSignal): AsyncGenerator<FileRecord[]> {
  if (files.listPartitioned) {
    yield* files.listPartitioned(filter, signal);
    return;
  }
  let cursor: string | undefined;
  do {
    const page = await files.listFiles(
      { filter, limit: LIMITS.itemsPerRequest, ...(cursor ? { cursor } : {}) },
      signal,
    );
    yield page.items;
    cursor = page.nextCursor;
  } while (cursor);
}
