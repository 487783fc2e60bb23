/**
 * The client built from a named connection (connection-config.ts), with its token provider.
 */
import type { AuthCallbacks, TokenProvider } from '../auth';
import { createTokenProvider } from '../auth/auth-method';
import type { Logger } from '../logging';
import { CdfClient, type CdfClientOptions } from './cdf-client';
import { connectionBaseUrl, type ConnectionConfig } from './connection-config';

export { connectionBaseUrl, type ConnectionConfig } from './connection-config';

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
