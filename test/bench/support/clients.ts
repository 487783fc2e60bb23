/** The two clients every benchmark compares, pointed at an emulator the same way. */
import { CogniteClient } from '@cognite/sdk';
import { StaticTokenProvider } from '../../../src/cdf/auth/static-token';
import { CdfClient } from '../../../src/cdf/client/cdf-client';

export interface Endpoint {
  baseUrl: string;
  project: string;
  token: string;
}

export function ourClient(endpoint: Endpoint): CdfClient {
  return new CdfClient({
    baseUrl: endpoint.baseUrl,
    project: endpoint.project,
    tokenProvider: new StaticTokenProvider(endpoint.token),
    appId: 'cdf-files-bench',
  });
}

/**
 * `@cognite/sdk` as its README shows it, unchanged (default retries, chunking and concurrency),
 * authenticated before use: it asks its token provider only on `authenticate()` or after a 401, so
 * without this its first requests of a run would be 401s and re-sends, which no real app pays twice.
 */
export async function sdkClient(endpoint: Endpoint): Promise<CogniteClient> {
  const sdk = new CogniteClient({
    appId: 'cdf-files-bench-sdk',
    project: endpoint.project,
    baseUrl: endpoint.baseUrl,
    oidcTokenProvider: () => Promise.resolve(endpoint.token),
  });
  await sdk.authenticate();
  return sdk;
}
