/**
 * Loaded by the extension host as --extensionTestsPath in each run of the activation benchmark (not
 * a test suite: it measures and reports). The extension is activated with CDF_FILES_OPEN_DEMO=1, as
 * after a reload with the demo open: it reopens the demo itself. Written to CDF_FILES_BENCH_OUT:
 * the time activate() took, as it recorded it, and the time from the start of activate() until the
 * tree's first page of the demo project is ready (emulator loaded and started, first files/list).
 */
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../../src/extension';
import type { ProjectSession } from '../../../src/vscode/sessions';

export interface HostTimings {
  activateMs: number;
  firstPageMs: number;
  /** Items on that first page: files, or groups under a grouping (0 would mean no page of the demo). */
  firstPageItems: number;
  vscodeVersion: string;
}

function connected(api: ExtensionApi, timeoutMs: number): Promise<ProjectSession> {
  const now = api.sessions.active;
  if (now) return Promise.resolve(now);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      listener.dispose();
      reject(new Error(`the demo did not open within ${timeoutMs} ms`));
    }, timeoutMs);
    const listener = api.sessions.onDidChange((session) => {
      if (!session) return;
      clearTimeout(timer);
      listener.dispose();
      resolve(session);
    });
  });
}

export async function run(): Promise<void> {
  const out = process.env.CDF_FILES_BENCH_OUT;
  if (!out) throw new Error('CDF_FILES_BENCH_OUT is not set');
  const ext = vscode.extensions.getExtension<ExtensionApi>('cdf-tools.cdf-files');
  if (!ext) throw new Error('the extension is not installed in this VS Code');
  const api = await ext.activate();
  await connected(api, 120_000);
  const nodes = await api.tree.getChildren();
  const firstPageAt = performance.now();
  const timings: HostTimings = {
    activateMs: api.activation.durationMs,
    firstPageMs: firstPageAt - api.activation.startedAt,
    firstPageItems: nodes.filter((n) => n.kind === 'file' || n.kind === 'group').length,
    vscodeVersion: vscode.version,
  };
  fs.writeFileSync(out, JSON.stringify(timings));
}
