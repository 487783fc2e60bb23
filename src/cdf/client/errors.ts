/**
 * Typed errors of the CDF client. Every error names the request that failed (method and path, never
 * headers or body) so a message or log line can say what went wrong without leaking anything.
 */
import * as l10n from '@vscode/l10n';

/** The request an error is about. `path` is the URL path and query below the host. */
export interface FailedRequest {
  readonly method: string;
  readonly path: string;
}

/** An item reference as CDF returns it in `missing` / `duplicated`: `{id}`, `{externalId}` or `{instanceId}`. */
export type ItemReference = Readonly<Record<string, unknown>>;

export interface CdfApiErrorInit {
  status: number;
  message: string;
  request: FailedRequest;
  requestId?: string;
  missing?: ItemReference[];
  duplicated?: ItemReference[];
  extra?: Record<string, unknown>;
  /** The server said the request may be retried (`cdf-is-auto-retryable: true`). */
  autoRetryable?: boolean;
  /** The `Retry-After` the server asked for, in milliseconds. */
  retryAfterMs?: number;
  /** How many HTTP attempts were made before giving up. */
  attempts?: number;
}

/** CDF answered with an error status. `message` is CDF's own message, as the API wrote it. */
export class CdfApiError extends Error {
  override readonly name = 'CdfApiError';
  readonly status: number;
  readonly request: FailedRequest;
  readonly requestId: string | undefined;
  readonly missing: readonly ItemReference[];
  readonly duplicated: readonly ItemReference[];
  readonly extra: Readonly<Record<string, unknown>> | undefined;
  readonly autoRetryable: boolean;
  readonly retryAfterMs: number | undefined;
  readonly attempts: number;

  constructor(init: CdfApiErrorInit) {
    super(init.message);
    this.status = init.status;
    this.request = init.request;
    this.requestId = init.requestId;
    this.missing = init.missing ?? [];
    this.duplicated = init.duplicated ?? [];
    this.extra = init.extra;
    this.autoRetryable = init.autoRetryable ?? false;
    this.retryAfterMs = init.retryAfterMs;
    this.attempts = init.attempts ?? 1;
  }

  /** One line for a log or a detail view: `POST /…/files/update → 400: Files not found (request id abc)`. */
  get summary(): string {
    const id = this.requestId ? ` (request id ${this.requestId})` : '';
    return `${this.request.method} ${this.request.path} → ${this.status}: ${this.message}${id}`;
  }
}

/** No HTTP answer: the connection failed, was dropped, or the attempt timed out. */
export class CdfNetworkError extends Error {
  override readonly name = 'CdfNetworkError';
  readonly request: FailedRequest;
  readonly timedOut: boolean;
  readonly attempts: number;

  constructor(init: { request: FailedRequest; cause: unknown; timedOut: boolean; attempts: number }) {
    const why = init.timedOut ? l10n.t('timed out') : describeCause(init.cause);
    super(l10n.t('{0} {1}: no answer from CDF ({2})', init.request.method, init.request.path, why), {
      cause: init.cause,
    });
    this.request = init.request;
    this.timedOut = init.timedOut;
    this.attempts = init.attempts;
  }
}

/** CDF answered 2xx, but the body is not what the API promises. */
export class CdfResponseValidationError extends Error {
  override readonly name = 'CdfResponseValidationError';
  readonly request: FailedRequest;
  readonly requestId: string | undefined;
  readonly status: number;

  constructor(init: { request: FailedRequest; requestId?: string; status: number; problem: string }) {
    super(l10n.t('{0} {1}: unexpected response from CDF: {2}', init.request.method, init.request.path, init.problem));
    this.request = init.request;
    this.requestId = init.requestId;
    this.status = init.status;
  }
}

/** The caller's input cannot be sent (checked before any request). */
export class CdfInvalidRequestError extends Error {
  override readonly name = 'CdfInvalidRequestError';
}

/** The client refused to send a token somewhere it does not belong. */
export class TokenLeakRefusedError extends Error {
  override readonly name = 'TokenLeakRefusedError';
}

/** True for the error `fetch` and our own code throw when an `AbortSignal` fires. */
export function isAbortError(error: unknown): boolean {
  return (
    (error instanceof Error || (typeof DOMException !== 'undefined' && error instanceof DOMException)) &&
    (error.name === 'AbortError' || error.name === 'TimeoutError')
  );
}

function describeCause(cause: unknown): string {
  if (cause instanceof Error) {
    const inner = cause.cause instanceof Error ? `: ${cause.cause.message}` : '';
    return `${cause.message}${inner}`;
  }
  return String(cause);
}
