// What a Marketplace page built from `npm run package` shows a new user (new-user walk, issue 13).
// The page renders README.md and CHANGELOG.md from the .vsix; relative image links are kept
// (scripts/package.mjs passes --no-rewrite-relative-links and there is no repository), and the
// Marketplace web page cannot resolve a relative path, so the README's only picture is broken there.
// The packaged version is 0.1.0 while CHANGELOG lists this release's changes as "Unreleased" above
// "## 0.1.0", so the Changelog tab tells the user 0.1.0 lacks what they just installed.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from './workbench.mjs';
import { PACKAGE_README } from '../../scripts/package-files.mjs';

export const name = 'marketplace page: README images resolve off-package, CHANGELOG heads with the packaged version';

export async function scenario() {
  const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  const { version } = manifest;
  // Corrected with the fix: the page shows the README the package carries (vsce --readme-path), not
  // the developers' README.md at the root. With no public URL to host an image at, it carries none.
  const readme = fs.readFileSync(path.join(ROOT, PACKAGE_README), 'utf8');
  const images = [...readme.matchAll(/!\[[^\]]*\]\(([^)\s]+)/g), ...readme.matchAll(/<img[^>]+src="([^"]+)"/g)].map(
    (m) => m[1],
  );
  const relative = images.filter((src) => !/^https:\/\//.test(src));
  // An absolute image URL needs a public home; none exists until the manifest names a repository.
  const unhosted = manifest.repository ? [] : images.filter((src) => /^https:\/\//.test(src));
  const changelog = fs.readFileSync(path.join(ROOT, 'CHANGELOG.md'), 'utf8');
  const firstHeading = /^## (.+)$/m.exec(changelog)?.[1].trim();
  const problems = [
    ...relative.map((src) => `README image ${src} is relative: the Marketplace page shows it broken`),
    ...unhosted.map((src) => `README image ${src}: no public repository to host it`),
    ...(firstHeading === version || firstHeading?.startsWith(`${version} `) || firstHeading?.startsWith(`[${version}]`)
      ? []
      : [`CHANGELOG's first section is "${firstHeading}", not the packaged version ${version}`]),
  ];
  assert.deepEqual(problems, []);
}
