/**
 * One CDF request, done right: a token from the provider (only ever sent to the configured origin),
 * an `AbortSignal` and a per-attempt timeout on every call, retries with backoff where they are
 * safe, one token refresh on 401, the response checked with zod, failures as typed errors.
 */
import * as l10n from '@vscode/l10n';
import type { TokenProvider } from '../auth';
import type { Logger, SecretRedactor } from '../logging';
import { abortReason, throwIfAborted } from './abortable-sleep';
import { CdfNetworkError, TokenLeakRefusedError, type CdfApiError, type FailedRequest } from './errors';
import { apiErrorOf, parseAnswer } from './read-answer';
import { decideRetry, isRetryableResponse, type RetryPolicy } from './retry-policy';
import type { CdfRequest, CdfResponse } from './cdf-request';

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

/** One request across its attempts. */
interface Run {
  readonly url: URL;
  readonly described: FailedRequest;
  readonly label: string;
  readonly startedAt: number;
  refreshedAfter401: boolean;
}

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
    const run: Run = {
      url,
      described: { method: req.method, path: url.pathname + url.search },
      label: `${req.method} ${req.path}`,
      startedAt: retry.now(),
      refreshedAfter401: false,
    };
    for (let attempt = 1; ; attempt++) {
      throwIfAborted(req.signal);
      throwIfAborted(req.stopRetrying);
      // Asked every attempt (it is cached): after a long backoff the previous one may have expired.
      const token = await this.token(req.signal);
      req.onAttempt?.({ type: 'sending', attempt });
      logger.trace(`${run.label}: attempt ${attempt}`);
      const attemptStart = retry.now();
      const outcome = await this.attempt(url, req, token);
      const durationMs = retry.now() - attemptStart;
      if (outcome.kind === 'noAnswer') {
        await this.afterNoAnswer(req, run, attempt, outcome, durationMs);
        continue;
      }
      const { response, text } = outcome;
      const requestId = response.headers.get('x-request-id') ?? undefined;
      req.onAttempt?.({ type: 'answered', attempt, status: response.status, requestId, durationMs });
      const idText = requestId ? `, request id ${requestId}` : '';
      logger.debug(`${run.label} → ${response.status} in ${durationMs} ms (attempt ${attempt}${idText})`);
      const asked = { request: run.described, requestId, attempts: attempt };
      if (response.status >= 200 && response.status < 300) {
        if (req.yieldBeforeParsing) await new Promise<void>((resolve) => setImmediate(resolve));
        const data = parseAnswer(req.response, asked, response.status, text, req.fastParse);
        return { data, status: response.status, requestId, attempts: attempt };
      }
      if (response.status === 401 && (await this.refreshedAfter401(req, run, token))) continue;
      const error = apiErrorOf(response, text, asked, this.options.redactor, this.origin);
      await this.afterRefusal(req, run, attempt, error);
    }
  }

  /** Throws the network error, or waits before the next attempt where repeating is safe. */
  private async afterNoAnswer<T>(
    req: CdfRequest<T>,
    run: Run,
    attempt: number,
    outcome: { error: unknown; timedOut: boolean },
    durationMs: number,
  ): Promise<void> {
    if (req.signal?.aborted) throw abortReason(req.signal);
    req.onAttempt?.({ type: 'noAnswer', attempt, timedOut: outcome.timedOut, durationMs, error: outcome.error });
    const error = new CdfNetworkError({
      request: run.described,
      cause: outcome.error,
      timedOut: outcome.timedOut,
      attempts: attempt,
    });
    // A dropped connection may hide a request that was applied: repeat only what is safe to repeat.
    if (!req.idempotent) throw error;
    const decision = decideRetry(this.options.retry, attempt, run.startedAt, undefined);
    if (!decision.retry) {
      this.options.logger.warn(`${run.label}: ${error.message}; ${decision.reason}`);
      throw error;
    }
    await this.wait(req, attempt, decision.delayMs, error.message);
  }

  /**
   * The token expired or was revoked early: get a fresh one, once per request. The provider compares
   * the token we name with the one it holds, so a crowd of 401s triggers one refresh, not many. The
   * same token again (a static one) would only be refused again: no retry then.
   */
  private async refreshedAfter401<T>(req: CdfRequest<T>, run: Run, token: string): Promise<boolean> {
    if (run.refreshedAfter401) return false;
    run.refreshedAfter401 = true;
    this.options.tokenProvider.invalidate(token);
    const fresh = await this.token(req.signal);
    if (fresh === token) return false;
    this.options.logger.info(`${run.label}: 401, retrying once with a fresh token`);
    return true;
  }

  /** Throws CDF's refusal, or waits before the next attempt where it may be retried. */
  private async afterRefusal<T>(req: CdfRequest<T>, run: Run, attempt: number, error: CdfApiError): Promise<void> {
    if (error.status === 429 && req.retryThrottled === false) throw error;
    if (!isRetryableResponse(error.status, error.autoRetryable, req.idempotent)) throw error;
    const decision = decideRetry(this.options.retry, attempt, run.startedAt, error.retryAfterMs);
    if (!decision.retry) {
      this.options.logger.warn(`${run.label} → ${error.status}: ${decision.reason}`);
      throw error;
    }
    await this.wait(req, attempt, decision.delayMs, `${error.status}`);
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
    const provider = this.options.tokenProvider;
    const token = await provider.getToken(signal);
    if (!provider.isPublic) this.options.redactor.add(token);
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
}
