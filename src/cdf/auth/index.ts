export * from './token-provider';
export * from './token-cache';
export * from './static-token';
export * from './client-credentials';
export * from './user-token-provider';
export * from './device-code';
export * from './auth-code-pkce';
export * from './auth-method';
export { describeOidcError, type IdentityProviderTarget } from './oidc-configuration';
