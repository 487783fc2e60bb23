// The package check itself must be able to fail: a stray source file or a missing icon is caught.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { packageProblems, requiredAssets } from '../../package/vsix-contents.mjs';

const root = join(__dirname, '..', '..', '..');

describe('package contents check', () => {
  const required = requiredAssets(root);
  const complete = ['extension.vsixmanifest', '[Content_Types].xml', ...required.map((asset) => `extension/${asset}`)];

  it('requires the bundle and its parts loaded on first use, the icon, the schemas, the tree icons', () => {
    for (const asset of [
      'dist/extension.js',
      'dist/demo-emulator.js',
      'dist/sign-in.js',
      'media/icon.png',
      'schemas/file-document.schema.json',
      'media/file-pdf.svg',
    ]) {
      assert.ok(required.includes(asset), asset);
    }
  });

  it('accepts a package with exactly the required assets', () => {
    assert.deepEqual(packageProblems(complete, required), []);
  });

  it('refuses a file outside the allowlist and names a missing asset', () => {
    const problems = packageProblems(
      [...complete.filter((e) => e !== 'extension/media/icon.png'), 'extension/src/extension.ts', 'extension/.env'],
      required,
    );
    assert.deepEqual(problems.sort(), [
      'missing from the package: media/icon.png',
      'not allowed in the package: extension/.env',
      'not allowed in the package: extension/src/extension.ts',
    ]);
  });
});
