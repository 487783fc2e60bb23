// Remote VS Code servers (code-server, Remote-SSH, WSL, Codespaces) rewrite the word `file` inside
// `resourceScheme` conditions, so a scheme named `cdf-file` never matched there and Preview Update
// vanished from the palette and the editor title. Every scheme our manifest names must avoid it.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const manifest = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'package.json'), 'utf8')) as {
  activationEvents: string[];
  contributes: { menus: Record<string, { when?: string }[]>; jsonValidation: { fileMatch: string }[] };
};

function schemesNamed(): string[] {
  const schemes: string[] = [];
  for (const items of Object.values(manifest.contributes.menus)) {
    for (const { when } of items) {
      for (const m of (when ?? '').matchAll(/resourceScheme\s*==\s*([\w-]+)/g)) schemes.push(m[1]!);
    }
  }
  for (const { fileMatch } of manifest.contributes.jsonValidation) schemes.push(fileMatch.split(':')[0]!);
  for (const event of manifest.activationEvents) {
    if (event.startsWith('onFileSystem:')) schemes.push(event.slice('onFileSystem:'.length));
  }
  return schemes;
}

describe('manifest schemes work in remote VS Code', () => {
  it('names our record scheme in menus, schema matches and activation', () => {
    const schemes = schemesNamed();
    assert.ok(schemes.filter((s) => s === 'cdf-record').length >= 4, `schemes: ${schemes.join(', ')}`);
  });

  it('never names a scheme with `file` in it', () => {
    for (const scheme of schemesNamed()) assert.doesNotMatch(scheme, /file/, scheme);
  });

  it('the code registers the scheme the manifest names', () => {
    const ids = readFileSync(join(__dirname, '..', '..', '..', 'src', 'vscode', 'command-ids.ts'), 'utf8');
    assert.match(ids, /FILE_SCHEME = 'cdf-record'/);
  });
});
