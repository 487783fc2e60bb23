/**
 * Core's {@link RecordsApi} for the classic file, over the files port the client serves
 * ({@link filesApiOf}): what the save and the bulk jobs use, named by the kind's keys (the id).
 */
import * as l10n from '@vscode/l10n';
import type { FileRecord, FileUpdateItem } from '../cdf/model';
import { RecordsMissingError, type FilesApi, type RecordsApi } from '../core/ports';
import { CLASSIC_FILE } from '../core/records';

export function classicRecordsApi(files: FilesApi): RecordsApi<FileRecord, FileUpdateItem> {
  const retrieveExisting = async (keys: readonly string[], signal?: AbortSignal): Promise<FileRecord[]> => {
    // A key that is no id is sent as it is: the client refuses it (nothing sent), not "deleted".
    return keys.length
      ? files.retrieveExisting(
          keys.map((key) => ({ id: Number(key) })),
          signal,
        )
      : [];
  };
  return {
    retrieveExisting,
    retrieve: async (keys, signal) => {
      const found = new Map((await retrieveExisting(keys, signal)).map((r) => [CLASSIC_FILE.key(r), r]));
      const missing = keys.filter((k) => !found.has(k));
      if (missing.length) throw new RecordsMissingError(missing, missingText(missing));
      return keys.map((k) => found.get(k)!);
    },
    update: (items, signal) => files.updateFiles([...items], signal),
    updateMany: (items, options) => files.updateMany([...items], options),
  };
}

const missingText = (keys: readonly string[]): string =>
  l10n.t('CDF has no file {0} (it was deleted, or never existed).', keys.slice(0, 5).join(', '));
