/**
 * A node can be opened by its space:externalId from the palette (as a classic file by its id), in
 * desktop and web VS Code alike: the command is listed whenever a project is open, under a key
 * every VS Code sets. Without a tree row it asks for the key (src/vscode/commands/node-commands.ts).
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';

type Menu = { command: string; when?: string };
const root = path.resolve(__dirname, '..', '..', '..');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  contributes: { menus: Record<string, Menu[]>; commands: { command: string; title: string }[] };
};

describe('vscode: open a CogniteFile node from the palette', () => {
  it('is in the palette whenever a project is open', () => {
    const entry = pkg.contributes.menus.commandPalette!.find((m) => m.command === 'cdfFiles.openNode');
    assert.equal(entry?.when, 'cdfFiles.connected');
    assert.ok(pkg.contributes.commands.some((c) => c.command === 'cdfFiles.openNode'));
  });
});
