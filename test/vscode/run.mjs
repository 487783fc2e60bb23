#!/usr/bin/env node
// Runs test/vscode in a real VS Code extension host through @vscode/test-electron. No desktop VS Code
// can be downloaded here, so `vscodeExecutablePath` is the code-server shim (scripts/vscode-harness);
// with VSCODE_TEST_DOWNLOAD=1 on a machine with internet, test-electron downloads VS Code instead.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runTests } from '@vscode/test-electron';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const options = {
  extensionDevelopmentPath: root,
  extensionTestsPath: path.join(root, 'dist', 'test', 'vscode', 'index.js'),
  extensionTestsEnv: { CDF_FILES_TEST: '1' },
};
if (process.env.VSCODE_TEST_DOWNLOAD !== '1') {
  options.vscodeExecutablePath = path.join(root, 'scripts', 'vscode-harness', 'run-ext-tests.mjs');
}
try {
  await runTests(options);
} catch (err) {
  console.error('extension-host tests failed:', err instanceof Error ? err.message : err);
  process.exit(1);
}
