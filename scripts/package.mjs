#!/usr/bin/env node
// `npm run package`: the production bundle, then a .vsix by @vscode/vsce, the tool the Marketplace
// itself uses. What goes in is the .vscodeignore allowlist; the README is the short user-facing one
// (PACKAGE_README). There is no public repository yet, so no repository or bugs URL is set, and no link
// is rewritten against one.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PACKAGE_README } from './package-files.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { name, version } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
export const vsixPath = path.join(root, `${name}-${version}.vsix`);

const run = (cmd, args) => {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
};

run(process.execPath, ['esbuild.js', '--production']);
run(process.execPath, [
  path.join(root, 'node_modules', '@vscode', 'vsce', 'vsce'),
  'package',
  '--no-dependencies', // the bundle holds every runtime dependency
  '--allow-missing-repository',
  '--no-rewrite-relative-links',
  '--readme-path',
  PACKAGE_README,
  '--out',
  vsixPath,
]);
