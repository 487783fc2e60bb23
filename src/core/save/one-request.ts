import * as l10n from '@vscode/l10n';
import type { AppliedOutcome, RecordsApi } from '../ports';
import { RecordNotReturnedError } from '../ports';
import type { RecordKind } from '../records';
import type { SaveApi } from './save-types';

/**
 * A save's updates as ONE all-or-nothing update request (at most the API's items per request): what
 * a single record's save sends. A refusal throws the API's typed error (a stale version
 * VersionConflictError), so the caller can say exactly why; an answer that lacks an item throws too
 * (nothing is known).
 */
export function oneRequest<R extends object, U>(
  kind: RecordKind<R, U>,
  update: RecordsApi<R, U>['update'],
): SaveApi<R, U>['updateMany'] {
  return async (items, { signal }) => {
    const started = Date.now();
    const records = await update(items, signal);
    const byKey = new Map(records.map((r) => [kind.key(r), r]));
    const applied = items.map((item, index): AppliedOutcome<U, R> => {
      const key = kind.keyOfItem(item);
      const record = byKey.get(key);
      if (!record) {
        const message = l10n.t('The update of {1} {0} returned no record.', key, kind.noun());
        throw new RecordNotReturnedError(key, message);
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
