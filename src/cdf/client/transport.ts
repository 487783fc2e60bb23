/**
 * One CDF request, done right: a token from the provider (only ever sent to the configured origin),
 * an `AbortSignal` and a per-attempt timeout on every call, retries with backoff where they are
 * safe, one token refresh on 401, the response checked with zod, failures as typed errors.
 */
import * as l10n from '@vscode/l10n';
import type * as z from 'zod/mini';
import { apiErrorBody } from '../model/api-error';
import type { TokenProvider } from '../auth/token-provider';
import type { Logger, SecretRedactor } from '../logging';
import { abortReason, throwIfAborted } from './abortable-sleep';
import {
  CdfApiError,
  CdfNetworkError,
  CdfResponseValidationError,
  TokenLeakRefusedError,
  type FailedRequest,
} from './errors';
import { decideRetry, isRetryableResponse, parseRetryAfterMs, type RetryPolicy } from './retry-policy';

/** What happened to one HTTP attempt; the update runner uses these to adapt its concurrency. */
export type AttemptEvent =
  | { type: 'sending'; attempt: number }
  | { type: 'answered'; attempt: number; status: number; requestId?: string; durationMs: number }
  | { type: 'noAnswer'; attempt: number; timedOut: boolean; durationMs: number; error: unknown }
  | { type: 'waiting'; attempt: number; delayMs: number; why: string };

export interface CdfRequest<T> {
  readonly method: 'GET' | 'POST';
  /** Below the project, e.g. `/files/list`. */
  readonly path: string;
  readonly query?: Readonly<Record<string, string | number | boolean | undefined>>;
  readonly body?: unknown;
  /** The shape of a successful response body. */
  readonly response: z.ZodMiniType<T>;
  readonly signal?: AbortSignal;
  /**
   * Safe to send twice? Decides whether 502/503/504 and network failures are retried (429 always is,
   * since a throttled request was not processed).
   */
  readonly idempotent: boolean;
  readonly onAttempt?: (event: AttemptEvent) => void;
  /**
   * When this aborts, no further attempt starts and a backoff wait ends at once, but an attempt
   * already on the wire runs on (until `signal` aborts). Lets a cancelled bulk job learn how its
   * in-flight requests ended instead of abandoning them.
   */
  readonly stopRetrying?: AbortSignal;
  /**
   * Default true. False: a 429 is thrown at once (as a CdfApiError with its `retryAfterMs`) for the
   * caller to schedule, e.g. a bulk job that paces all its requests together instead of each
   * request waiting out its own backoff while holding a concurrency slot.
   */
  readonly retryThrottled?: boolean;
}

export interface CdfResponse<T> {
  readonly data: T;
  readonly status: number;
  readonly requestId: string | undefined;
  readonly attempts: number;
}

export interface TransportOptions {
  /** The validated CDF base URL; its origin is the only one that ever gets a token. */
  readonly baseUrl: URL;
  /** `…/api/v1/projects/PROJECT`. */
  readonly projectUrl: URL;
  readonly tokenProvider: TokenProvider;
  readonly fetch: typeof fetch;
  readonly retry: RetryPolicy;
  /** Already redacting. */
  readonly logger: Logger;
  /** Learns every token we use, so logs can mask it exactly. */
  readonly redactor: SecretRedactor;
  readonly appId: string;
}

const SDK_HEADER = 'CdfFilesVSCode:0.1.0';

export class CdfTransport {
  constructor(private readonly options: TransportOptions) {}

  /** When and how often requests are retried (a bulk job applies it to the 429s it schedules itself). */
  get retryPolicy(): RetryPolicy {
    return this.options.retry;
  }

  get origin(): string {
    return this.options.baseUrl.origin;
  }

