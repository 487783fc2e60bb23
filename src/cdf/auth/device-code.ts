/**
 * Sign-in with a device code (RFC 8628): the user opens a URL on any device and types a short code.
 * Needs no local web server or redirect, so it works in remote and web VS Code too.
 */
import * as oidc from 'openid-client';
import { registerSecret } from '../logging';
import { UserTokenProvider, type UserSignInOptions } from './user-token-provider';

export interface DeviceCodePrompt {
  readonly userCode: string;
  readonly verificationUri: string;
  /** The URL with the code filled in, when the provider offers one. */
  readonly verificationUriComplete?: string;
  readonly expiresInSeconds: number;
}

export interface DeviceCodeOptions extends UserSignInOptions {
  /**
   * Show the code and the URL to the user (e.g. a notification with "Copy and open"). Called
   * without waiting for it to finish; `signal` aborts when the sign-in ends either way, so a
   * prompt can close itself.
   */
  readonly onDeviceCode: (prompt: DeviceCodePrompt, signal: AbortSignal) => void | Promise<void>;
}

export function deviceCodeTokenProvider(options: DeviceCodeOptions): UserTokenProvider {
  return new UserTokenProvider(
    options,
    async (config, parameters, signal) => {
      const authorization = await oidc.initiateDeviceAuthorization(config, parameters);
      // The device code is what the polling redeems; the user code is meant to be shown.
      registerSecret(authorization.device_code);
      const promptDone = new AbortController();
      const stopPrompt = (): void => promptDone.abort();
      signal.addEventListener('abort', stopPrompt, { once: true });
      try {
        const prompt: DeviceCodePrompt = {
          userCode: authorization.user_code,
          verificationUri: authorization.verification_uri,
          verificationUriComplete: authorization.verification_uri_complete,
          expiresInSeconds: authorization.expires_in,
        };
        Promise.resolve(options.onDeviceCode(prompt, promptDone.signal)).catch((error: unknown) =>
          options.logger?.warn(
            `Showing the device code failed: ${error instanceof Error ? error.message : String(error)}`,
          ),
        );
        return await oidc.pollDeviceAuthorizationGrant(config, authorization, parameters, { signal });
      } finally {
        signal.removeEventListener('abort', stopPrompt);
        stopPrompt();
      }
    },
    'a device code',
  );
}
