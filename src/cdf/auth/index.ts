/**
 * Signing in to CDF: token providers for every method, the token cache, the OIDC flows.
 * This folder's public surface: code outside cdf/auth imports from here, never from a file inside.
 */
export * from './auth-code-pkce';
export * from './auth-method';
export * from './client-credentials';
export * from './device-code';
export * from './loopback-receiver';
export * from './oidc-configuration';
export * from './static-token';
export * from './token-cache';
export * from './token-provider';
export * from './user-token-provider';
