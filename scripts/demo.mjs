#!/usr/bin/env node
// `npm run demo`: build the extension and open VS Code with it. Desktop `code` when it is installed,
// otherwise a local browser VS Code (code-server, as the tests use) whose URL is printed.
import { spawnSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const run = (cmd, args, opts = {}) => {
  const r = spawnSync(cmd, args, { stdio: 'inherit', cwd: root, ...opts });
  if (r.status !== 0) process.exit(r.status ?? 1);
};

run(process.execPath, ['esbuild.js']);
const workspace = path.join(os.homedir(), '.cdf-files-demo', 'workspace');
fs.mkdirSync(workspace, { recursive: true });

const hasDesktopCode =
  spawnSync('code', ['--version'], { stdio: 'ignore' }).status === 0 && !process.env.CDF_DEMO_BROWSER;
if (hasDesktopCode) {
  console.log('Opening VS Code with CDF Files (demo project)...');
  run('code', ['--new-window', `--extensionDevelopmentPath=${root}`, workspace]);
  process.exit(0);
}

run('bash', [path.join(root, 'scripts/vscode-harness/setup-code-server.sh')]);
const { startCodeServer } = await import('./vscode-harness/harness.mjs');
const port =
  Number(process.env.PORT) ||
  (await new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port: p } = s.address();
      s.close(() => resolve(p));
    });
  }));
const state = path.join(os.homedir(), '.cdf-files-demo', 'code-server');
const cs = await startCodeServer({ port, root: state, env: { CDF_FILES_OPEN_DEMO: '1' } });
const payload = encodeURIComponent(
  JSON.stringify([
    ['extensionDevelopmentPath', `vscode-remote://127.0.0.1:${port}${root}`],
    ['skipWelcome', 'true'],
  ]),
);
const url = `${cs.url}?folder=${encodeURIComponent(workspace)}&payload=${payload}`;
console.log(
  `\nCDF Files demo is running in a browser VS Code:\n\n  ${url}\n\nOpen that URL in a browser on this machine. Press Ctrl+C to stop.`,
);
if (process.env.CDF_DEMO_EXIT_AFTER_START) {
  await cs.stop();
  process.exit(0);
}
const opener = process.platform === 'darwin' ? 'open' : 'xdg-open';
if (!process.env.CI)
  spawn(opener, [url], { stdio: 'ignore', detached: true })
    .on('error', () => {})
    .unref();
await new Promise(() => {});
