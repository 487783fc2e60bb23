/**
 * How a connection signs in, as stored in user settings (no secrets here: those come from the
 * editor's secret storage through {@link AuthCallbacks}), and the factory that turns it into a
 * {@link TokenProvider}.
 */
import * as l10n from '@vscode/l10n';
import { defaultScopeFor } from '../client';
import { redactingLogger, registerSecret, silentLogger, type Logger } from '../logging';
import { authCodePkceTokenProvider } from './auth-code-pkce';
import { ClientCredentialsTokenProvider } from './client-credentials';
import { deviceCodeTokenProvider, type DeviceCodePrompt } from './device-code';
import { demoTokenProvider, StaticTokenProvider } from './static-token';
import { AuthError, type TokenProvider } from './token-provider';
import type { RefreshTokenStore } from './user-token-provider';

interface OAuthCommon {
  readonly clientId: string;
  /** Default: `[BASE_URL_ORIGIN/.default]`, e.g. `https://westeurope-1.cognitedata.com/.default`. */
  readonly scopes?: readonly string[];
  readonly audience?: string;
}

export type AuthMethod =
  | ({
      readonly kind: 'clientCredentials';
      readonly tokenUrl?: string;
      readonly issuer?: string;
      readonly clientAuth?: 'post' | 'basic';
    } & OAuthCommon)
  | ({ readonly kind: 'deviceCode'; readonly issuer: string } & OAuthCommon)
  | ({ readonly kind: 'authCodePkce'; readonly issuer: string; readonly redirectPort?: number } & OAuthCommon)
  /** A token the user pasted (kept in secret storage). */
  | { readonly kind: 'token' }
  /** The built-in emulator. */
  | { readonly kind: 'demo' };

export type AuthKind = AuthMethod['kind'];

/** What the editor supplies: secrets, and the two ways an interactive sign-in talks to the user. */
export interface AuthCallbacks {
  /** Reads a secret stored for this connection. */
  readSecret(name: 'clientSecret' | 'token'): Promise<string | undefined>;
  /** Keeps a person's refresh token across sessions (omit to sign in once per session). */
  readonly refreshTokenStore?: RefreshTokenStore;
  /** Device code flow: show the code and URL; `signal` aborts when the prompt is no longer needed. */
  showDeviceCode(prompt: DeviceCodePrompt, signal: AbortSignal): void | Promise<void>;
  /** Authorization code flow: open this URL in the user's browser. */
  openBrowser(url: string): void | Promise<void>;
  readonly logger?: Logger;
}

export function createTokenProvider(method: AuthMethod, baseUrl: string, callbacks: AuthCallbacks): TokenProvider {
  const logger = redactingLogger(callbacks.logger ?? silentLogger);
  const scopes = (m: OAuthCommon): readonly string[] => (m.scopes?.length ? m.scopes : [defaultScopeFor(baseUrl)]);
  switch (method.kind) {
    case 'demo':
      return demoTokenProvider();
    case 'token':
      return new StoredTokenProvider(() => callbacks.readSecret('token'));
    case 'clientCredentials':
      return new ClientCredentialsTokenProvider({
        issuer: method.issuer,
        tokenUrl: method.tokenUrl,
        clientId: method.clientId,
        clientSecret: () => callbacks.readSecret('clientSecret'),
        clientAuth: method.clientAuth,
        scopes: scopes(method),
        audience: method.audience,
        logger,
      });
    case 'deviceCode':
      return deviceCodeTokenProvider({
        issuer: method.issuer,
        clientId: method.clientId,
        scopes: scopes(method),
        audience: method.audience,
        refreshTokenStore: callbacks.refreshTokenStore,
        onDeviceCode: (prompt, signal) => callbacks.showDeviceCode(prompt, signal),
        logger,
      });
    case 'authCodePkce':
      return authCodePkceTokenProvider({
        issuer: method.issuer,
        clientId: method.clientId,
        scopes: scopes(method),
        audience: method.audience,
        redirectPort: method.redirectPort,
        refreshTokenStore: callbacks.refreshTokenStore,
        openBrowser: (url) => callbacks.openBrowser(url),
        logger,
      });
  }
}

/** A pasted token, read from secret storage when first needed. */
class StoredTokenProvider implements TokenProvider {
  private token: Promise<StaticTokenProvider> | undefined;

  constructor(private readonly read: () => Promise<string | undefined>) {}

  async getToken(signal?: AbortSignal): Promise<string> {
    this.token ??= this.read().then((t) => {
      registerSecret(t);
      if (!t) throw new AuthError(l10n.t('No token is stored for this connection.'));
      return new StaticTokenProvider(t);
    });
    this.token.catch(() => (this.token = undefined));
    return (await this.token).getToken(signal);
  }

  invalidate(): void {}
}
