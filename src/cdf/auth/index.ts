/**
 * Signing in to CDF. The folder has two public entry points, because the sign-in flows (with the OAuth
 * library) are a bundle of their own that activation does not load (src/vscode/lazy-modules.ts):
 * - this index: what every connection needs: the token provider, AuthError, the demo's static token,
 *   and the types of the sign-in methods;
 * - auth-method.ts: the sign-in flows themselves (`createTokenProvider` for every method).
 * Code outside cdf/auth imports one of these two, never another file inside.
 */
export * from './token-provider';
export * from './static-token';
export type { AuthCallbacks, AuthKind, AuthMethod } from './auth-method';
