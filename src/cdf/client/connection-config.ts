/**
 * A named connection: where, which project, how to sign in. Apart from the client built from it
 * (connection.ts), so that code which only reads and checks connections does not load the OAuth
 * library. The editor keeps connections in user settings only, never workspace settings: a
 * workspace must not be able to point our tokens at another host.
 */
import type { AuthMethod } from '../auth';
import { clusterBaseUrl, validateBaseUrl } from './base-url';

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
