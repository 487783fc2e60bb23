// The string bundle translators work from (l10n/bundle.l10n.json) is what `npm run l10n` (the
// standard @vscode/l10n-dev export) makes of the source today: no string missing, none stale.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getL10nJson } from '@vscode/l10n-dev';

const root = join(__dirname, '..', '..', '..');

function sources(dir: string): { contents: string; extension: string }[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return path.endsWith('.ts') ? [{ contents: readFileSync(path, 'utf8'), extension: '.ts' }] : [];
  });
}

describe('the l10n string bundle', () => {
  it('matches the strings the source passes to vscode.l10n.t (run `npm run l10n` to update it)', async function () {
    // The extractor parses every source file: seconds on a quiet machine, more than mocha's default on a busy one.
    this.timeout(120_000);
    const committed = JSON.parse(readFileSync(join(root, 'l10n', 'bundle.l10n.json'), 'utf8')) as object;
    const current = await getL10nJson(sources(join(root, 'src')));
    assert.deepEqual(
      Object.keys(committed).filter((k) => !(k in current)),
      [],
      'strings the source no longer uses',
    );
    assert.deepEqual(
      Object.keys(current).filter((k) => !(k in committed)),
      [],
      'strings missing from l10n/bundle.l10n.json',
    );
  });

  it('has no "(s)" plurals: a count reads "1 problem", "3 problems"', () => {
    const committed = JSON.parse(readFileSync(join(root, 'l10n', 'bundle.l10n.json'), 'utf8')) as object;
    const crude = Object.keys(committed).filter((k) => /\w\(s\)/.test(k));
    assert.deepEqual(crude, []);
  });
});
