/**
 * Why the changed records of a save that reached CDF were not (or not surely) saved, each in the
 * words of a single record's failure ({@link describeFailure}), so a selection says per file what a
 * record's save would say.
 */
import * as l10n from '@vscode/l10n';
import { CdfApiError } from '../cdf/client';
import type { ItemFailure } from '../cdf/model';
import type { RecordSaveResult } from '../core/save';
import { deletedText, describeFailure, outcomeUnknownText, type FailureCode } from './describe-failure';

export interface RecordFailure {
  /** The record it concerns: its kind's key, and how a person tells it apart (a file name). */
  key: string;
  label: string;
  code: FailureCode;
  message: string;
  /** A top-level document key the failure concerns (a duplicated external id). */
  field?: string;
}

/** One entry per result that is neither saved nor already up to date, in the results' order. */
export function failuresOf(results: readonly RecordSaveResult<unknown, unknown>[], noun?: string): RecordFailure[] {
  return results.flatMap((r): RecordFailure[] => {
    const said = wordsFor(r, noun);
    return said ? [{ key: r.key, label: r.label, ...said }] : [];
  });
}

/** How a record's kind names one and many of them ("file", "CogniteFile node"). */
export interface SaveNouns {
  noun: () => string;
  nouns: () => string;
}

/** One record's failure in a selection: which record, in its kind's noun, then a record's words. */
export function selectionFailureText(f: RecordFailure, kind: SaveNouns): string {
  const noun = kind.noun();
  return l10n.t('{0} {1} ({2}): {3}', noun.charAt(0).toUpperCase() + noun.slice(1), f.key, f.label, f.message);
}

/** Why a selection's save is refused when some of its changed records were not saved (the first five named). */
export function selectionNotSavedText(changed: number, failures: readonly RecordFailure[], kind: SaveNouns): string {
  const named = failures.slice(0, 5).map((f) => selectionFailureText(f, kind));
  return l10n.t(
    '{0} of {1} changed {2} saved. {3}',
    changed - failures.length,
    changed,
    kind.nouns(),
    named.join(' ') + (failures.length > 5 ? ' …' : ''),
  );
}

type Words = Pick<RecordFailure, 'code' | 'message' | 'field'>;

function wordsFor(r: RecordSaveResult<unknown, unknown>, noun?: string): Words | undefined {
  switch (r.status) {
    case 'saved':
    case 'up-to-date':
      return undefined;
    case 'deleted':
      return { code: 'record-deleted', message: deletedText(noun) };
    case 'unknown':
      return { code: 'outcome-unknown', message: outcomeUnknownText(noAnswerWhy(r)) };
    case 'not-applied':
      return notAppliedWords(r, noun);
  }
}

function noAnswerWhy(r: RecordSaveResult<unknown, unknown>): string {
  return r.outcome?.outcome === 'unknown' ? r.outcome.why : l10n.t('the answer could not be read');
}

function notAppliedWords(r: RecordSaveResult<unknown, unknown>, noun?: string): Words {
  if (r.unsent && 'error' in r.unsent) {
    const { code, message, field } = describeFailure(r.unsent.error, noun);
    return { code, message, field };
  }
  if (r.outcome?.outcome === 'failed') {
    const { code, message, field } = describeFailure(asError(r.outcome.item, r.outcome.failure), noun);
    return { code, message, field };
  }
  if (r.unsent)
    return { code: 'cancelled', message: l10n.t('Not saved: cancelled before it was sent. Your edits are kept.') };
  return {
    code: 'throttled',
    message: l10n.t(
      'Not saved: not sent (cancelled, or CDF kept throttling). Your edits are kept; save again to retry.',
    ),
  };
}

/**
 * An item's refusal as the error of a request that held only this item, so that it is said in the
 * words of a single record's failure. Without a status the client refused the item itself.
 */
function asError(item: unknown, failure: ItemFailure): Error {
  if (failure.status === undefined) return new Error(failure.message);
  // A classic item names its file by `id` and may set `externalId`; another kind's item has neither.
  const { id, update } = (typeof item === 'object' && item !== null ? item : {}) as { id?: unknown; update?: unknown };
  const change = (typeof update === 'object' && update !== null ? update : {}) as { externalId?: { set?: unknown } };
  const externalId = typeof change.externalId?.set === 'string' ? change.externalId.set : undefined;
  return new CdfApiError({
    status: failure.status,
    message: failure.message,
    request: { method: 'POST', path: '/files/update' },
    requestId: failure.requestId,
    missing: failure.reason === 'missing' && id !== undefined ? [{ id }] : undefined,
    duplicated: failure.reason === 'duplicated' && externalId ? [{ externalId }] : undefined,
  });
}