  async request<T>(req: CdfRequest<T>): Promise<CdfResponse<T>> {
    const { retry, logger } = this.options;
    const url = this.urlFor(req.path, req.query);
    const described: FailedRequest = { method: req.method, path: url.pathname + url.search };
    const label = `${req.method} ${req.path}`;
    const startedAt = retry.now();
    let refreshedAfter401 = false;

    for (let attempt = 1; ; attempt++) {
      throwIfAborted(req.signal);
      throwIfAborted(req.stopRetrying);
      // Asked every attempt (it is cached): after a long backoff the previous one may have expired.
      const token = await this.token(req.signal);
      req.onAttempt?.({ type: 'sending', attempt });
      logger.trace(`${label}: attempt ${attempt}`);
      const attemptStart = retry.now();
      const outcome = await this.attempt(url, req, token);
      const durationMs = retry.now() - attemptStart;

      if (outcome.kind === 'noAnswer') {
        if (req.signal?.aborted) throw abortReason(req.signal);
        req.onAttempt?.({ type: 'noAnswer', attempt, timedOut: outcome.timedOut, durationMs, error: outcome.error });
        const error = new CdfNetworkError({
          request: described,
          cause: outcome.error,
          timedOut: outcome.timedOut,
          attempts: attempt,
        });
        // A dropped connection may hide a request that was applied: repeat only what is safe to repeat.
        if (!req.idempotent) throw error;
        const decision = decideRetry(retry, attempt, startedAt, undefined);
        if (!decision.retry) {
          logger.warn(`${label}: ${error.message}; ${decision.reason}`);
          throw error;
        }
        await this.wait(req, attempt, decision.delayMs, error.message);
        continue;
      }

      const { response, text } = outcome;
      const requestId = response.headers.get('x-request-id') ?? undefined;
      req.onAttempt?.({ type: 'answered', attempt, status: response.status, requestId, durationMs });
      logger.debug(
        `${label} → ${response.status} in ${durationMs} ms (attempt ${attempt}${requestId ? `, request id ${requestId}` : ''})`,
      );

      if (response.status >= 200 && response.status < 300) {
        return {
          data: this.parseBody(req, described, response.status, requestId, text),
          status: response.status,
          requestId,
          attempts: attempt,
        };
      }

      if (response.status === 401 && !refreshedAfter401) {
        // The token expired or was revoked early: get a fresh one once. The provider compares the
        // token we name with the one it holds, so a crowd of 401s triggers one refresh, not many.
        // The same token again (a static one) would only be refused again: no retry then.
        refreshedAfter401 = true;
        this.options.tokenProvider.invalidate(token);
        const fresh = await this.token(req.signal);
        if (fresh !== token) {
          logger.info(`${label}: 401, retrying once with a fresh token`);
          continue;
        }
      }

      const error = this.apiError(response, text, described, requestId, attempt);
      if (response.status === 429 && req.retryThrottled === false) throw error;
      if (!isRetryableResponse(response.status, error.autoRetryable, req.idempotent)) throw error;
      const decision = decideRetry(retry, attempt, startedAt, error.retryAfterMs);
      if (!decision.retry) {
        logger.warn(`${label} → ${response.status}: ${decision.reason}`);
        throw error;
      }
      await this.wait(req, attempt, decision.delayMs, `${response.status}`);
    }
  }

  /**
   * Fetches a URL CDF handed out (a download link). The token goes along only when the URL is on
   * the CDF origin itself; links to storage hosts are pre-signed and must never see it.
   */
  async fetchLink(link: string, signal?: AbortSignal): Promise<Response> {
    const url = new URL(link);
    if (url.origin === this.origin)
      return this.authorizedFetch(url, { method: 'GET', signal }, await this.token(signal));
    return this.options.fetch(url, { method: 'GET', signal, redirect: 'follow' });
  }

  private async attempt<T>(
    url: URL,
    req: CdfRequest<T>,
    token: string,
  ): Promise<
    { kind: 'answer'; response: Response; text: string } | { kind: 'noAnswer'; error: unknown; timedOut: boolean }
  > {
    const timeout = new AbortController();
    const timer = setTimeout(
      () => timeout.abort(new Error(l10n.t('no answer within {0} ms', this.options.retry.attemptTimeoutMs))),
      this.options.retry.attemptTimeoutMs,
    );
    const signal = req.signal ? AbortSignal.any([req.signal, timeout.signal]) : timeout.signal;
    try {
      const response = await this.authorizedFetch(
        url,
        {
          method: req.method,
          body: req.body === undefined ? undefined : JSON.stringify(req.body),
          signal,
          headers: req.body === undefined ? {} : { 'content-type': 'application/json' },
        },
        token,
      );
      // The body is read under the same signal, so a stalled body also times out.
      const text = await response.text();
      return { kind: 'answer', response, text };
    } catch (error) {
      if (error instanceof TokenLeakRefusedError) throw error;
      return { kind: 'noAnswer', error, timedOut: timeout.signal.aborted };
    } finally {
      clearTimeout(timer);
    }
  }

