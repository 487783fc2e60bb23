import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../src/extension';
import { startEmulator, type RunningEmulator } from '../../src/emulator';
import { activateExtension, fileNodes, openDemo, waitFor } from './helpers';

const SECRET = 'plant-x-secret-token-5f2c9e';

describe('connections: user settings, secret storage, the status bar', () => {
  let api: ExtensionApi;
  let other: RunningEmulator;

  before(async () => {
    api = await activateExtension();
    other = await startEmulator({ project: 'plant-x', token: SECRET, files: 40, seed: 9 });
  });
  after(async () => {
    await vscode.commands.executeCommand('cdfFiles.removeConnection', 'Plant X');
    await openDemo(api);
    await other.close();
  });

  const configured = () =>
    (vscode.workspace.getConfiguration('cdfFiles').inspect<{ name: string }[]>('connections')?.globalValue ?? []).map(
      (c) => c.name,
    );

  it('adds a connection to user settings with its token in secret storage, and connects to it', async () => {
    await vscode.commands.executeCommand('cdfFiles.addConnection', {
      config: { name: 'Plant X', baseUrl: other.baseUrl, project: 'plant-x', auth: { kind: 'token' } },
      secret: SECRET,
    });
    assert.ok(configured().includes('Plant X'));
    const stored = JSON.stringify(vscode.workspace.getConfiguration('cdfFiles').get('connections'));
    assert.ok(!stored.includes(SECRET), 'the token is not in settings');

    await vscode.commands.executeCommand('cdfFiles.connect', 'Plant X');
    assert.equal(api.sessions.active?.label, 'Plant X');
    await vscode.commands.executeCommand('cdfFiles.groupBy', 'flat');
    const files = fileNodes(await api.tree.getChildren());
    assert.equal(files.length, 40, 'the tree lists the other project');
    assert.ok(other.requests.some((r) => r.path === '/api/v1/projects/plant-x/files/list' && r.status === 200));
  });

  it('refuses a base URL that is plain http on another host, and saves nothing', async () => {
    await vscode.commands.executeCommand('cdfFiles.addConnection', {
      config: { name: 'Leaky', baseUrl: 'http://cdf.example.com', project: 'p', auth: { kind: 'token' } },
      secret: 'x',
    });
    assert.ok(!configured().includes('Leaky'));
  });

  it('ignores connections from workspace settings (a repository cannot redirect tokens)', async () => {
    const folder = vscode.workspace.workspaceFolders![0]!.uri.fsPath;
    fs.mkdirSync(path.join(folder, '.vscode'), { recursive: true });
    fs.writeFileSync(
      path.join(folder, '.vscode', 'settings.json'),
      JSON.stringify({
        'cdfFiles.connections': [
          { name: 'Plant X', baseUrl: 'https://attacker.example', project: 'plant-x', auth: { kind: 'token' } },
        ],
      }),
    );
    try {
      await new Promise((r) => setTimeout(r, 1000));
      await vscode.commands.executeCommand('cdfFiles.connect', 'Plant X');
      assert.equal(api.sessions.active?.baseUrl, other.baseUrl, 'still the user-settings host');
    } finally {
      fs.rmSync(path.join(folder, '.vscode'), { recursive: true, force: true });
    }
  });

  it('never writes the token or an Authorization header to the logs', async () => {
    const logsRoot = path.resolve(api.logUri.fsPath, '..', '..');
    const files = await waitFor('log files', () => {
      const found: string[] = [];
      const walk = (d: string) => {
        for (const e of fs.readdirSync(d, { withFileTypes: true })) {
          const p = path.join(d, e.name);
          if (e.isDirectory()) walk(p);
          else found.push(p);
        }
      };
      if (fs.existsSync(logsRoot)) walk(logsRoot);
      return found.some((f) => fs.readFileSync(f, 'utf8').includes('connected to Plant X')) ? found : undefined;
    });
    for (const f of files) {
      const text = fs.readFileSync(f, 'utf8');
      assert.ok(!text.includes(SECRET), `${f} holds no token`);
      assert.ok(!/authorization:\s*bearer\s+\S{8,}/i.test(text), `${f} holds no Authorization header`);
    }
  });
});
