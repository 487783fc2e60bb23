#!/usr/bin/env node
// Run an extension's test suite INSIDE code-server's real (node) extension host, driven by headless Chromium.
// Accepts the same flags VS Code / @vscode/test-electron pass, so it can also be used as `vscodeExecutablePath`:
//   run-ext-tests.mjs --extensionDevelopmentPath=/abs/ext --extensionTestsPath=/abs/ext/out/test/suite/index [workspaceFolder]
// or positionally: run-ext-tests.mjs <extDevPath> <extTestsPath> [workspaceFolder]
// Exit status = the extension-host test runner's exit status.
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import util from 'node:util';
import { startCodeServer, launchBrowser, treeRssKb } from './harness.mjs';

const devPaths = [];
let testsPath;
const positional = [];
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i++) {
  const a = argv[i];
  const m = a.match(/^--([^=]+)(?:=(.*))?$/);
  if (!m) {
    positional.push(a);
    continue;
  }
  const val = () => (m[2] !== undefined ? m[2] : argv[++i]);
  if (m[1] === 'extensionDevelopmentPath') devPaths.push(val());
  else if (m[1] === 'extensionTestsPath') testsPath = val();
  else if (
    ['user-data-dir', 'extensions-dir', 'folder-uri', 'file-uri', 'locale', 'log', 'profile'].includes(m[1]) &&
    m[2] === undefined
  )
    i++; // value-taking flags we ignore
  // every other VS Code desktop flag (--no-sandbox, --disable-updates, --skip-welcome, ...) is ignored
}
if (!devPaths.length && !testsPath && positional.length >= 2) {
  devPaths.push(positional.shift());
  testsPath = positional.shift();
}
if (!devPaths.length || !testsPath) {
  console.error('usage: run-ext-tests.mjs --extensionDevelopmentPath=DIR --extensionTestsPath=PATH [workspace]');
  process.exit(2);
}

const freePort = () =>
  new Promise((r) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const p = s.address().port;
      s.close(() => r(p));
    });
  });
const PORT = +(process.env.PORT || (await freePort()));

const ROOT = process.env.RUN_ROOT || fs.mkdtempSync(path.join(process.env.TMPDIR || '/tmp', 'cs-test-'));
const ws = positional[0] ? path.resolve(positional[0]) : path.join(ROOT, 'ws');
fs.mkdirSync(ws, { recursive: true });
const TIMEOUT = +(process.env.TEST_TIMEOUT_MS || 300000);
const T0 = performance.now();

const cs = await startCodeServer({ port: PORT, root: ROOT });
console.log(
  `[runner] code-server on 127.0.0.1:${PORT}, listening after ${Math.round(cs.listenMs)} ms (state in ${ROOT})`,
);
const browser = await launchBrowser();
const page = await browser.newPage({ viewport: { width: 1200, height: 800 } });
const counts = { passed: 0, failed: 0 }; // parsed from mocha's spec-reporter summary
let done;
const exited = new Promise((r) => (done = r));
// Same hooks @vscode/test-web and VS Code's own browser integration tests use:
await page.exposeFunction('codeAutomationExit', (code) => done(code));
await page.exposeFunction('codeAutomationLog', (type, args) => {
  const line = util.format(...(args ?? []));
  let m;
  if ((m = line.match(/^\s*(\d+) passing/))) counts.passed = +m[1];
  else if ((m = line.match(/^\s*(\d+) failing/))) counts.failed = +m[1];
  if (
    /ENOTFOUND open-vsx\.org|gallery as it is disabled|^(Creating a socket|Resolving connection token|Resolved connection token)|^\[Service Worker\]|^ChatSessionStore|^Updating additional builtin/.test(
      line,
    ) &&
    !process.env.VERBOSE
  )
    return; // workbench chatter
  (type === 'error' ? console.error : console.log)(line);
});
if (process.env.VERBOSE) {
  page.on('console', (m) => console.log('[page]', m.text()));
  page.on('response', (r) => {
    if (r.status() >= 400) console.log('[http]', r.status(), r.url());
  });
}
page.on('pageerror', (e) => console.log('[pageerror]', e.message));

const remote = (p) => `vscode-remote://127.0.0.1:${PORT}${path.resolve(p)}`;
const payload = [
  ...devPaths.map((p) => ['extensionDevelopmentPath', remote(p)]),
  ['extensionTestsPath', remote(testsPath)],
  ['skipWelcome', 'true'],
];
await page.goto(`${cs.url}?folder=${encodeURIComponent(ws)}&payload=${encodeURIComponent(JSON.stringify(payload))}`);
const timer = setTimeout(() => done('timeout'), TIMEOUT);
const code = await exited;
clearTimeout(timer);
const rss = treeRssKb(cs.proc.pid);
console.log(
  `[runner] extension-host test exit code: ${code}; ${Math.round(performance.now() - T0)} ms; code-server RSS ${(rss.totalKb / 1024).toFixed(0)} MiB`,
);
if (code === 'timeout') await page.screenshot({ path: path.join(ROOT, 'timeout.png') }).catch(() => {});
await browser.close().catch(() => {});
await cs.stop();
if (!process.env.RUN_ROOT && !process.env.KEEP_STATE) fs.rmSync(ROOT, { recursive: true, force: true });
// plain closing line CI tooling understands
console.log(
  `vscode: ${counts.passed} passed, ${counts.failed || (code === 0 ? 0 : Math.max(1, counts.failed))} failed`,
);
process.exit(typeof code === 'number' ? code : 1);
