import * as vscode from 'vscode';
import { connectionBaseUrl, type ConnectionConfig } from '../../cdf/client';
import { COMMANDS } from '../command-ids';
import type { Commands } from '../commands/command-types';
import type { ExtensionServices } from '../services';
import type { Sessions } from '../sessions';
import { openCdfSession } from './cdf-session';
import { readConnections, secretKey, writeConnections } from './connection-settings';
import { addConnection, type AddRequest } from './connection-wizard';
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
      const chosen = typeof name === 'string' ? name : await pickToConnect(context);
      if (chosen) await openConnection(chosen, context, sessions, log);
    },
    /** A scripted request (config and secret), else the wizard, which offers to connect. */
    [COMMANDS.addConnection]: async (request?: AddRequest) => {
      const scripted = isAddRequest(request) ? request : undefined;
      const added = await addConnection(context, scripted);
      if (!added || scripted) return added;
      const connect = vscode.l10n.t('Connect');
      const answer = await vscode.window.showInformationMessage(vscode.l10n.t('Saved "{0}".', added.name), connect);
      if (answer === connect) await openConnection(added.name, context, sessions, log);
      return added;
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

async function pickConnection(title: string): Promise<string | undefined> {
  return (await vscode.window.showQuickPick(configured(), { title }))?.name;
}

async function pickToConnect(context: vscode.ExtensionContext): Promise<string | undefined> {
  const add = vscode.l10n.t('$(add) Add a Connection…');
  const demo = {
    label: vscode.l10n.t('Demo project'),
    description: vscode.l10n.t('local emulator, no account needed'),
    name: DEMO_CONNECTION,
  };
  const picked = await vscode.window.showQuickPick([demo, ...configured(), { label: add, name: '' }], {
    title: vscode.l10n.t('Connect to CDF'),
  });
  if (picked?.label === add) return (await addConnection(context, undefined))?.name;
  return picked?.name;
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
