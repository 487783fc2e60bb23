import * as vscode from 'vscode';
import type { AuthMethod } from '../../cdf/auth/auth-method';
import { validateBaseUrl } from '../../cdf/client/base-url';
import { connectionBaseUrl, type ConnectionConfig } from '../../cdf/client/connection-config';
import { COMMANDS } from '../command-ids';
import { registerCommand } from '../command-runner';
import type { Sessions } from '../sessions';
import { openCdfSession } from './cdf-session';
import { readConnections, secretKey, toConnection, writeConnections } from './connection-settings';
import { openDemoSession } from './demo-session';

export const DEMO_CONNECTION = 'demo';
const LAST = 'cdfFiles.lastConnection';

/** Opens a connection by name (the demo, or one from user settings) and remembers it for the next window. */
export async function openConnection(
  name: string,
  context: vscode.ExtensionContext,
  sessions: Sessions,
  log: vscode.LogOutputChannel,
): Promise<void> {
  if (name === DEMO_CONNECTION) {
    // Already open here: a second demo emulator would be refused, its state file being this one's.
    if (!(await sessions.whenReady())?.isDemo) await sessions.open(() => openDemoSession(context, log));
  } else {
    const config = readConnections().find((c) => c.name === name);
    if (!config) throw new Error(vscode.l10n.t('There is no connection named "{0}" in your user settings.', name));
    await sessions.open(() => openCdfSession(config, context.secrets, log));
  }
  await context.globalState.update(LAST, name);
}

export const lastConnection = (context: vscode.ExtensionContext): string | undefined =>
  context.globalState.get<string>(LAST);

interface AddRequest {
  config: ConnectionConfig;
  secret?: string;
}

export function registerConnectionCommands(
  context: vscode.ExtensionContext,
  sessions: Sessions,
  log: vscode.LogOutputChannel,
): vscode.Disposable[] {
  const pickConnection = async (title: string, withDemo: boolean): Promise<string | undefined> => {
    const items = [
      ...(withDemo
        ? [
            {
              label: vscode.l10n.t('Demo project'),
              description: vscode.l10n.t('local emulator'),
              name: DEMO_CONNECTION,
            },
          ]
        : []),
      ...readConnections().map((c) => ({ label: c.name, description: `${c.project} · ${safeUrl(c)}`, name: c.name })),
    ];
    const picked = await vscode.window.showQuickPick(items, { title });
    return picked?.name;
  };

  return [
    registerCommand(COMMANDS.connect, log, async (arg) => {
      const name =
        typeof arg === 'string'
          ? arg
          : await (async () => {
              const add = vscode.l10n.t('$(add) Add a Connection…');
              const picked = await vscode.window.showQuickPick(
                [
                  {
                    label: vscode.l10n.t('Demo project'),
                    description: vscode.l10n.t('local emulator, no account needed'),
                    name: DEMO_CONNECTION,
                  },
                  ...readConnections().map((c) => ({
                    label: c.name,
                    description: `${c.project} · ${safeUrl(c)}`,
                    name: c.name,
                  })),
                  { label: add, name: '' },
                ],
                { title: vscode.l10n.t('Connect to CDF') },
              );
              if (picked?.label === add) return (await addConnection(context, undefined))?.name;
              return picked?.name;
            })();
      if (name) await openConnection(name, context, sessions, log);
    }),
    registerCommand(COMMANDS.addConnection, log, async (arg) => {
      const added = await addConnection(context, isAddRequest(arg) ? arg : undefined);
      if (added && !isAddRequest(arg)) {
        const connect = vscode.l10n.t('Connect');
        if (
          (await vscode.window.showInformationMessage(vscode.l10n.t('Saved "{0}".', added.name), connect)) === connect
        )
          await openConnection(added.name, context, sessions, log);
      }
      return added;
    }),
    registerCommand(COMMANDS.editConnection, log, async () => {
      const name = await pickConnection(vscode.l10n.t('Edit which connection?'), false);
      const existing = readConnections().find((c) => c.name === name);
      if (existing) await addConnection(context, undefined, existing);
    }),
    registerCommand(COMMANDS.removeConnection, log, async (arg) => {
      const name =
        typeof arg === 'string' ? arg : await pickConnection(vscode.l10n.t('Remove which connection?'), false);
      if (!name) return;
      if (typeof arg !== 'string') {
        const remove = vscode.l10n.t('Remove');
        const answer = await vscode.window.showWarningMessage(
          vscode.l10n.t('Remove the connection "{0}" and its stored secrets?', name),
          { modal: true },
          remove,
        );
        if (answer !== remove) return;
      }
      await writeConnections(readConnections().filter((c) => c.name !== name));
      for (const s of ['clientSecret', 'token', 'refreshToken'] as const)
        await context.secrets.delete(secretKey(name, s));
      if (sessions.active?.label === name) await sessions.close();
    }),
  ];
}

const isAddRequest = (x: unknown): x is AddRequest => typeof x === 'object' && x !== null && 'config' in x;

function safeUrl(c: ConnectionConfig): string {
  try {
    return connectionBaseUrl(c);
  } catch {
    return '?';
  }
}

