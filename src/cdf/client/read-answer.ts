/**
 * What an HTTP answer of CDF means: a 2xx body checked against the shape the API promises, or an
 * error status turned into a {@link CdfApiError} carrying CDF's message, `missing` / `duplicated`,
 * and whether and when it may be retried. Anything quoted from the answer is redacted first (a
 * server or proxy may quote the request's token back; the message reaches logs and the UI).
 */
import * as l10n from '@vscode/l10n';
import type * as z from 'zod/mini';
import { apiErrorBody } from '../model';
import type { SecretRedactor } from '../logging';
import { CdfApiError, CdfResponseValidationError, type FailedRequest } from './errors';
import { parseRetryAfterMs } from './retry-policy';

/** The request an answer belongs to. */
export interface Asked {
  readonly request: FailedRequest;
  readonly requestId: string | undefined;
  readonly attempts: number;
}

export function parseAnswer<T>(
  schema: z.ZodMiniType<T>,
  asked: Asked,
  status: number,
  text: string,
  fastParse?: (json: unknown) => T | undefined,
): T {
  const { request, requestId } = asked;
  let json: unknown;
  try {
    json = text.trim() === '' ? {} : JSON.parse(text);
  } catch {
    throw new CdfResponseValidationError({ request, requestId, status, problem: l10n.t('the body is not JSON') });
  }
  const quick = fastParse?.(json);
  if (quick !== undefined) return quick;
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const problem = issue ? `${issue.path.join('.') || '(body)'}: ${issue.message}` : l10n.t('invalid body');
    throw new CdfResponseValidationError({ request, requestId, status, problem });
  }
  return parsed.data;
}

/** `origin` is where the token may go (named when CDF answers with a redirect the client does not follow). */
export function apiErrorOf(
  response: Response,
  text: string,
  asked: Asked,
  redactor: Pick<SecretRedactor, 'text' | 'value'>,
  origin: string,
): CdfApiError {
  const common = {
    ...asked,
    status: response.status,
    retryAfterMs: parseRetryAfterMs(response.headers.get('retry-after'), Date.now()),
  };
  const headerRetryable = response.headers.get('cdf-is-auto-retryable')?.toLowerCase() === 'true';
  const parsed = apiErrorBody.safeParse(jsonOrUndefined(text));
  if (parsed.success) {
    const { code: _code, message, missing, duplicated, extra, ...rest } = parsed.data.error;
    return new CdfApiError({
      ...common,
      message: redactor.text(message),
      missing,
      duplicated,
      extra: redactor.value(extra ?? (Object.keys(rest).length > 0 ? rest : undefined)) as
        Record<string, unknown> | undefined,
      autoRetryable: headerRetryable || rest.isAutoRetryable === true,
    });
  }
  const redirect = response.status >= 300 && response.status < 400;
  const snippet = redactor.text(text.slice(0, 200)).trim();
  const status = `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`;
  return new CdfApiError({
    ...common,
    message: redirect
      ? l10n.t(
          'CDF answered with a redirect ({0}), which the client does not follow so the token stays on {1}.',
          response.status,
          origin,
        )
      : `${status}${snippet ? `: ${snippet}` : ''}`,
    autoRetryable: headerRetryable,
  });
}

function jsonOrUndefined(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
