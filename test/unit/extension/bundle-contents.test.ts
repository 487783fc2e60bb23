// What activation loads: the production bundle of src/extension.ts, built as `npm run package` builds
// it. The demo emulator and the OAuth library are separate files loaded on first use
// (src/vscode/lazy-modules.ts), and the model uses the tree-shakable `zod/mini`; a static import of
// either library, or one `import { z } from 'zod'`, would silently put hundreds of KB back in.
import assert from 'node:assert/strict';
import path from 'node:path';
import { build } from 'esbuild';
import { EXTENSION_ENTRY, FIRST_USE_ENTRIES, PRODUCTION_OPTIONS } from '../../bench/bundle/esbuild-settings';

const LOADED_ON_FIRST_USE = [
  /^src\/emulator\//,
  /^node_modules\/(openid-client|oauth4webapi)\//,
  // The sign-in flows; the token provider interface and the demo's static token stay.
  /^src\/cdf\/auth\/(?!token-provider\.ts$|static-token\.ts$)/,
];

const FULL_ZOD = /^node_modules\/zod\/v4\/(classic|locales\/(?!en\.js$|index\.js$))/;

/** The modules that put code in a production bundle of `entry` (a re-export-only index adds none), and its size. */
async function productionBundle(entry: string): Promise<{ inputs: string[]; bytes: number }> {
  const outfile = path.join(PRODUCTION_OPTIONS.absWorkingDir!, 'dist', 'bundle-contents-test.js');
  const result = await build({ ...PRODUCTION_OPTIONS, entryPoints: [entry], outfile, write: false });
  const output = Object.values(result.metafile!.outputs).find((o) => o.entryPoint === entry);
  assert.ok(output, `esbuild reported the output of ${entry}`);
  const inputs = Object.entries(output.inputs)
    .filter(([, input]) => input.bytesInOutput > 0)
    .map(([name]) => name);
  return { inputs, bytes: output.bytes };
}

describe('the extension bundle (production build)', function () {
  this.timeout(60_000);
  let inputs: string[];
  let bytes: number;

  before(async () => {
    ({ inputs, bytes } = await productionBundle(EXTENSION_ENTRY));
  });

  it('is at most 400 KB minified', () => {
    assert.ok(bytes <= 400_000, `${bytes} bytes`);
  });

  it('bundles zod/mini, not the full zod with every locale', () => {
    assert.deepEqual(
      inputs.filter((input) => FULL_ZOD.test(input)),
      [],
    );
    assert.ok(inputs.includes('node_modules/zod/v4/mini/schemas.js'));
  });

  it('leaves out the demo emulator and the OAuth library, which load on first use', () => {
    const included = inputs.filter((input) => LOADED_ON_FIRST_USE.some((re) => re.test(input)));
    assert.deepEqual(included, []);
  });

  it('still holds the client and the editor layer (the check above looks at real inputs)', () => {
    assert.ok(inputs.includes('src/cdf/client/cdf-client.ts'));
    assert.ok(inputs.includes('src/vscode/lazy-modules.ts'));
  });
});

describe('the parts loaded on first use (production build)', function () {
  this.timeout(60_000);

  for (const { entry, file } of FIRST_USE_ENTRIES) {
    it(`dist/${file} bundles zod/mini too, not the full zod`, async () => {
      const { inputs } = await productionBundle(entry);
      assert.deepEqual(
        inputs.filter((input) => FULL_ZOD.test(input)),
        [],
      );
    });
  }
});
