import * as l10n from '@vscode/l10n';
import type { AppliedOutcome, FileRecord, FileUpdateItem } from '../../cdf/model';
import { RecordNotReturnedError } from '../ports';
import type { SaveApi } from './save-records';

/**
 * A save's updates as ONE all-or-nothing `POST /files/update` request (at most 1000 items, as the
 * API takes them): what a single record's save sends. A refusal throws the API's typed error, so
 * the caller can say exactly why; an answer that lacks an item throws too (nothing is known).
 */
export function oneRequest(
  updateFiles: (items: FileUpdateItem[], signal?: AbortSignal) => Promise<FileRecord[]>,
): SaveApi['updateMany'] {
  return async (items, { signal }) => {
    const started = Date.now();
    const records = await updateFiles(items, signal);
    const byId = new Map(records.map((r) => [r.id, r]));
    const applied = items.map((item, index): AppliedOutcome => {
      const record = 'id' in item ? byId.get(item.id) : undefined;
      if (!record) {
        const message = l10n.t('The update of file {0} returned no record.', idOf(item));
        throw new RecordNotReturnedError('id' in item ? item.id : 0, message);
      }
      return { outcome: 'applied', index, item, sends: 1, record };
    });
    // Nothing else to report: a refusal or no answer threw above. The transport's own retries of
    // the one request are not counted here.
    return {
      total: items.length,
      items: applied,
      applied,
      failed: [],
      unknown: [],
      notSent: [],
      cancelled: false,
      attempts: [{ itemIndexes: items.map((_, i) => i), attempt: 1 }],
      stats: {
        requestsSent: 1,
        throttled: 0,
        peakConcurrency: 1,
        finalConcurrency: 1,
        durationMs: Date.now() - started,
      },
    };
  };
}

const idOf = (item: FileUpdateItem): string => ('id' in item ? String(item.id) : '?');
