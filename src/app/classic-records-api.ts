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
    // Each id once (CDF refuses a request naming one twice). A key that is no id is sent as it is:
    // the client refuses it (nothing sent), not "deleted".
    const ids = [...new Set(keys.map(Number))];
    return ids.length
      ? files.retrieveExisting(
          ids.map((id) => ({ id })),
          signal,
        )
      : [];
  };
  return {
    retrieveExisting,
    retrieve: async (keys, signal) => {
      // A key is looked up as the id it names ('0123' is file 123), as the read was made.
      const found = new Map((await retrieveExisting(keys, signal)).map((r) => [CLASSIC_FILE.key(r), r]));
      const missing = keys.filter((k) => !found.has(canonicalKey(k)));
      if (missing.length) throw new RecordsMissingError(missing, missingText(missing));
      return keys.map((k) => found.get(canonicalKey(k))!);
    },
    update: (items, signal) => files.updateFiles([...items], signal),
    updateMany: (items, options) => files.updateMany([...items], options),
  };
}

const missingText = (keys: readonly string[]): string =>
  l10n.t('CDF has no file {0} (it was deleted, or never existed).', keys.slice(0, 5).join(', '));

/** The kind's own key of the id a key names: '0123' is '123'; a key that names no id stays as it is. */
const canonicalKey = (key: string): string => (/^\d+$/.test(key) ? String(Number(key)) : key);
