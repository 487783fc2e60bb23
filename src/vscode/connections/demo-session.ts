import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { demoTokenProvider } from '../../cdf/auth/static-token';
import { CdfClient } from '../../cdf/client/cdf-client';
import { bulkApiOf } from '../../cdf/client/bulk-api-adapter';
import { filesApiOf } from '../../cdf/client/files-api-adapter';
import type { RunningEmulator } from '../../emulator';
import { loadDemoEmulator } from '../lazy-modules';
import type { ProjectSession } from '../sessions';

export interface DemoSession extends ProjectSession {
  readonly demo: RunningEmulator;
}

/**
 * The built-in demo project: the Files API emulator in this process on 127.0.0.1 with generated
 * industrial records, reached through the same client as a real project. Edits are kept in the
 * extension's global storage across restarts: the emulator's state file and its journal, to which
 * every edit is appended before it is answered, so even a killed extension host loses no saved edit.
 * The emulator is loaded here, when the demo is first opened, not at activation.
 */
export async function openDemoSession(
  context: vscode.ExtensionContext,
  log: vscode.LogOutputChannel,
): Promise<DemoSession> {
  const storage = context.globalStorageUri.fsPath;
  fs.mkdirSync(storage, { recursive: true });
  const requestLog = process.env.CDF_FILES_DEMO_REQUEST_LOG;
  const emulator = await loadDemoEmulator().startEmulator({
    project: 'demo',
    // A fixed port lets a UI test play "another client" against the demo; normally any free port.
    port: Number(process.env.CDF_FILES_DEMO_PORT) || 0,
    files: vscode.workspace.getConfiguration('cdfFiles').get<number>('demo.files', 5000),
    seed: 1,
    stateFile: path.join(storage, 'demo-project.json'),
    // The UI tests read what the emulator received from this file (it holds request bodies, never headers).
    onRequest: requestLog
      ? (r) =>
          fs.appendFileSync(
            requestLog,
            JSON.stringify({ method: r.method, path: r.path, status: r.status, body: r.body }) + '\n',
          )
      : undefined,
  });
  const client = new CdfClient({
    baseUrl: emulator.baseUrl,
    project: emulator.project,
    tokenProvider: demoTokenProvider(),
    logger: log,
  });
  log.info(`demo project: ${emulator.demo.files} generated files (seed ${emulator.demo.seed}) at ${emulator.baseUrl}`);
  return {
    label: vscode.l10n.t('Demo project'),
    project: emulator.project,
    baseUrl: emulator.baseUrl,
    api: filesApiOf(client),
    bulk: bulkApiOf(client),
    isDemo: true,
    demo: emulator,
    dispose: () => emulator.close(),
  };
}
