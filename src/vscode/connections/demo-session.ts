import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { demoTokenProvider } from '../../cdf/auth';
import { CdfClient } from '../../cdf/client';
import { filesApiOf, cogniteFileBulkSource, cogniteFileRecordsApi, nodesBrowseApiOf } from '../../app';
import type * as DemoEmulator from '../../emulator';
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
  const emulator = await startDemoEmulator(
    {
      project: 'demo',
      // A fixed port lets a UI test play "another client" against the demo; normally any free port.
      port: Number(process.env.CDF_FILES_DEMO_PORT) || 0,
      files: vscode.workspace.getConfiguration('cdfFiles').get<number>('demo.files', 5000),
      seed: 1,
      stateFile: path.join(storage, 'demo-project.json'),
      // On a window reload the old extension host may still be closing its demo emulator.
      stateLockWaitMs: 5000,
      // The UI tests read what the emulator received from this file (it holds request bodies, never headers).
      onRequest: requestLog
        ? (r) =>
            fs.appendFileSync(
              requestLog,
              JSON.stringify({ method: r.method, path: r.path, status: r.status, body: r.body }) + '\n',
            )
        : undefined,
    },
    log,
  );
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
    nodes: nodesBrowseApiOf(client),
    cogniteFiles: cogniteFileRecordsApi(client.models),
    nodeBulk: cogniteFileBulkSource(client.models),
    isDemo: true,
    demo: emulator,
    dispose: () => emulator.close(),
  };
}

/** The demo's state is owned by another window's emulator (see `startDemoEmulator`). */
export class DemoInAnotherWindowError extends Error {
  constructor() {
    super(vscode.l10n.t('The demo project is open in another VS Code window; close it there to open it here.'));
    this.name = 'DemoInAnotherWindowError';
  }
}

/**
 * Starts the demo's emulator. Its state lives in the global storage every window shares, and only
 * one emulator may own it (a second would overwrite the first one's saved edits): when another
 * window has the demo open, the user is told so in one sentence instead of a path and a pid.
 */
async function startDemoEmulator(
  options: Parameters<typeof DemoEmulator.startEmulator>[0],
  log: vscode.LogOutputChannel,
): Promise<RunningEmulator> {
  const demo = loadDemoEmulator();
  try {
    return await demo.startEmulator(options);
  } catch (e) {
    if (!(e instanceof demo.StateFileInUseError)) throw e;
    log.warn(e.message);
    throw new DemoInAnotherWindowError();
  }
}
