import * as vscode from 'vscode';
import type { AuthMethod } from '../../cdf/auth';
import { connectionBaseUrl, type ConnectionConfig } from '../../cdf/client';

export const CONNECTIONS_SETTING = 'connections';

/**
 * Named connections, read from USER settings only. The setting is application-scoped, and we also
 * ignore any workspace or folder value explicitly: a cloned repository must never be able to point
 * our tokens at another host.
 */
export function readConnections(): ConnectionConfig[] {
  const inspected = vscode.workspace.getConfiguration('cdfFiles').inspect<unknown[]>(CONNECTIONS_SETTING);
  const raw = inspected?.globalValue ?? [];
  return raw.flatMap((entry) => {
    const c = toConnection(entry);
    return c ? [c] : [];
  });
}

export async function writeConnections(connections: ConnectionConfig[]): Promise<void> {
  await vscode.workspace
    .getConfiguration('cdfFiles')
    .update(CONNECTIONS_SETTING, connections, vscode.ConfigurationTarget.Global);
}

/** A setting entry that makes sense, or nothing (a hand-edited entry with a mistake is skipped, not fatal). */
export function toConnection(entry: unknown): ConnectionConfig | undefined {
  if (typeof entry !== 'object' || entry === null) return undefined;
  const e = entry as Record<string, unknown>;
  const auth = e.auth as AuthMethod | undefined;
  if (typeof e.name !== 'string' || typeof e.project !== 'string' || !auth || typeof auth.kind !== 'string')
    return undefined;
  const config: ConnectionConfig = {
    name: e.name,
    project: e.project,
    auth,
    ...(typeof e.cluster === 'string' ? { cluster: e.cluster } : {}),
    ...(typeof e.baseUrl === 'string' ? { baseUrl: e.baseUrl } : {}),
  };
  try {
    connectionBaseUrl(config);
    return config;
  } catch {
    return undefined;
  }
}

/** SecretStorage keys of one connection's secrets. */
export const secretKey = (connection: string, name: 'clientSecret' | 'token' | 'refreshToken'): string =>
  `cdfFiles.connection.${connection}.${name}`;
