/**
 * Where tokens may go. A CDF base URL must be https, except on the loopback interface (the demo
 * emulator and tests), so a token never travels in clear text over a network.
 */
import * as l10n from '@vscode/l10n';

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

export class InvalidBaseUrlError extends Error {
  override readonly name = 'InvalidBaseUrlError';
}

export const isLoopbackHost = (hostname: string): boolean => LOOPBACK_HOSTS.has(hostname.toLowerCase());

/**
 * Parses and checks a URL that will receive credentials (a CDF base URL, a token URL, an issuer).
 * Returns it without a trailing slash. `what` names the setting in the error message.
 */
export function validateSecureUrl(input: string, what: string): URL {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    throw new InvalidBaseUrlError(
      l10n.t('{0} "{1}" is not a valid URL (example: https://westeurope-1.cognitedata.com).', what, input),
    );
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopbackHost(url.hostname))) {
    throw new InvalidBaseUrlError(
      l10n.t(
        '{0} must use https:// (plain http:// is allowed only for 127.0.0.1, localhost and [::1]); got "{1}".',
        what,
        `${url.protocol}//${url.host}`,
      ),
    );
  }
  if (url.username || url.password) {
    throw new InvalidBaseUrlError(l10n.t('{0} must not contain a user name or password.', what));
  }
  if (url.search || url.hash) {
    throw new InvalidBaseUrlError(l10n.t('{0} must not contain a query (?…) or a fragment (#…).', what));
  }
  url.pathname = url.pathname.replace(/\/+$/, '');
  return url;
}

/**
 * Checks a CDF base URL such as `https://westeurope-1.cognitedata.com` (a path prefix is allowed).
 * A URL copied from the browser or the API docs often holds `/api/v1/projects/NAME`: the client adds
 * that itself, so such a URL would send every request to `…/api/v1/projects/NAME/api/v1/…` (404s).
 */
export function validateBaseUrl(input: string): URL {
  const url = validateSecureUrl(input, l10n.t('The CDF base URL'));
  const api = /\/api\/v1(\/|$)/i.exec(url.pathname);
  if (api) {
    const base = `${url.origin}${url.pathname.slice(0, api.index)}`;
    throw new InvalidBaseUrlError(
      l10n.t('The CDF base URL ends before /api/v1 (the project is asked for on its own): use "{0}".', base),
    );
  }
  return url;
}

/** What the person typed for "cluster or base URL", trimmed: a base URL if it has a scheme, else a cluster name. */
export function clusterOrBaseUrl(input: string): { cluster: string } | { baseUrl: string } {
  const v = input.trim();
  if (!v) throw new InvalidBaseUrlError(l10n.t('A cluster or base URL is required'));
  if (/^[a-z]+:/i.test(v)) {
    validateBaseUrl(v);
    return { baseUrl: v };
  }
  clusterBaseUrl(v);
  return { cluster: v };
}

/** `https://CLUSTER.cognitedata.com` for a cluster name such as `westeurope-1` or `api`. */
export function clusterBaseUrl(cluster: string): string {
  if (!/^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/i.test(cluster)) {
    throw new InvalidBaseUrlError(l10n.t('"{0}" is not a CDF cluster name (example: westeurope-1).', cluster));
  }
  return `https://${cluster.toLowerCase()}.cognitedata.com`;
}

/** The usual OAuth scope for a CDF cluster: `https://CLUSTER.cognitedata.com/.default`. */
export const defaultScopeFor = (baseUrl: string): string => `${validateBaseUrl(baseUrl).origin}/.default`;

/** `…/api/v1/projects/PROJECT`: where every project-scoped endpoint lives. */
export function projectApiUrl(baseUrl: URL, project: string): URL {
  if (!project.trim()) throw new InvalidBaseUrlError(l10n.t('The CDF project name is empty.'));
  const url = new URL(baseUrl.href);
  url.pathname = `${baseUrl.pathname.replace(/\/+$/, '')}/api/v1/projects/${encodeURIComponent(project)}`;
  return url;
}
