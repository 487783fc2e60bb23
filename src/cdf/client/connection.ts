/**
 * A named connection (where, which project, how to sign in) and the client built from it. The
 * editor keeps connections in user settings only, never workspace settings: a workspace must not
 * be able to point our tokens at another host.
 */
import { createTokenProvider, type AuthCallbacks, type AuthMethod } from '../auth/auth-method';
import type { TokenProvider } from '../auth/token-provider';
import type { Logger } from '../logging';
import { clusterBaseUrl, validateBaseUrl } from './base-url';
import { CdfClient, type CdfClientOptions } from './cdf-client';

export interface ConnectionConfig {
  readonly name: string;
  /** Either a cluster name (`westeurope-1`) or a full base URL. */
  readonly cluster?: string;
  readonly baseUrl?: string;
  readonly project: string;
  readonly auth: AuthMethod;
}

/** The connection's base URL, checked (https, or http on loopback). */
export function connectionBaseUrl(connection: ConnectionConfig): string {
  if (connection.baseUrl) return validateBaseUrl(connection.baseUrl).href.replace(/\/$/, '');
  if (connection.cluster) return clusterBaseUrl(connection.cluster);
  throw new Error(`Connection "${connection.name}" needs a cluster or a base URL.`);
}

export interface ConnectedClient {
  readonly client: CdfClient;
  readonly tokenProvider: TokenProvider;
}

export function connect(
  connection: ConnectionConfig,
  callbacks: AuthCallbacks,
  options: Pick<CdfClientOptions, 'fetch' | 'retry' | 'appId' | 'readConcurrency'> & { logger?: Logger } = {},
): ConnectedClient {
  const baseUrl = connectionBaseUrl(connection);
  const tokenProvider = createTokenProvider(connection.auth, baseUrl, {
    ...callbacks,
    logger: callbacks.logger ?? options.logger,
  });
  const client = new CdfClient({ ...options, baseUrl, project: connection.project, tokenProvider });
  return { client, tokenProvider };
}
