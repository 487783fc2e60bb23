/**
 * The first request to a new or reopened connection: does the address answer, and does CDF accept the
 * credentials for the project? A person is waiting for it, so it gives up within seconds (a typo'd host
 * or port does not become better on the tenth try), and its failure is one sentence naming the address.
 */
import * as l10n from '@vscode/l10n';
import { AuthError } from '../cdf/auth';
import {
  CdfApiError,
  CdfClient,
  CdfNetworkError,
  isAbortError,
  type CdfClientOptions,
  type RetryPolicy,
} from '../cdf/client';
import { redactForUser } from '../cdf/logging';

/** One retry (a dropped first connection happens), all within a few seconds; each attempt at most 8 s. */
export const PROBE_RETRY: Partial<RetryPolicy> = {
  maxAttempts: 2,
  maxTotalMs: 4_000,
  baseDelayMs: 250,
  maxDelayMs: 1_000,
  attemptTimeoutMs: 8_000,
};

/** Where the connection was going, as the sentence names it. */
export interface ProbeTarget {
  readonly name: string;
  readonly baseUrl: string;
  readonly project: string;
}

/** The probe failed; `message` is the sentence for the person, `cause` the client's error (for the log). */
export class ConnectFailedError extends Error {
  override readonly name = 'ConnectFailedError';
}

/**
 * Counts the project's files through a client of its own with {@link PROBE_RETRY}: the session's
 * client keeps the patient policy for the work that follows. Throws {@link ConnectFailedError}, or the
 * abort error itself when `signal` fires (a cancel is not a failure).
 */
export async function probeConnection(
  options: Omit<CdfClientOptions, 'retry'>,
  target: ProbeTarget,
  signal?: AbortSignal,
): Promise<void> {
  const client = new CdfClient({ ...options, retry: PROBE_RETRY });
  try {
    await client.aggregateFiles(undefined, { signal });
  } catch (err) {
    if (isAbortError(err) || signal?.aborted) throw err;
    throw new ConnectFailedError(describeConnectFailure(err, target), { cause: err });
  }
}

/** Why the probe failed, for a person: what did not work, at which address, what to check. */
export function describeConnectFailure(err: unknown, target: ProbeTarget): string {
  const url = target.baseUrl;
  if (isAbortError(err)) return l10n.t('Connecting to {0} was cancelled.', url);
  if (err instanceof CdfNetworkError) return networkSentence(err, url);
  if (err instanceof CdfApiError) {
    if (err.status === 401 || err.status === 403)
      return l10n.t(
        'CDF at {0} refused the credentials of "{1}" for project "{2}" ({3}): check the token or client secret and its access to the project.',
        url,
        target.name,
        target.project,
        err.status,
      );
    return l10n.t('CDF at {0} answered {1}: {2}', url, err.status, redactForUser(err.message));
  }
  const raw = redactForUser(err instanceof Error ? err.message : String(err));
  if (err instanceof AuthError) return l10n.t('Could not sign in for "{0}": {1}', target.name, raw);
  return l10n.t('Could not connect to {0}: {1}', url, raw);
}

function networkSentence(err: CdfNetworkError, url: string): string {
  if (err.timedOut) return l10n.t('{0} did not answer in time: check the base URL and your network.', url);
  const code = causeCode(err);
  const host = hostOf(url);
  if (code === 'ECONNREFUSED')
    return l10n.t('{0} refused the connection (nothing listens there): check the base URL and its port.', url);
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN')
    return l10n.t('The host {0} was not found (DNS): check the base URL or cluster name.', host);
  if (code === 'bad port')
    return l10n.t('{0} uses a port a browser-grade client refuses to call: check the port in the base URL.', url);
  if (code && /CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO_VERIFY/.test(code))
    return l10n.t('The certificate of {0} was not accepted ({1}): check the base URL.', host, code);
  if (code === 'ECONNRESET' || code === 'EHOSTUNREACH' || code === 'ENETUNREACH' || code === 'ETIMEDOUT')
    return l10n.t('{0} could not be reached ({1}): check the base URL and your network.', url, code);
  return l10n.t('{0} could not be reached: check the base URL and your network.', url);
}

/** The system error code (ECONNREFUSED, ENOTFOUND, …) somewhere in the cause chain, or fetch's "bad port". */
function causeCode(err: unknown): string | undefined {
  for (let e: unknown = err, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && code) return code;
    if (/^bad port$/i.test(e.message)) return 'bad port';
    const errors = (e as { errors?: unknown }).errors; // AggregateError (IPv4 and IPv6 both refused)
    if (Array.isArray(errors)) {
      const inner = errors.map(causeCode).find((c) => c !== undefined);
      if (inner) return inner;
    }
  }
  return undefined;
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
