#!/usr/bin/env node
// `npm run package`: the production bundle, then a .vsix by @vscode/vsce, the tool the Marketplace
// itself uses. What goes in is the .vscodeignore allowlist. README links stay relative, so its images
// render from the installed package (there is no public repository to rewrite them against yet).
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

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
  '--out',
  vsixPath,
]);
