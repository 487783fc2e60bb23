// What a .vsix holds, and what it must and must not hold. The package ships to users' machines: nothing
// outside the allowlist (sources, tests, maps, secrets in a stray file), and every asset the manifest,
// the code and the README point at.
import fs from 'node:fs';
import path from 'node:path';
import yauzl from 'yauzl';
import { PACKAGE_README } from '../../scripts/package-files.mjs';

const ALLOWED = [
  /^extension\.vsixmanifest$/,
  /^\[Content_Types\]\.xml$/,
  /^extension\/(package\.json|package\.nls\.json|readme\.md|changelog\.md|LICENSE\.txt)$/,
  // The bundle, and the parts of it loaded on first use (src/vscode/lazy-modules.ts).
  /^extension\/dist\/(extension|demo-emulator|sign-in)\.js$/,
  /^extension\/l10n\/bundle\.l10n(\.[\w-]+)?\.json$/,
  /^extension\/schemas\/[\w-]+\.schema\.json$/,
  /^extension\/media\/[\w-]+\.(svg|png)$/,
  /^extension\/media\/walkthrough\/[\w-]+\.md$/,
];

/** The entry names of a zip file. */
export function listEntries(zipPath) {
  return new Promise((resolve, reject) => {
    yauzl.open(zipPath, { lazyEntries: true }, (err, zip) => {
      if (err) return reject(err);
      const names = [];
      zip.on('entry', (entry) => {
        names.push(entry.fileName);
        zip.readEntry();
      });
      zip.on('end', () => resolve(names));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

/** Paths (relative to the extension root) that the manifest, the code and the README refer to. */
export function requiredAssets(root) {
  const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  const wanted = new Set([
    manifest.main.replace(/^\.\//, ''),
    manifest.icon,
    'readme.md',
    'changelog.md',
    'package.nls.json',
  ]);
  if (manifest.l10n) wanted.add(`${manifest.l10n.replace(/^\.\//, '')}/bundle.l10n.json`);
  JSON.stringify(manifest.contributes, (_key, value) => {
    if (typeof value === 'string' && /^(\.\/)?(media|schemas)\/[\w./-]+$/.test(value)) {
      wanted.add(value.replace(/^\.\//, ''));
    }
    return value;
  });
  const readme = fs.readFileSync(path.join(root, PACKAGE_README), 'utf8');
  for (const m of readme.matchAll(/!\[[^\]]*\]\(([^)\s]+)\)/g)) {
    if (!/^[a-z]+:/.test(m[1])) wanted.add(m[1]);
  }
  // The tree's icons: media/file-<icon>.svg for every icon the mime-type table can answer.
  const icons = fs.readFileSync(path.join(root, 'src', 'core', 'browse', 'icons.ts'), 'utf8');
  const union = /export type FileIcon = ([^;]+);/.exec(icons)?.[1] ?? '';
  for (const m of union.matchAll(/'([\w-]+)'/g)) wanted.add(`media/file-${m[1]}.svg`);
  // The bundle's parts loaded on first use: dist/<name>.js for every file src/vscode/lazy-modules.ts loads.
  const lazy = fs.readFileSync(path.join(root, 'src', 'vscode', 'lazy-modules.ts'), 'utf8');
  for (const m of lazy.matchAll(/loadBundled\('([\w-]+\.js)'\)/g)) wanted.add(`dist/${m[1]}`);
  return [...wanted];
}

/** Problems with a package's entries: each entry outside the allowlist, each required asset missing. */
export function packageProblems(entries, required) {
  const problems = entries
    .filter((name) => !name.endsWith('/') && !ALLOWED.some((re) => re.test(name)))
    .map((name) => `not allowed in the package: ${name}`);
  const have = new Set(entries.map((e) => e.replace(/^extension\//, '').toLowerCase()));
  for (const asset of required) {
    if (!have.has(asset.toLowerCase())) problems.push(`missing from the package: ${asset}`);
  }
  return problems;
}
