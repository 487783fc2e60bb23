/**
 * Sign-in with the authorization code flow and PKCE (RFC 7636) on a loopback redirect (RFC 8252):
 * the user signs in in their own browser, which then redirects to a one-shot server on 127.0.0.1.
 * In remote or web VS Code the browser cannot reach that server; use the device code there.
 */
import * as l10n from '@vscode/l10n';
import * as oidc from 'openid-client';
import { registerSecret } from '../logging';
import { startLoopbackReceiver, type LoopbackReceiverOptions } from './loopback-receiver';
import { AuthError } from './token-provider';
import { UserTokenProvider, type UserSignInOptions } from './user-token-provider';

export interface AuthCodePkceOptions extends UserSignInOptions {
  /** Open the sign-in page in the user's browser (VS Code: `env.openExternal`). */
  readonly openBrowser: (url: string) => void | Promise<void>;
  /** Loopback host in the redirect URI, as registered at the provider. Default `127.0.0.1`. */
  readonly redirectHost?: LoopbackReceiverOptions['host'];
  /** 0 (default): any free port. Set it when the provider only accepts a registered port. */
  readonly redirectPort?: number;
  readonly redirectPath?: string;
  /** How long to wait for the user to finish in the browser. Default 5 minutes. */
  readonly timeoutMs?: number;
}

export function authCodePkceTokenProvider(options: AuthCodePkceOptions): UserTokenProvider {
  return new UserTokenProvider(
    options,
    async (config, parameters, signal) => {
      const codeVerifier = oidc.randomPKCECodeVerifier();
      registerSecret(codeVerifier);
      const state = oidc.randomState();
      const receiver = await startLoopbackReceiver({
        // Only the redirect with this sign-in's state is read: another local page cannot abort the
        // sign-in or put its text in VS Code's error message.
        state,
        host: options.redirectHost,
        port: options.redirectPort,
        path: options.redirectPath,
        timeoutMs: options.timeoutMs ?? 5 * 60_000,
        signal,
      });
      try {
        const url = oidc.buildAuthorizationUrl(config, {
          ...parameters,
          redirect_uri: receiver.redirectUri,
          code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
          code_challenge_method: 'S256',
          state,
        });
        // Opening the browser may resolve only when the page is done (or never, in a test's fake
        // browser); wait for whichever comes first, but fail at once if it cannot be opened.
        const opening = Promise.resolve().then(() => options.openBrowser(url.href));
        const callback = await Promise.race([receiver.callback, opening.then(() => receiver.callback)]);
        registerSecret(callback.url.searchParams.get('code') ?? undefined);
        const refused = callback.url.searchParams.get('error');
        if (refused) {
          const why = callback.url.searchParams.get('error_description');
          const message = why
            ? l10n.t('The identity provider refused the sign-in: {0}: {1}.', refused, why)
            : l10n.t('The identity provider refused the sign-in: {0}.', refused);
          callback.finish({ ok: false, message });
          throw new AuthError(message);
        }
        try {
          const tokens = await oidc.authorizationCodeGrant(config, callback.url, {
            pkceCodeVerifier: codeVerifier,
            expectedState: state,
          });
          callback.finish({ ok: true });
          return tokens;
        } catch (error) {
          callback.finish({ ok: false, message: l10n.t('The sign-in could not be completed.') });
          throw error;
        }
      } finally {
        await receiver.close();
      }
    },
    'the browser (authorization code with PKCE)',
  );
}