  /** The only place a token is put on a request. */
  private authorizedFetch(
    url: URL,
    init: RequestInit & { headers?: Record<string, string> },
    token: string,
  ): Promise<Response> {
    if (url.origin !== this.origin) {
      throw new TokenLeakRefusedError(
        l10n.t('Refusing to send the CDF token to {0}; it only goes to {1}.', url.origin, this.origin),
      );
    }
    return this.options.fetch(url, {
      ...init,
      // A redirect could carry the token to another host: do not follow, report it instead.
      redirect: 'manual',
      headers: {
        ...init.headers,
        accept: 'application/json',
        authorization: `Bearer ${token}`,
        'x-cdp-app': this.options.appId,
        'x-cdp-sdk': SDK_HEADER,
      },
    });
  }

  private async token(signal: AbortSignal | undefined): Promise<string> {
    throwIfAborted(signal);
    const token = await this.options.tokenProvider.getToken(signal);
    this.options.redactor.add(token);
    return token;
  }

  private async wait<T>(req: CdfRequest<T>, attempt: number, delayMs: number, why: string): Promise<void> {
    req.onAttempt?.({ type: 'waiting', attempt, delayMs, why });
    this.options.logger.info(`${req.method} ${req.path}: ${why}; retrying in ${delayMs} ms (attempt ${attempt + 1})`);
    const signals = [req.signal, req.stopRetrying].filter((s): s is AbortSignal => s !== undefined);
    await this.options.retry.sleep(delayMs, signals.length > 1 ? AbortSignal.any(signals) : signals[0]);
  }

  private urlFor(path: string, query: CdfRequest<unknown>['query']): URL {
    const url = new URL(this.options.projectUrl.href);
    url.pathname = `${url.pathname}${path}`;
    for (const [key, value] of Object.entries(query ?? {})) {
      if (value !== undefined) url.searchParams.set(key, String(value));
    }
    return url;
  }

  private parseBody<T>(
    req: CdfRequest<T>,
    described: FailedRequest,
    status: number,
    requestId: string | undefined,
    text: string,
  ): T {
    let json: unknown;
    try {
      json = text.trim() === '' ? {} : JSON.parse(text);
    } catch {
      throw new CdfResponseValidationError({ request: described, requestId, status, problem: 'the body is not JSON' });
    }
    const parsed = req.response.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const problem = issue ? `${issue.path.join('.') || '(body)'}: ${issue.message}` : 'invalid body';
      throw new CdfResponseValidationError({ request: described, requestId, status, problem });
    }
    return parsed.data;
  }

  private apiError(
    response: Response,
    text: string,
    request: FailedRequest,
    requestId: string | undefined,
    attempts: number,
  ): CdfApiError {
    const retryAfterMs = parseRetryAfterMs(response.headers.get('retry-after'), Date.now());
    const headerRetryable = response.headers.get('cdf-is-auto-retryable')?.toLowerCase() === 'true';
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    const parsed = apiErrorBody.safeParse(json);
    if (parsed.success) {
      const { code: _code, message, missing, duplicated, extra, ...rest } = parsed.data.error;
      return new CdfApiError({
        status: response.status,
        // A server or proxy may quote the request's token back; the message reaches logs and the UI.
        message: this.options.redactor.text(message),
        request,
        requestId,
        missing,
        duplicated,
        extra: this.options.redactor.value(extra ?? (Object.keys(rest).length > 0 ? rest : undefined)) as
          Record<string, unknown> | undefined,
        autoRetryable: headerRetryable || rest.isAutoRetryable === true,
        retryAfterMs,
        attempts,
      });
    }
    const redirect = response.status >= 300 && response.status < 400;
    const snippet = this.options.redactor.text(text.slice(0, 200)).trim();
    return new CdfApiError({
      status: response.status,
      message: redirect
        ? `CDF answered with a redirect (${response.status}), which the client does not follow so the token stays on ${this.origin}.`
        : `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}${snippet ? `: ${snippet}` : ''}`,
      request,
      requestId,
      autoRetryable: headerRetryable,
      retryAfterMs,
      attempts,
    });
  }
}
