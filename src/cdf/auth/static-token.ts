/** A fixed token: pasted by a person for a quick test, or the demo emulator's. */
import * as l10n from '@vscode/l10n';
import { abortReason } from '../client';
import { AuthError, type TokenProvider } from './token-provider';

export const DEMO_TOKEN = 'demo';

export class StaticTokenProvider implements TokenProvider {
  constructor(
    private readonly token: string,
    readonly isPublic = false,
  ) {
    if (!token.trim()) throw new AuthError(l10n.t('The token is empty.'));
  }

  getToken(signal?: AbortSignal): Promise<string> {
    if (signal?.aborted) return Promise.reject(abortReason(signal));
    return Promise.resolve(this.token.trim());
  }

  /** Nothing to refresh: a rejected static token stays rejected, and the 401 reaches the user. */
  invalidate(): void {}
}

/** The built-in demo connection's credentials (the emulator accepts this token by default). */
export const demoTokenProvider = (): TokenProvider => new StaticTokenProvider(DEMO_TOKEN, true);
