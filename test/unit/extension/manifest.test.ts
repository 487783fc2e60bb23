import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { COMMANDS, VIEWS, FILE_SCHEME } from '../../../src/vscode/command-ids';

const root = path.resolve(__dirname, '..', '..', '..');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));

describe('package.json (the extension manifest)', () => {
  it('contributes exactly the commands the code registers, each with the one prefix and a category', () => {
    const contributed = (pkg.contributes.commands as { command: string; category?: string }[]).map((c) => c.command);
    assert.deepEqual([...contributed].sort(), Object.values(COMMANDS).sort());
    for (const c of pkg.contributes.commands) {
      assert.match(c.command, /^cdfFiles\./);
      assert.equal(c.category, '%command.category%', `${c.command} has the category`);
    }
  });

  it('uses the same prefix for views, settings and menus', () => {
    assert.equal(pkg.contributes.viewsContainers.activitybar[0].id, VIEWS.container);
    for (const v of Object.values(pkg.contributes.views).flat() as { id: string }[]) assert.match(v.id, /^cdfFiles\./);
    for (const key of Object.keys(pkg.contributes.configuration?.properties ?? {})) assert.match(key, /^cdfFiles\./);
    const menus: Record<string, { command: string }[]> = pkg.contributes.menus ?? {};
    for (const items of Object.values(menus)) for (const m of items) assert.match(m.command, /^cdfFiles\./);
  });

  it('associates the schema with its own scheme only (never every *.json)', () => {
    for (const v of pkg.contributes.jsonValidation) {
      assert.ok(v.fileMatch.startsWith(`${FILE_SCHEME}:/`), v.fileMatch);
      assert.ok(fs.existsSync(path.join(root, v.url)), `${v.url} exists`);
    }
  });

  it('keeps engines.vscode and @types/vscode at or below 1.100 (code-server 4.100.3 runs the tests)', () => {
    const minor = (v: string) => Number(/1\.(\d+)/.exec(v)?.[1]);
    assert.ok(minor(pkg.engines.vscode) <= 100);
    assert.ok(minor(pkg.devDependencies['@types/vscode']) <= minor(pkg.engines.vscode));
  });

  it('packages an allowlist: .vscodeignore excludes everything, then names what ships', () => {
    const lines = fs
      .readFileSync(path.join(root, '.vscodeignore'), 'utf8')
      .split('\n')
      .map((l) => l.trim());
    assert.equal(
      lines.find((l) => l && !l.startsWith('#')),
      '**',
    );
    for (const keep of ['!dist/extension.js', '!schemas/**', '!media/*.png', '!media/file-*.svg', '!package.json'])
      assert.ok(lines.includes(keep), keep);
  });
});
