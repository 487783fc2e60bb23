/**
 * OAuth 2.0 client credentials (a service principal): the usual way scripts and pipelines reach
 * CDF. The token is cached and refreshed before it expires; concurrent callers share one refresh.
 */
import * as l10n from '@vscode/l10n';
import * as oidc from 'openid-client';
import { validateSecureUrl } from '../client';
import { type Logger, registerSecret, silentLogger } from '../logging';
import {
  describeOidcError,
  oidcConfiguration,
  registerTokenResponse,
  scopeParameter,
  type IdentityProviderTarget,
} from './oidc-configuration';
import { CachingTokenProvider, type IssuedToken, type TokenCacheOptions } from './token-cache';
import { AuthError, type TokenProvider } from './token-provider';

export interface ClientCredentialsOptions extends IdentityProviderTarget, TokenCacheOptions {
  readonly clientId: string;
  /**
   * The secret, or a function that reads it when first needed (e.g. from VS Code's SecretStorage),
   * so it is held in memory only as long as the provider lives.
   */
  readonly clientSecret: string | (() => Promise<string | undefined>);
  /** E.g. `["https://westeurope-1.cognitedata.com/.default"]`. */
  readonly scopes: readonly string[];
  /** Sent as `audience` (Auth0 and some other providers want it). */
  readonly audience?: string;
  /** Other token request parameters, e.g. `{ resource: … }`. */
  readonly extraParameters?: Readonly<Record<string, string>>;
  readonly clientAuth?: 'post' | 'basic';
  readonly logger?: Logger;
  /** For tests. */
  readonly fetch?: typeof fetch;
}

export class ClientCredentialsTokenProvider implements TokenProvider {
  private readonly cache: CachingTokenProvider;
  private config: Promise<oidc.Configuration> | undefined;

  constructor(private readonly options: ClientCredentialsOptions) {
    if (!options.issuer && !options.tokenUrl)
      throw new AuthError(l10n.t('Client credentials need a token URL or an issuer URL.'));
    // Fail at once on a URL that would carry the secret in clear text, not at the first request.
    if (options.issuer) validateSecureUrl(options.issuer, l10n.t('The identity provider (issuer) URL'));
    if (options.tokenUrl) validateSecureUrl(options.tokenUrl, l10n.t('The token URL'));
    this.cache = new CachingTokenProvider(() => this.requestToken(), options);
  }

  getToken(signal?: AbortSignal): Promise<string> {
    return this.cache.getToken(signal);
  }

  invalidate(rejectedToken?: string): void {
    this.cache.invalidate(rejectedToken);
  }

  private async configuration(): Promise<oidc.Configuration> {
    this.config ??= (async () => {
      const secret =
        typeof this.options.clientSecret === 'string' ? this.options.clientSecret : await this.options.clientSecret();
      registerSecret(secret);
      if (!secret) throw new AuthError(l10n.t('No client secret is stored for client "{0}".', this.options.clientId));
      return oidcConfiguration(this.options, {
        clientId: this.options.clientId,
        clientSecret: secret,
        clientAuth: this.options.clientAuth,
        fetch: this.options.fetch,
      });
    })();
    // A failed discovery (provider down, wrong URL) is tried again on the next call.
    this.config.catch(() => (this.config = undefined));
    return this.config;
  }

  private async requestToken(): Promise<IssuedToken> {
    const logger = this.options.logger ?? silentLogger;
    const config = await this.configuration();
    const parameters: Record<string, string> = {
      scope: scopeParameter(this.options.scopes),
      ...this.options.extraParameters,
    };
    if (this.options.audience) parameters.audience = this.options.audience;
    logger.debug(`Requesting a token for client "${this.options.clientId}" (client credentials)`);
    try {
      const response = await oidc.clientCredentialsGrant(config, parameters);
      registerTokenResponse(response);
      const expiresIn = response.expiresIn();
      logger.debug(`Got a token for client "${this.options.clientId}", valid ${expiresIn ?? '?'} s`);
      const now = (this.options.now ?? Date.now)();
      return {
        accessToken: response.access_token,
        expiresAt: expiresIn === undefined ? undefined : now + expiresIn * 1000,
      };
    } catch (error) {
      throw new AuthError(
        l10n.t('Could not get a token for client "{0}": {1}', this.options.clientId, describeOidcError(error)),
        {
          cause: error,
        },
      );
    }
  }
}
