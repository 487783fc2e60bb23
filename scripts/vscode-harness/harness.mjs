// Minimal harness: start code-server on loopback, drive it with playwright-core + Debian chromium.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
const require = createRequire(import.meta.url);
const { chromium } = require('playwright-core');

import os from 'node:os';
// code-server 4.100.3 = VS Code 1.100.3, installed once per machine by setup-code-server.sh
const CS_VERSION = process.env.CS_VERSION || '4.100.3';
const CS_HOME =
  process.env.CS_HOME ||
  path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'e2e-code-server', CS_VERSION);
export const CODE_SERVER = process.env.CODE_SERVER || path.join(CS_HOME, 'node_modules', '.bin', 'code-server');

export function treeRssKb(rootPid) {
  // sum VmRSS over rootPid and all descendants (via /proc/*/stat ppid)
  const kids = new Map();
  for (const d of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const st = fs.readFileSync(`/proc/${d}/stat`, 'utf8');
      const ppid = +st.slice(st.lastIndexOf(')') + 2).split(' ')[1];
      (kids.get(ppid) ?? kids.set(ppid, []).get(ppid)).push(+d);
    } catch {}
  }
  let total = 0,
    totalPss = 0;
  const procs = [];
  const walk = (pid) => {
    try {
      const s = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
      const rss = +(s.match(/VmRSS:\s+(\d+)/)?.[1] ?? 0);
      let pss = 0;
      try {
        pss = +(fs.readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8').match(/^Pss:\s+(\d+)/m)?.[1] ?? 0);
      } catch {}
      totalPss += pss;
      const cmd = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').slice(0, 120);
      total += rss;
      procs.push({ pid, rss, cmd });
    } catch {}
    for (const k of kids.get(pid) ?? []) walk(k);
  };
  walk(rootPid);
  return { totalKb: total, totalPssKb: totalPss, procs };
}

/** Process groups of code-servers still running; one exit hook for all (one per start would pile up). */
const running = new Set();
let hooked = false;
function killOnExit(pid) {
  if (!hooked) {
    hooked = true;
    // never leave a detached code-server behind, even if this runner is killed (e.g. by `timeout`)
    process.once('exit', () => {
      for (const group of running) {
        try {
          process.kill(-group, 'SIGKILL');
        } catch {}
      }
    });
    for (const sig of ['SIGINT', 'SIGTERM']) process.once(sig, () => process.exit(128 + (sig === 'SIGINT' ? 2 : 15)));
  }
  running.add(pid);
}

export async function startCodeServer({ port, root, folder, extraArgs = [], env = {}, settings = {} }) {
  fs.mkdirSync(root, { recursive: true });
  const ud = path.join(root, 'user-data'),
    exts = path.join(root, 'extensions');
  // settings that keep the workbench quiet and deterministic
  fs.mkdirSync(path.join(ud, 'User'), { recursive: true });
  fs.writeFileSync(
    path.join(ud, 'User', 'settings.json'),
    JSON.stringify(
      {
        'workbench.startupEditor': 'none',
        'workbench.tips.enabled': false,
        'security.workspace.trust.enabled': false,
        'telemetry.telemetryLevel': 'off',
        'update.mode': 'none',
        'extensions.autoCheckUpdates': false,
        'extensions.autoUpdate': false,
        'workbench.enableExperiments': false,
        'chat.commandCenter.enabled': false,
        'window.commandCenter': false,
        'files.autoSave': 'off',
        ...settings,
      },
      null,
      2,
    ),
  );
  const cfg = path.join(root, 'config.yaml');
  fs.writeFileSync(cfg, `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);
  const args = [
    '--config',
    cfg,
    '--auth',
    'none',
    '--bind-addr',
    `127.0.0.1:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--ignore-last-opened',
    '--user-data-dir',
    ud,
    '--extensions-dir',
    exts,
    ...extraArgs,
  ];
  if (folder) args.push(folder);
  const log = fs.openSync(path.join(root, 'code-server.log'), 'w');
  const tmp = path.join(root, 'tmp');
  fs.mkdirSync(tmp, { recursive: true });
  const t0 = performance.now();
  const proc = spawn(CODE_SERVER, args, {
    detached: true,
    stdio: ['ignore', log, log],
    env: {
      ...process.env,
      EXTENSIONS_GALLERY: '{}',
      TMPDIR: tmp,
      XDG_CONFIG_HOME: path.join(root, 'xdg-config'),
      ...env,
    },
  });
  // XDG_CONFIG_HOME: any code-server call writes ~/.config/code-server/config.yaml otherwise.
  // EXTENSIONS_GALLERY='{}': no gallery, so no open-vsx.org lookups on an offline box.
  // TMPDIR: code-server's git/ipc/typescript sockets go under `root` instead of piling up in /tmp.
  killOnExit(proc.pid);
  const url = `http://127.0.0.1:${port}/`;
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`code-server exited ${proc.exitCode}, see ${root}/code-server.log`);
    try {
      const r = await fetch(url + 'healthz');
      if (r.ok) break;
    } catch {}
    if (performance.now() - t0 > 30000) throw new Error('code-server did not listen within 30s');
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    proc,
    url,
    listenMs: performance.now() - t0,
    root,
    stop: async () => {
      // code-server runs in its own process group (detached); signal the whole group so the extension host,
      // file watcher and pty host die too (killing only the leader can orphan bootstrap-fork children).
      const group = (sig) => {
        try {
          process.kill(-proc.pid, sig);
        } catch {}
      };
      const gone =
        proc.exitCode !== null || proc.signalCode !== null
          ? Promise.resolve()
          : new Promise((r) => proc.once('exit', r));
      group('SIGTERM');
      await Promise.race([gone, new Promise((r) => setTimeout(r, 5000))]);
      await new Promise((r) => setTimeout(r, 300));
      group('SIGKILL'); // anything left in the group
      running.delete(proc.pid);
    },
  };
}

export async function launchBrowser(root) {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
}
