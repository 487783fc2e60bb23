import { redactForUser } from '../cdf/logging';
import { EDITABLE_FIELD_NAMES } from '../cdf/model';

/** A failed request, said for a person, with the document field it concerns where the API names one. */
export interface ApiFailure {
  message: string;
  status?: number;
  missing?: unknown[];
  duplicated?: unknown[];
  /** A top-level document key, e.g. `externalId` for a duplicated external id. */
  field?: string;
  /** For the log: status, request id; never headers or tokens. */
  logDetail: string;
}

interface ErrorLike {
  status?: unknown;
  message?: unknown;
  missing?: unknown;
  duplicated?: unknown;
  requestId?: unknown;
  name?: unknown;
}

export function describeApiFailure(err: unknown): ApiFailure {
  const e = (typeof err === 'object' && err !== null ? err : {}) as ErrorLike;
  const status = typeof e.status === 'number' ? e.status : undefined;
  // Shown to the person and logged: masked, whatever produced the error (a proxy may quote the request).
  const raw = redactForUser(typeof e.message === 'string' ? e.message : String(err));
  const missing = Array.isArray(e.missing) && e.missing.length ? e.missing : undefined;
  const duplicated = Array.isArray(e.duplicated) && e.duplicated.length ? e.duplicated : undefined;
  const requestId = typeof e.requestId === 'string' ? ` (request id ${e.requestId})` : '';
  const logDetail = `${status ?? 'no status'} ${raw}${requestId}`;

  if (duplicated && duplicated.some((d) => typeof d === 'object' && d !== null && 'externalId' in d)) {
    const ids = duplicated.map((d) => (d as { externalId?: unknown }).externalId).filter((x) => typeof x === 'string');
    return {
      message: `Not saved: the external id ${ids.map((i) => `"${i}"`).join(', ')} is already used by another file. Choose another; your edits are kept.`,
      status,
      duplicated,
      field: 'externalId',
      logDetail,
    };
  }
  if (missing) {
    return {
      message: 'Not saved: the file no longer exists in CDF (it was deleted). Your edits are kept in the editor.',
      status,
      missing,
      logDetail,
    };
  }
  if (status === 401 || status === 403) {
    return { message: `Not saved: CDF refused the credentials (${status}). ${raw}`, status, logDetail };
  }
  if (status === 429) {
    return {
      message: 'Not saved: CDF is throttling requests and retries ran out. Try again in a moment; your edits are kept.',
      status,
      logDetail,
    };
  }
  if (status !== undefined && status >= 500) {
    return { message: `Not saved: CDF answered ${status}. Your edits are kept; try again.`, status, logDetail };
  }
  if (status === undefined) {
    return { message: `Not saved: could not reach CDF (${raw}). Your edits are kept; try again.`, logDetail };
  }
  const field = EDITABLE_FIELD_NAMES.find((f) => new RegExp(`\\b${f}\\b`).test(raw));
  return { message: `Not saved: ${raw}`, status, field, logDetail };
}
