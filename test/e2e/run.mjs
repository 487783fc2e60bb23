#!/usr/bin/env node
// Runs every test/e2e/*.e2e.mjs scenario in its own fresh VS Code; screenshots go to test-artifacts/e2e.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { openWorkbench, SHOTS } from './workbench.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const only = process.argv[2];
const files = fs
  .readdirSync(here)
  .filter((f) => f.endsWith('.e2e.mjs') && (!only || f.includes(only)))
  .sort();
// The workbench loads the extension from dist/: without a build it never activates, and a scenario
// would only time out waiting for the demo project (30 s) with no hint why.
if (!fs.existsSync(path.join(here, '..', '..', 'dist', 'extension.js'))) {
  console.error('dist/extension.js is missing: run `npm run build` first (npm test does).');
  process.exit(1);
}
let passed = 0;
let failed = 0;
for (const file of files) {
  const mod = await import(pathToFileURL(path.join(here, file)).href);
  const t0 = performance.now();
  const wb = await openWorkbench(mod.options ?? {});
  let ok = false;
  try {
    await mod.scenario(wb);
    ok = true;
  } catch (err) {
    console.error(`  ✘ ${file}: ${mod.name}\n    ${err instanceof Error ? err.stack : err}`);
    await wb.shot(`failure-${path.basename(file, '.e2e.mjs')}`).catch(() => {});
  } finally {
    await wb.close(!ok && !!process.env.KEEP_STATE);
  }
  if (ok) console.log(`  ✔ ${file}: ${mod.name} (${Math.round(performance.now() - t0)} ms)`);
  ok ? passed++ : failed++;
}
console.log(`screenshots: ${SHOTS}`);
console.log(`ui: ${passed} passed, ${failed} failed`);
process.exit(failed || !files.length ? 1 : 0);
