import * as vscode from 'vscode';
import type { AuthMethod } from '../../cdf/auth';
import { clusterOrBaseUrl, connectionBaseUrl, validateSecureUrl, type ConnectionConfig } from '../../cdf/client';
import { readConnections, secretKey, toConnection, writeConnections } from './connection-settings';

/** A connection added by a script or a test: no wizard. */
export interface AddRequest {
  config: ConnectionConfig;
  secret?: string;
}

/** The wizard (or a scripted request): checks every answer, stores secrets in SecretStorage, the rest in user settings. */
export async function addConnection(
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
    const wizard = await askConnection(existing);
    if (!wizard) return undefined;
    ({ config, secret } = wizard);
  }
  return saveConnection(context, { config, secret }, existing);
}

/** Writes the connection to user settings (replacing `existing` or one of the same name) and its secret to SecretStorage. */
export async function saveConnection(
  context: vscode.ExtensionContext,
  { config, secret }: Wizard,
  existing?: ConnectionConfig,
): Promise<ConnectionConfig> {
  const others = readConnections().filter((c) => c.name !== config.name && c.name !== existing?.name);
  await writeConnections([...others, config]);
  const kind = config.auth.kind;
  if (secret !== undefined && (kind === 'clientCredentials' || kind === 'token'))
    await context.secrets.store(secretKey(config.name, kind === 'token' ? 'token' : 'clientSecret'), secret);
  return config;
}

type Ask = (
  prompt: string,
  value: string,
  validate: (v: string) => string | undefined,
  password?: boolean,
) => Thenable<string | undefined>;
export type Wizard = { config: ConnectionConfig; secret?: string };

const required = (message: string) => (v: string) => (v.trim() ? undefined : message);

/**
 * How many steps the wizard has, by sign-in method: name, address, project and method, then a token
 * (1 step), an issuer, client id and scopes (3), or those and a client secret (4). Until the method is
 * chosen the total is the shortest path's; it grows when a longer method is picked.
 */
const STEPS_BEFORE_AUTH = 4;
type WizardMethod = Exclude<AuthMethod['kind'], 'demo'>;
const AUTH_STEPS: Record<WizardMethod, number> = {
  token: 1,
  deviceCode: 3,
  authCodePkce: 3,
  clientCredentials: 4,
};

/** "Add a CDF Connection (n/m)" on every step, like "Bulk Edit (n/3)". */
class StepTitles {
  private step = 0;
  total = STEPS_BEFORE_AUTH + Math.min(...Object.values(AUTH_STEPS));
  constructor(private readonly editing: boolean) {}
  next(): string {
    this.step++;
    return this.editing
      ? vscode.l10n.t('Edit CDF Connection ({0}/{1})', this.step, this.total)
      : vscode.l10n.t('Add a CDF Connection ({0}/{1})', this.step, this.total);
  }
}

/** The wizard's questions; nothing is saved. Undefined when the person cancelled. */
export async function askConnection(existing?: ConnectionConfig): Promise<Wizard | undefined> {
  const titles = new StepTitles(existing !== undefined);
  const ask: Ask = (prompt, value, validate, password = false) =>
    vscode.window.showInputBox({
      title: titles.next(),
      prompt,
      value,
      validateInput: validate,
      password,
      ignoreFocusOut: true,
    });
  const base = await askWhere(ask, existing);
  if (!base) return undefined;
  const method = await pickAuthKind(titles);
  if (!method) return undefined;
  titles.total = STEPS_BEFORE_AUTH + AUTH_STEPS[method];
  return askAuth(ask, base, method);
}

/** The connection's name, cluster or base URL, and project. */
async function askWhere(ask: Ask, existing?: ConnectionConfig) {
  const name = await ask(
    vscode.l10n.t('A name for this connection'),
    existing?.name ?? '',
    required(vscode.l10n.t('A name is required')),
  );
  if (!name) return undefined;
  const where = await ask(
    vscode.l10n.t('Cluster (e.g. westeurope-1) or base URL (https://…)'),
    existing?.baseUrl ?? existing?.cluster ?? '',
    (v) => problemOf(() => clusterOrBaseUrl(v)),
  );
  if (!where) return undefined;
  const project = await ask(
    vscode.l10n.t('CDF project'),
    existing?.project ?? '',
    required(vscode.l10n.t('The project is required')),
  );
  if (!project) return undefined;
  return { name: name.trim(), project: project.trim(), ...clusterOrBaseUrl(where) };
}

async function pickAuthKind(titles: StepTitles): Promise<WizardMethod | undefined> {
  const kinds: { label: string; method: WizardMethod; detail: string }[] = [
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
  return (
    await vscode.window.showQuickPick(kinds, {
      title: titles.next(),
      placeHolder: vscode.l10n.t('How do you sign in?'),
      ignoreFocusOut: true,
    })
  )?.method;
}

/** The sign-in's details: a token, or an issuer, a client id, scopes and (client credentials) a secret. */
async function askAuth(
  ask: Ask,
  base: Omit<ConnectionConfig, 'auth'>,
  method: AuthMethod['kind'],
): Promise<Wizard | undefined> {
  if (method === 'token') {
    const token = await ask(
      vscode.l10n.t('Access token (kept in VS Code secret storage)'),
      '',
      required(vscode.l10n.t('The token is required')),
      true,
    );
    return token ? { config: { ...base, auth: { kind: 'token' } }, secret: token.trim() } : undefined;
  }
  const issuerLabel =
    method === 'clientCredentials'
      ? vscode.l10n.t('Token URL or issuer (https://…)')
      : vscode.l10n.t('Issuer of your identity provider (https://…)');
  const what = method === 'clientCredentials' ? vscode.l10n.t('The token URL or issuer') : vscode.l10n.t('The issuer');
  const issuer = (await ask(issuerLabel, '', (v) => problemOf(() => validateSecureUrl(v, what))))?.trim();
  if (!issuer) return undefined;
  const clientId = await ask(vscode.l10n.t('Client id'), '', required(vscode.l10n.t('The client id is required')));
  if (!clientId) return undefined;
  const scopes = await ask(
    vscode.l10n.t('Scopes (space-separated; empty for the cluster default …/.default)'),
    '',
    () => undefined,
  );
  const common = { clientId: clientId.trim(), ...(scopes?.trim() ? { scopes: scopes.trim().split(/\s+/) } : {}) };
  if (method !== 'clientCredentials') return { config: { ...base, auth: { kind: method, issuer, ...common } } };
  const secret = await ask(
    vscode.l10n.t('Client secret (kept in VS Code secret storage)'),
    '',
    required(vscode.l10n.t('The secret is required')),
    true,
  );
  if (!secret) return undefined;
  const isTokenUrl = /\/token\/?$/.test(new URL(issuer).pathname);
  const auth = { kind: 'clientCredentials' as const, ...common, ...(isTokenUrl ? { tokenUrl: issuer } : { issuer }) };
  return { config: { ...base, auth }, secret };
}

/** The message `check` throws, or nothing. */
function problemOf(check: () => unknown): string | undefined {
  try {
    check();
    return undefined;
  } catch (err) {
    return err instanceof Error ? err.message : String(err);
  }
}
