// Every string a user reads in the manifest comes from package.nls.json (VS Code swaps in
// package.nls.LANG.json for other languages): no English left inline, no key missing or unused.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..', '..', '..');
const manifestText = readFileSync(join(root, 'package.json'), 'utf8');
const nls = JSON.parse(readFileSync(join(root, 'package.nls.json'), 'utf8')) as Record<string, string>;
const LOCALIZABLE = new Set([
  'displayName',
  'description',
  'markdownDescription',
  'title',
  'name',
  'contextualTitle',
  'category',
  'contents',
]);

/** [path, value] of every string under a localizable key, outside package metadata like `name`. */
function localizableStrings(): [string, string][] {
  const out: [string, string][] = [];
  const manifest = JSON.parse(manifestText) as Record<string, unknown>;
  out.push(['displayName', manifest.displayName as string], ['description', manifest.description as string]);
  const walk = (value: unknown, path: string): void => {
    if (Array.isArray(value)) value.forEach((v, i) => walk(v, `${path}[${i}]`));
    else if (value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) {
        if (typeof v === 'string' && LOCALIZABLE.has(k)) out.push([`${path}.${k}`, v]);
        else walk(v, `${path}.${k}`);
      }
    }
  };
  walk(manifest.contributes, 'contributes');
  return out;
}

describe('manifest strings are localizable', () => {
  it('every user-visible manifest string is a %key% of package.nls.json', () => {
    const inline = localizableStrings().filter(([, v]) => !/^%[\w.-]+%$/.test(v));
    assert.deepEqual(inline, []);
  });

  it('every %key% is defined, and every defined key is used', () => {
    const used = new Set([...manifestText.matchAll(/"%([\w.-]+)%"/g)].map((m) => m[1]!));
    assert.deepEqual(
      [...used].filter((k) => !(k in nls)),
      [],
      'keys missing from package.nls.json',
    );
    assert.deepEqual(
      Object.keys(nls).filter((k) => !used.has(k)),
      [],
      'keys package.json no longer uses',
    );
  });
});
