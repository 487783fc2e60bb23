import * as vscode from 'vscode';
import { CdfClient, connectionBaseUrl, type ConnectionConfig } from '../../cdf/client';
import { filesApiOf, cogniteFileBulkSource, cogniteFileRecordsApi, nodesBrowseApiOf, probeConnection } from '../../app';
import { loadSignIn } from '../lazy-modules';
import type { ProjectSession } from '../sessions';
import { secretKey } from './connection-settings';

/**
 * A session on a real CDF project: secrets from SecretStorage, interactive sign-in through VS Code
 * (device code shown in a notification, browser opened with openExternal). The first request checks
 * that the connection works before the tree switches to it: cancellable, and given up within seconds
 * when nothing answers (see probeConnection). The sign-in code (and its OAuth library)
 * is loaded here, on the first connection to a real project, not at activation.
 */
export async function openCdfSession(
  config: ConnectionConfig,
  secrets: vscode.SecretStorage,
  log: vscode.LogOutputChannel,
  /** A secret typed in the wizard, used before (and whether or not) the connection is saved. */
  unsavedSecret?: string,
): Promise<ProjectSession> {
  const baseUrl = connectionBaseUrl(config);
  const tokenProvider = loadSignIn().createTokenProvider(config.auth, baseUrl, {
    readSecret: async (name) => unsavedSecret ?? secrets.get(secretKey(config.name, name)),
    refreshTokenStore: {
      load: async () => secrets.get(secretKey(config.name, 'refreshToken')),
      save: async (token) =>
        token === undefined
          ? secrets.delete(secretKey(config.name, 'refreshToken'))
          : secrets.store(secretKey(config.name, 'refreshToken'), token),
    },
    showDeviceCode: async (prompt, signal) => {
      const open = vscode.l10n.t('Copy Code and Open Browser');
      const answer = await vscode.window.showInformationMessage(
        vscode.l10n.t(
          'Sign in to {0}: enter the code {1} at {2}',
          config.name,
          prompt.userCode,
          prompt.verificationUri,
        ),
        open,
      );
      if (answer === open && !signal.aborted) {
        await vscode.env.clipboard.writeText(prompt.userCode);
        await vscode.env.openExternal(vscode.Uri.parse(prompt.verificationUriComplete ?? prompt.verificationUri));
      }
    },
    openBrowser: async (url) => {
      await vscode.env.openExternal(vscode.Uri.parse(url));
    },
    logger: log,
  });
  const options = { baseUrl, project: config.project, tokenProvider, logger: log };
  const client = new CdfClient(options);
  const api = filesApiOf(client);
  await probeWithProgress(options, config.name, config.project);
  return {
    label: config.name,
    project: config.project,
    baseUrl,
    api,
    nodes: nodesBrowseApiOf(client),
    cogniteFiles: cogniteFileRecordsApi(client.models),
    nodeBulk: cogniteFileBulkSource(client.models),
    isDemo: false,
    dispose: () => Promise.resolve(),
  };
}

/** The first request, in a cancellable "Connecting to …" notification; a cancel is a CancellationError. */
async function probeWithProgress(
  options: Parameters<typeof probeConnection>[0],
  name: string,
  project: string,
): Promise<void> {
  await vscode.window.withProgress(
    {
      location: vscode.ProgressLocation.Notification,
      title: vscode.l10n.t('Connecting to {0}…', name),
      cancellable: true,
    },
    async (_progress, token) => {
      const abort = new AbortController();
      const listener = token.onCancellationRequested(() => abort.abort());
      try {
        await probeConnection(options, { name, baseUrl: options.baseUrl, project }, abort.signal);
      } catch (err) {
        if (abort.signal.aborted) throw new vscode.CancellationError();
        throw err;
      } finally {
        listener.dispose();
      }
    },
  );
}
