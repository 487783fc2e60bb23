/**
 * Builds an `openid-client` Configuration for an identity provider, by issuer discovery or from a
 * bare token URL. Credentials only travel over https; plain http is allowed on loopback alone (a
 * local test provider), the same rule as for CDF itself.
 */
import * as l10n from '@vscode/l10n';
import * as oidc from 'openid-client';
import { isLoopbackHost, validateSecureUrl } from '../client';
import { registerSecret } from '../logging';
import { AuthError } from './token-provider';

export interface IdentityProviderTarget {
  /** OpenID issuer (discovery at `/.well-known/openid-configuration`), e.g. `https://login.microsoftonline.com/TENANT/v2.0`. */
  readonly issuer?: string;
  /** A token endpoint used as is (client credentials only), e.g. `https://login.microsoftonline.com/TENANT/oauth2/v2.0/token`. */
  readonly tokenUrl?: string;
}

export interface ClientIdentity {
  readonly clientId: string;
  /** Confidential clients only. */
  readonly clientSecret?: string;
  /** How a confidential client authenticates at the token endpoint. Default `post` (Entra ID, Auth0 and Okta all accept it). */
  readonly clientAuth?: 'post' | 'basic';
  /** Seconds per request to the identity provider. Default 30. */
  readonly timeoutSeconds?: number;
  /** For tests: the fetch the library uses. */
  readonly fetch?: typeof fetch;
}

export async function oidcConfiguration(
  target: IdentityProviderTarget,
  identity: ClientIdentity,
): Promise<oidc.Configuration> {
  if (!identity.clientId.trim()) throw new AuthError(l10n.t('The OAuth client id is empty.'));
  registerSecret(identity.clientSecret);
  const clientAuth = identity.clientSecret
    ? identity.clientAuth === 'basic'
      ? oidc.ClientSecretBasic(identity.clientSecret)
      : oidc.ClientSecretPost(identity.clientSecret)
    : oidc.None();
  const metadata: Partial<oidc.ClientMetadata> = identity.clientSecret ? { client_secret: identity.clientSecret } : {};

  let config: oidc.Configuration;
  if (target.issuer) {
    const issuer = validateSecureUrl(target.issuer, l10n.t('The identity provider (issuer) URL'));
    const insecure = issuer.protocol === 'http:' && isLoopbackHost(issuer.hostname);
    try {
      config = await oidc.discovery(issuer, identity.clientId, metadata, clientAuth, {
        execute: insecure ? [oidc.allowInsecureRequests] : [],
        timeout: identity.timeoutSeconds ?? 30,
        ...(identity.fetch ? { [oidc.customFetch]: customFetchFrom(identity.fetch) } : {}),
      });
    } catch (error) {
      throw new AuthError(
        l10n.t(
          "Could not read the identity provider's configuration at {0}: {1}",
          issuer.origin,
          describeOidcError(error),
        ),
        {
          cause: error,
        },
      );
    }
  } else if (target.tokenUrl) {
    const tokenUrl = validateSecureUrl(target.tokenUrl, l10n.t('The token URL'));
    // Without discovery there is no issuer document; the token URL's origin stands in, which is
    // fine for client credentials (no ID token to check the issuer of).
    config = new oidc.Configuration(
      { issuer: tokenUrl.origin, token_endpoint: tokenUrl.href },
      identity.clientId,
      metadata,
      clientAuth,
    );
    if (tokenUrl.protocol === 'http:') oidc.allowInsecureRequests(config);
    config.timeout = identity.timeoutSeconds ?? 30;
    if (identity.fetch) config[oidc.customFetch] = customFetchFrom(identity.fetch);
  } else {
    throw new AuthError(l10n.t('Either an issuer URL or a token URL is needed.'));
  }
  return config;
}

function customFetchFrom(fetchImpl: typeof fetch): oidc.CustomFetch {
  return (url, options) => fetchImpl(url, options as RequestInit);
}

/** A short, secret-free description of an openid-client error (`error` and `error_description` from the server). */
export function describeOidcError(error: unknown): string {
  if (error instanceof oidc.ResponseBodyError) {
    return `${error.error}${error.error_description ? `: ${error.error_description}` : ''} (HTTP ${error.status})`;
  }
  if (error instanceof Error) {
    const cause = error.cause instanceof Error ? ` (${error.cause.message})` : '';
    return `${error.message}${cause}`;
  }
  return String(error);
}

/** Registers every secret a token response holds, before anything can log or echo it. */
export function registerTokenResponse(response: oidc.TokenEndpointResponse): void {
  registerSecret(response.access_token);
  registerSecret(response.refresh_token);
  registerSecret(response.id_token);
}

/** `scope` as the token endpoint wants it: space-separated. */
export const scopeParameter = (scopes: readonly string[]): string => scopes.join(' ');
