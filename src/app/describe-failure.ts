/**
 * The one place an error becomes words for a person. Errors are told apart by their type (the client's
 * typed errors, the sign-in's, core's), never by the presence of a field: an error without an HTTP
 * status is not therefore a network failure (a record missing from an answer is not).
 */
import * as l10n from '@vscode/l10n';
import { AuthError } from '../cdf/auth';
import {
  CdfApiError,
  CdfInvalidRequestError,
  CdfNetworkError,
  CdfResponseValidationError,
  isAbortError,
  TokenLeakRefusedError,
} from '../cdf/client';
import { redactForUser } from '../cdf/logging';
import { EDITABLE_FIELD_NAMES } from '../cdf/model';
import {
  OutcomeUnknownError,
  RecordNotReturnedError,
  RecordsMissingError,
  ReferencesMissingError,
  VersionConflictError,
} from '../core/ports';
import { KeptChangingError } from '../core/save';

/** Why a request failed, as a typed code (a diagnostic's `code`; see {@link isFailureCode}). */
export const FAILURE_CODES = [
  'external-id-taken',
  'record-deleted',
  'credentials-refused',
  'throttled',
  'server-error',
  'refused',
  'unreachable',
  'sign-in-failed',
  'unexpected-answer',
  'record-not-returned',
  'outcome-unknown',
  'changed-during-save',
  'request-invalid',
  'cancelled',
  'unexpected-error',
] as const;
export type FailureCode = (typeof FAILURE_CODES)[number];

export function isFailureCode(code: unknown): code is FailureCode {
  return (FAILURE_CODES as readonly unknown[]).includes(code);
}

/** A failed request, said for a person, with the document field it concerns where the API names one. */
export interface FailureDescription {
  code: FailureCode;
  message: string;
  status?: number;
  missing?: readonly unknown[];
  duplicated?: readonly unknown[];
  /** A top-level document key, e.g. `externalId` for a duplicated external id. */
  field?: string;
  /**
   * When the failure concerns several keys (a mistyped reference in `assets` and another in
   * `category`): one message per key, so each is flagged where it is; `field` is the first of them.
   */
  places?: readonly { field: string; message: string }[];
  /** For the log: code or status, request id; never headers or tokens. */
  logDetail: string;
}

/** `noun` names the record as its kind does ("file", "CogniteFile node"); the classic file by default. */
export function describeFailure(err: unknown, noun?: string): FailureDescription {
  // Shown to the person and logged: masked, whatever produced the error (a proxy may quote the request).
  const raw = redactForUser(err instanceof Error ? err.message : String(err));
  if (err instanceof CdfApiError) return describeApiError(err, raw, noun);
  // A mistyped direct relation (a node's asset): said at the property that holds it, nothing saved.
  if (err instanceof ReferencesMissingError) {
    const message = l10n.t('Not saved: {0} Your edits are kept.', raw);
    const places = referencePlaces(err);
    return { code: 'refused', message, field: places[0]?.field, places, logDetail: `refused: ${raw}` };
  }
  if (err instanceof RecordsMissingError)
    return {
      code: 'record-deleted',
      message: deletedText(noun),
      missing: err.keys,
      logDetail: `record-deleted: ${raw}`,
    };
  const code = codeOf(err);
  const status = err instanceof CdfResponseValidationError ? err.status : undefined;
  const requestId = err instanceof CdfResponseValidationError ? requestIdText(err.requestId) : '';
  return { code, message: otherMessage(code, raw), status, logDetail: `${code}: ${raw}${requestId}` };
}

/** Each property holding a reference to no node, with the targets it names there. */
function referencePlaces(err: ReferencesMissingError): { field: string; message: string }[] {
  const targets = new Map<string, string[]>();
  for (const r of err.references) targets.set(r.field, [...(targets.get(r.field) ?? []), r.target]);
  return [...targets].map(([field, names]) => ({
    field,
    message: l10n.t(
      'Not saved: {0} names no existing node ({1}); nothing was saved and no node was created. Your edits are kept.',
      field,
      names.join(', '),
    ),
  }));
}

