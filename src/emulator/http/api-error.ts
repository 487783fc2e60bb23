import type { ApiErrorBody } from '../../cdf/model';

type Lookup = Record<string, unknown>;

/**
 * An error answer in the API's shape: `{"error":{"code","message","missing"?,"duplicated"?}}`.
 * Handlers throw it; the server turns it into the response.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly extras: { missing?: Lookup[]; duplicated?: Lookup[]; headers?: Record<string, string> } = {},
  ) {
    super(message);
  }

  body(): ApiErrorBody {
    const error: ApiErrorBody['error'] = { code: this.status, message: this.message };
    if (this.extras.missing) error.missing = this.extras.missing;
    if (this.extras.duplicated) error.duplicated = this.extras.duplicated;
    return { error };
  }
}

export const badRequest = (message: string): ApiError => new ApiError(400, message);

/** 400 with `missing`: identifiers that match nothing (the SDKs read this list). */
export const missing = (items: Lookup[], what = 'Files'): ApiError =>
  new ApiError(400, `${what} not found: ${items.map(describeLookup).join(', ')}`, { missing: items });

/** `duplicated`: 409 when a unique value is taken, 400 when one request names the same thing twice. */
export const duplicated = (status: 400 | 409, message: string, items: Lookup[]): ApiError =>
  new ApiError(status, message, { duplicated: items });

export function describeLookup(item: Lookup): string {
  if ('id' in item) return `id ${String(item.id)}`;
  if ('externalId' in item) return `externalId ${JSON.stringify(item.externalId)}`;
  if ('instanceId' in item) {
    const i = item.instanceId as { space?: unknown; externalId?: unknown };
    return `instanceId ${String(i.space)}/${String(i.externalId)}`;
  }
  return JSON.stringify(item);
}

/** Statuses a client may retry blindly; CDF marks such answers with `cdf-is-auto-retryable`. */
export const AUTO_RETRYABLE = new Set([429, 502, 503, 504]);