/** The wizard (or a scripted request): checks every answer, stores secrets in SecretStorage, the rest in user settings. */
async function addConnection(
  context: vscode.ExtensionContext,
  request: AddRequest | undefined,
  existing?: ConnectionConfig,
): Promise<ConnectionConfig | undefined> {
  let config: ConnectionConfig | undefined;
  let secret: string | undefined;
  if (request) {
    config = toConnection(request.config);
    if (!config) {
      connectionBaseUrl(request.config); // throws the precise reason (http on a non-loopback host, …)
      throw new Error(vscode.l10n.t('The connection is incomplete: it needs a name, a project and an auth method.'));
    }
    secret = request.secret;
  } else {
    const wizard = await runWizard(existing);
    if (!wizard) return undefined;
    ({ config, secret } = wizard);
  }
  const others = readConnections().filter((c) => c.name !== config.name && c.name !== existing?.name);
  await writeConnections([...others, config]);
  const kind = config.auth.kind;
  if (secret !== undefined && (kind === 'clientCredentials' || kind === 'token'))
    await context.secrets.store(secretKey(config.name, kind === 'token' ? 'token' : 'clientSecret'), secret);
  return config;
}

async function runWizard(
  existing?: ConnectionConfig,
): Promise<{ config: ConnectionConfig; secret?: string } | undefined> {
  const title = existing ? vscode.l10n.t('Edit CDF connection') : vscode.l10n.t('Add a CDF connection');
  const ask = (prompt: string, value: string, validate: (v: string) => string | undefined, password = false) =>
    vscode.window.showInputBox({ title, prompt, value, validateInput: validate, password, ignoreFocusOut: true });
  const required = (message: string) => (v: string) => (v.trim() ? undefined : message);

  const name = await ask(
    vscode.l10n.t('A name for this connection'),
    existing?.name ?? '',
    required(vscode.l10n.t('A name is required')),
  );
  if (!name) return undefined;
  const where = await ask(
    vscode.l10n.t('Cluster (e.g. westeurope-1) or base URL (https://…)'),
    existing?.baseUrl ?? existing?.cluster ?? '',
    (v) => {
      if (!v.trim()) return vscode.l10n.t('A cluster or base URL is required');
      if (!/^[a-z]+:/i.test(v))
        return /^[a-z0-9-]+$/i.test(v) ? undefined : vscode.l10n.t('A cluster name has letters, digits and dashes');
      return urlProblem(v);
    },
  );
  if (!where) return undefined;
  const project = await ask(
    vscode.l10n.t('CDF project'),
    existing?.project ?? '',
    required(vscode.l10n.t('The project is required')),
  );
  if (!project) return undefined;
  const kinds: { label: string; method: AuthMethod['kind']; detail: string }[] = [
    {
      label: vscode.l10n.t('Client credentials'),
      method: 'clientCredentials',
      detail: vscode.l10n.t('a service principal: client id and secret'),
    },
    {
      label: vscode.l10n.t('Device code'),
      method: 'deviceCode',
      detail: vscode.l10n.t('sign in as yourself with a code (works in remote and web VS Code)'),
    },
    {
      label: vscode.l10n.t('Browser sign-in (PKCE)'),
      method: 'authCodePkce',
      detail: vscode.l10n.t('sign in as yourself in a browser on this machine'),
    },
    {
      label: vscode.l10n.t('Token'),
      method: 'token',
      detail: vscode.l10n.t('paste an access token (for a quick test)'),
    },
  ];
  const picked = await vscode.window.showQuickPick(kinds, { title: vscode.l10n.t('How do you sign in?') });
  if (!picked) return undefined;
  const base = {
    name: name.trim(),
    project: project.trim(),
    ...(/^[a-z]+:/i.test(where) ? { baseUrl: where.trim() } : { cluster: where.trim() }),
  };
  if (picked.method === 'token') {
    const token = await ask(
      vscode.l10n.t('Access token (kept in VS Code secret storage)'),
      '',
      required(vscode.l10n.t('The token is required')),
      true,
    );
    return token ? { config: { ...base, auth: { kind: 'token' } }, secret: token.trim() } : undefined;
  }
  const issuerLabel =
    picked.method === 'clientCredentials'
      ? vscode.l10n.t('Token URL or issuer (https://…)')
      : vscode.l10n.t('Issuer of your identity provider (https://…)');
  const issuer = await ask(issuerLabel, '', urlProblem);
  if (!issuer) return undefined;
  const clientId = await ask(vscode.l10n.t('Client id'), '', required(vscode.l10n.t('The client id is required')));
  if (!clientId) return undefined;
  const scopes = await ask(
    vscode.l10n.t('Scopes (space-separated; empty for the cluster default …/.default)'),
    '',
    () => undefined,
  );
  const common = { clientId: clientId.trim(), ...(scopes?.trim() ? { scopes: scopes.trim().split(/\s+/) } : {}) };
  if (picked.method === 'clientCredentials') {
    const secret = await ask(
      vscode.l10n.t('Client secret (kept in VS Code secret storage)'),
      '',
      required(vscode.l10n.t('The secret is required')),
      true,
    );
    if (!secret) return undefined;
    const isTokenUrl = /\/token\/?$/.test(new URL(issuer).pathname);
    return {
      config: {
        ...base,
        auth: { kind: 'clientCredentials', ...common, ...(isTokenUrl ? { tokenUrl: issuer } : { issuer }) },
      },
      secret,
    };
  }
  return { config: { ...base, auth: { kind: picked.method, issuer, ...common } } };
}

/** Why a URL cannot be used (https, or http on loopback only), or nothing. */
function urlProblem(v: string): string | undefined {
  try {
    validateBaseUrl(v);
    return undefined;
  } catch (err) {
    return err instanceof Error ? err.message : String(err);
  }
}
