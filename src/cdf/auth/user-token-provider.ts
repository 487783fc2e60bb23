/**
 * Tokens for a person: an interactive sign-in (device code, or authorization code with PKCE) the
 * first time, then silent refreshes with the refresh token until it stops working. The refresh
 * token can be kept across sessions in a store the editor provides (VS Code's SecretStorage).
 */
import * as l10n from '@vscode/l10n';
import * as oidc from 'openid-client';
import { validateSecureUrl } from '../client';
import { registerSecret, silentLogger, type Logger } from '../logging';
import { describeOidcError, oidcConfiguration, registerTokenResponse, scopeParameter } from './oidc-configuration';
import { CachingTokenProvider, type IssuedToken, type TokenCacheOptions } from './token-cache';
import { AuthError, type TokenProvider } from './token-provider';

/** Where a refresh token lives between sessions. */
export interface RefreshTokenStore {
  load(): Promise<string | undefined>;
  /** `undefined` forgets it (it was rejected, or the user signed out). */
  save(refreshToken: string | undefined): Promise<void>;
}

export interface UserSignInOptions extends TokenCacheOptions {
  /** OpenID issuer of the project's identity provider. */
  readonly issuer: string;
  /** A public client (no secret), registered for the flow in use. */
  readonly clientId: string;
  /** E.g. `["https://westeurope-1.cognitedata.com/.default"]`. */
  readonly scopes: readonly string[];
  /** Ask for `offline_access` so sign-in survives token expiry without the user (default true). */
  readonly offlineAccess?: boolean;
  readonly audience?: string;
  readonly extraParameters?: Readonly<Record<string, string>>;
  readonly refreshTokenStore?: RefreshTokenStore;
  readonly logger?: Logger;
  /** For tests. */
  readonly fetch?: typeof fetch;
}

export type TokenResponse = oidc.TokenEndpointResponse & oidc.TokenEndpointResponseHelpers;

/** Runs one interactive sign-in; must end (resolve or reject) when `signal` aborts. */
export type SignIn = (
  config: oidc.Configuration,
  parameters: Record<string, string>,
  signal: AbortSignal,
) => Promise<TokenResponse>;

export class UserTokenProvider implements TokenProvider {
  private readonly cache: CachingTokenProvider;
  private readonly logger: Logger;
  private config: Promise<oidc.Configuration> | undefined;
  private refreshToken: string | undefined;
  private refreshTokenLoaded = false;
  private signInController: AbortController | undefined;

  constructor(
    private readonly options: UserSignInOptions,
    private readonly signIn: SignIn,
    private readonly flowName: string,
  ) {
    this.logger = options.logger ?? silentLogger;
    validateSecureUrl(options.issuer, l10n.t('The identity provider (issuer) URL'));
    this.cache = new CachingTokenProvider(() => this.obtainToken(), options);
  }

  getToken(signal?: AbortSignal): Promise<string> {
    return this.cache.getToken(signal);
  }

  invalidate(rejectedToken?: string): void {
    this.cache.invalidate(rejectedToken);
  }

  /** Stops an interactive sign-in in progress (the user closed the prompt). */
  cancelSignIn(): void {
    this.signInController?.abort(new AuthError(l10n.t('Sign-in was cancelled.')));
  }

  /** Forgets every token, here and in the store. */
  async signOut(): Promise<void> {
    this.cancelSignIn();
    this.refreshToken = undefined;
    this.refreshTokenLoaded = true;
    this.cache.invalidate();
    await this.options.refreshTokenStore?.save(undefined);
  }

  private async configuration(): Promise<oidc.Configuration> {
    this.config ??= oidcConfiguration(
      { issuer: this.options.issuer },
      { clientId: this.options.clientId, fetch: this.options.fetch },
    );
    this.config.catch(() => (this.config = undefined));
    return this.config;
  }

  private parameters(): Record<string, string> {
    const scopes = [...this.options.scopes];
    if (this.options.offlineAccess !== false && !scopes.includes('offline_access')) scopes.push('offline_access');
    const parameters: Record<string, string> = { scope: scopeParameter(scopes), ...this.options.extraParameters };
    if (this.options.audience) parameters.audience = this.options.audience;
    return parameters;
  }

  private async obtainToken(): Promise<IssuedToken> {
    const config = await this.configuration();
    if (!this.refreshTokenLoaded) {
      this.refreshToken = await this.options.refreshTokenStore?.load();
      registerSecret(this.refreshToken);
      this.refreshTokenLoaded = true;
    }
    if (this.refreshToken) {
      try {
        const response = await oidc.refreshTokenGrant(config, this.refreshToken, this.parameters());
        this.logger.debug(`Refreshed the sign-in of client "${this.options.clientId}"`);
        return await this.accept(response);
      } catch (error) {
        // An expired or revoked refresh token means signing in again; anything else (network) is reported.
        if (!(error instanceof oidc.ResponseBodyError && error.error === 'invalid_grant')) {
          throw new AuthError(l10n.t('Could not refresh the sign-in: {0}', describeOidcError(error)), { cause: error });
        }
        this.logger.info('The saved sign-in has expired; signing in again');
        this.refreshToken = undefined;
        await this.options.refreshTokenStore?.save(undefined);
      }
    }
    const controller = new AbortController();
    this.signInController = controller;
    try {
      this.logger.info(`Signing in with ${this.flowName} (client "${this.options.clientId}")`);
      const response = await this.signIn(config, this.parameters(), controller.signal);
      return await this.accept(response);
    } catch (error) {
      if (error instanceof AuthError) throw error;
      if (controller.signal.aborted) throw abortedSignIn(controller.signal);
      throw new AuthError(l10n.t('Sign-in failed: {0}', describeOidcError(error)), { cause: error });
    } finally {
      if (this.signInController === controller) this.signInController = undefined;
    }
  }

  private async accept(response: TokenResponse): Promise<IssuedToken> {
    registerTokenResponse(response);
    if (response.refresh_token && response.refresh_token !== this.refreshToken) {
      this.refreshToken = response.refresh_token;
      await this.options.refreshTokenStore?.save(response.refresh_token);
    }
    const expiresIn = response.expiresIn();
    const now = (this.options.now ?? Date.now)();
    return {
      accessToken: response.access_token,
      expiresAt: expiresIn === undefined ? undefined : now + expiresIn * 1000,
    };
  }
}

function abortedSignIn(signal: AbortSignal): AuthError {
  const reason: unknown = signal.reason;
  return reason instanceof AuthError ? reason : new AuthError(l10n.t('Sign-in was cancelled.'));
}
