import * as vscode from 'vscode';
import { connectionBaseUrl, type ConnectionConfig } from '../../cdf/client';
import { COMMANDS } from '../command-ids';
import type { Commands } from '../commands/command-types';
import type { ExtensionServices } from '../services';
import type { Sessions } from '../sessions';
import { openCdfSession } from './cdf-session';
import { readConnections, secretKey, writeConnections } from './connection-settings';
import { addConnection, askConnection, saveConnection, type AddRequest } from './connection-wizard';
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

type ConnectionCommandId =
  | typeof COMMANDS.connect
  | typeof COMMANDS.addConnection
  | typeof COMMANDS.editConnection
  | typeof COMMANDS.removeConnection;

/** Connect, add, edit and remove connections (the demo, and projects in user settings). */
export function connectionCommands(s: ExtensionServices) {
  const { context, sessions, log } = s;
  return {
    /** A connection's name (scripts), else asked for (with the demo and "Add a Connection…"). */
    [COMMANDS.connect]: async (name?: string) => {
      const chosen = typeof name === 'string' ? name : await pickToConnect();
      if (chosen) await openConnection(chosen, context, sessions, log);
    },
    /** A scripted request (config and secret), else the wizard, which offers to connect. */
    [COMMANDS.addConnection]: async (request?: AddRequest) => {
      if (isAddRequest(request)) return addConnection(context, request);
      return addCheckedConnection(context, sessions, log);
    },
    [COMMANDS.editConnection]: async () => {
      const name = await pickConnection(vscode.l10n.t('Edit which connection?'));
      const existing = readConnections().find((c) => c.name === name);
      if (existing) await addConnection(context, undefined, existing);
    },
    /** A connection's name (scripts: no question), else asked for and confirmed. */
    [COMMANDS.removeConnection]: async (name?: string) => {
      const scripted = typeof name === 'string';
      const chosen = scripted ? name : await pickConnection(vscode.l10n.t('Remove which connection?'));
      if (!chosen || (!scripted && !(await confirmRemove(chosen)))) return;
      await writeConnections(readConnections().filter((c) => c.name !== chosen));
      for (const key of ['clientSecret', 'token', 'refreshToken'] as const)
        await context.secrets.delete(secretKey(chosen, key));
      if (sessions.active?.label === chosen) await sessions.close();
    },
  } satisfies Commands<ConnectionCommandId>;
}

const configured = () =>
  readConnections().map((c) => ({ label: c.name, description: `${c.project} · ${safeUrl(c)}`, name: c.name }));

/**
 * The wizard, then a connection to check it: saved only once CDF answered, or when the person chooses
 * to save it anyway (offline, or a network that only works elsewhere).
 */
async function addCheckedConnection(
  context: vscode.ExtensionContext,
  sessions: Sessions,
  log: vscode.LogOutputChannel,
): Promise<ConnectionConfig | undefined> {
  const asked = await askConnection();
  if (!asked) return undefined;
  const { name } = asked.config;
  const connect = vscode.l10n.t('Connect');
  const saveOnly = vscode.l10n.t('Save Without Connecting');
  const answer = await vscode.window.showInformationMessage(
    vscode.l10n.t('Connect to "{0}" to check it? It is saved once CDF answers.', name),
    connect,
    saveOnly,
  );
  if (answer === saveOnly) return saveConnection(context, asked);
  if (answer !== connect) return undefined;
  try {
    await sessions.open(() => openCdfSession(asked.config, context.secrets, log, asked.secret));
  } catch (err) {
    const cancelled = err instanceof vscode.CancellationError;
    if (!cancelled) log.warn(`connecting to "${name}" failed:`, err instanceof Error && err.cause ? err.cause : err);
    const reason = cancelled ? vscode.l10n.t('Cancelled.') : err instanceof Error ? err.message : String(err);
    const saveAnyway = vscode.l10n.t('Save Anyway');
    const show = cancelled ? vscode.window.showInformationMessage : vscode.window.showErrorMessage;
    const choice = await show(vscode.l10n.t('CDF Files: {0} "{1}" is not saved.', reason, name), saveAnyway);
    return choice === saveAnyway ? saveConnection(context, asked) : undefined;
  }
  const saved = await saveConnection(context, asked);
  await context.globalState.update(LAST, name);
  return saved;
}

async function pickConnection(title: string): Promise<string | undefined> {
  return (await vscode.window.showQuickPick(configured(), { title }))?.name;
}

async function pickToConnect(): Promise<string | undefined> {
  const add = vscode.l10n.t('$(add) Add a Connection…');
  const demo = {
    label: vscode.l10n.t('Demo project'),
    description: vscode.l10n.t('local emulator, no account needed'),
    name: DEMO_CONNECTION,
  };
  const picked = await vscode.window.showQuickPick([demo, ...configured(), { label: add, name: '' }], {
    title: vscode.l10n.t('Connect to CDF'),
  });
  // The new connection is checked, saved and opened by the add flow itself.
  if (picked?.label === add) await vscode.commands.executeCommand(COMMANDS.addConnection);
  return picked?.label === add ? undefined : picked?.name;
}

async function confirmRemove(name: string): Promise<boolean> {
  const remove = vscode.l10n.t('Remove');
  const question = vscode.l10n.t('Remove the connection "{0}" and its stored secrets?', name);
  return (await vscode.window.showWarningMessage(question, { modal: true }, remove)) === remove;
}

const isAddRequest = (x: unknown): x is AddRequest => typeof x === 'object' && x !== null && 'config' in x;

function safeUrl(c: ConnectionConfig): string {
  try {
    return connectionBaseUrl(c);
  } catch {
    return '?';
  }
}