function codeOf(err: unknown): Exclude<FailureCode, ApiCode> {
  // Before the other types: its cause is one of them, but the write was sent.
  if (err instanceof OutcomeUnknownError) return 'outcome-unknown';
  // A stale version the save could not settle: the record moved on in CDF, nothing was applied.
  if (err instanceof KeptChangingError || err instanceof VersionConflictError) return 'changed-during-save';
  if (isAbortError(err)) return 'cancelled';
  if (err instanceof CdfNetworkError) return 'unreachable';
  if (err instanceof AuthError) return 'sign-in-failed';
  if (err instanceof CdfResponseValidationError) return 'unexpected-answer';
  if (err instanceof RecordNotReturnedError) return 'record-not-returned';
  if (err instanceof CdfInvalidRequestError || err instanceof TokenLeakRefusedError) return 'request-invalid';
  return 'unexpected-error';
}

function otherMessage(code: Exclude<FailureCode, ApiCode>, raw: string): string {
  switch (code) {
    case 'cancelled':
      return l10n.t('Not saved: cancelled. Your edits are kept.');
    case 'unreachable':
      return l10n.t('Not saved: could not reach CDF ({0}). Your edits are kept; try again.', raw);
    case 'sign-in-failed':
      return l10n.t('Not saved: could not sign in to CDF ({0}). Your edits are kept; sign in and save again.', raw);
    case 'unexpected-answer':
      return l10n.t(
        'Not saved: CDF answered in a form the API does not document ({0}); the change may or may not be applied. Your edits are kept; reopen the file to check.',
        raw,
      );
    case 'record-not-returned':
      return l10n.t('Not saved: {0} Your edits are kept; try again.', raw);
    case 'outcome-unknown':
      return outcomeUnknownText(raw);
    case 'changed-during-save':
      return l10n.t('Not saved: {0} Your edits are kept; save again when the file settles.', raw);
    case 'request-invalid':
      return l10n.t('Not saved: {0} Nothing was sent; your edits are kept.', raw);
    case 'unexpected-error':
      return l10n.t('Not saved: {0}', raw);
  }
}

type ApiCode =
  'external-id-taken' | 'record-deleted' | 'credentials-refused' | 'throttled' | 'server-error' | 'refused';

function describeApiError(err: CdfApiError, raw: string, noun?: string): FailureDescription {
  const { status } = err;
  const base = { status, logDetail: `${status} ${raw}${requestIdText(err.requestId)}` };
  const takenIds = err.duplicated.map((d) => d['externalId']).filter((x) => typeof x === 'string');
  if (takenIds.length) {
    const ids = takenIds.map((i) => `"${i}"`).join(', ');
    const message = l10n.t(
      'Not saved: the external id {0} is already used by another file. Choose another; your edits are kept.',
      ids,
    );
    return { ...base, code: 'external-id-taken', message, duplicated: err.duplicated, field: 'externalId' };
  }
  if (err.missing.length) {
    return { ...base, code: 'record-deleted', message: deletedText(noun), missing: err.missing };
  }
  if (status === 401 || status === 403)
    return {
      ...base,
      code: 'credentials-refused',
      message: l10n.t('Not saved: CDF refused the credentials ({0}). {1}', status, raw),
    };
  if (status === 429) {
    const message = l10n.t(
      'Not saved: CDF is throttling requests and retries ran out. Try again in a moment; your edits are kept.',
    );
    return { ...base, code: 'throttled', message };
  }
  if (status >= 500)
    return {
      ...base,
      code: 'server-error',
      message: l10n.t('Not saved: CDF answered {0}. Your edits are kept; try again.', status),
    };
  const field = EDITABLE_FIELD_NAMES.find((f) => new RegExp(`\\b${f}\\b`).test(raw));
  return { ...base, code: 'refused', message: l10n.t('Not saved: {0}', raw), field };
}

/** A record CDF no longer has, named as its kind names it (a file, a CogniteFile node). */
export const deletedText = (noun: string = l10n.t('file')): string =>
  l10n.t('Not saved: the {0} no longer exists in CDF (it was deleted). Your edits are kept in the editor.', noun);

/** The one sentence for a write that got no definite answer: the change may be in CDF. */
export function outcomeUnknownText(why: string): string {
  return l10n.t(
    'The change may or may not have been saved: CDF did not answer ({0}). Reload to see what CDF holds; your edits are kept.',
    why,
  );
}

function requestIdText(requestId: string | undefined): string {
  return requestId ? ` (request id ${requestId})` : '';
}
