#!/usr/bin/env node
// The release as a user gets it: `npm run package`, then check the .vsix's file list, then install the
// .vsix into a fresh VS Code (code-server's --install-extension, as `code --install-extension` does)
// and run the first-run UI scenario against the installed copy, not the development folder.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { listEntries, packageProblems, requiredAssets } from './vsix-contents.mjs';
import { openWorkbench } from '../e2e/workbench.mjs';
import { scenario } from '../e2e/activation.e2e.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const { name, version } = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const vsix = path.join(root, `${name}-${version}.vsix`);

const built = spawnSync('npm', ['run', 'package'], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
assert.equal(built.status, 0, `npm run package failed:\n${built.stdout}`);
const entries = await listEntries(vsix);
const problems = packageProblems(entries, requiredAssets(root));
assert.deepEqual(problems, [], problems.join('\n'));
console.log(`  ✔ ${path.basename(vsix)}: ${entries.length} entries, all allowed, no asset missing`);

const wb = await openWorkbench({ installVsix: vsix });
let ok = false;
try {
  await scenario(wb);
  ok = true;
  console.log('  ✔ the installed .vsix: activity bar view, welcome content and a palette command');
} finally {
  if (!ok) await wb.shot('failure-installed-vsix').catch(() => {});
  await wb.close(false);
}
// The development build again: the package step replaced dist/extension.js with the minified one.
spawnSync(process.execPath, ['esbuild.js'], { cwd: root, stdio: 'inherit' });
