// Bundles the extension, the CLI, the emulator and the in-editor tests with esbuild; writes the
// JSON Schema of the record document from the zod model. Type-checking is `npm run typecheck`.
// The extension is dist/extension.js plus the parts it loads on first use (src/vscode/lazy-modules.ts):
// dist/demo-emulator.js and dist/sign-in.js, so activation parses only what it needs.
//   node esbuild.js               development build (source maps)
//   node esbuild.js --production  minified, no source maps (what gets packaged)
//   node esbuild.js --watch       rebuild on change
//   node esbuild.js --schema-only regenerate the checked-in schemas/file-document.schema.json
const esbuild = require('esbuild');
const fs = require('node:fs');
const path = require('node:path');

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const schemaOnly = process.argv.includes('--schema-only');
const root = __dirname;
const dist = path.join(root, 'dist');

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  minify: production,
  sourcemap: !production,
  sourcesContent: false,
  logLevel: 'warning',
  // jsonc-parser's UMD build requires its parts at run time; its ESM build bundles cleanly.
  mainFields: ['module', 'main'],
  // openid-client and its deps are ESM with import.meta; esbuild rewrites them for CJS.
  define: { 'import.meta.url': 'importMetaUrl' },
  banner: { js: "const importMetaUrl = require('url').pathToFileURL(__filename).href;" },
};

const exists = (p) => fs.existsSync(path.join(root, p));
const testEntries = () =>
  exists('test/vscode')
    ? fs
        .readdirSync(path.join(root, 'test/vscode'))
        .filter((f) => f.endsWith('.ts'))
        .map((f) => `test/vscode/${f}`)
    : [];

/** Entry points that exist; issues land their entries one at a time. */
function builds() {
  const list = [
    { entryPoints: ['src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'], metafile: true },
    // Loaded on first use by src/vscode/lazy-modules.ts (the names must match): the demo's emulator, and
    // the sign-in flows with the OAuth library.
    { entryPoints: ['src/emulator/index.ts'], outfile: 'dist/demo-emulator.js' },
    { entryPoints: ['src/cdf/auth/auth-method.ts'], outfile: 'dist/sign-in.js' },
  ];
  if (exists('src/cli/main.ts')) list.push({ entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js' });
  if (exists('src/emulator/main.ts')) list.push({ entryPoints: ['src/emulator/main.ts'], outfile: 'dist/emulator.js' });
  const tests = testEntries();
  if (tests.length && !production)
    list.push({
      entryPoints: tests,
      outdir: 'dist/test/vscode',
      external: ['vscode', 'mocha'],
      outbase: 'test/vscode',
    });
  return list.map((b) => ({ ...common, ...b, absWorkingDir: root }));
}

/** Runs the zod models through z.toJSONSchema (one record, and a selection of them); no hand-written schema to drift. */
async function generateSchema() {
  const load = async (entry, name) => {
    const out = path.join(dist, name);
    await esbuild.build({ ...common, entryPoints: [entry], outfile: out, absWorkingDir: root, sourcemap: false });
    delete require.cache[out];
    return require(out);
  };
  const { fileDocumentJsonSchema, fileSelectionJsonSchema } = await load(
    'src/core/records/classic-document.ts',
    'schema-gen.js',
  );
  const { cogniteFileJsonSchema, cogniteFileSelectionJsonSchema } = await load(
    'src/core/records/cognite-file-document.ts',
    'schema-gen-nodes.js',
  );
  const text = (schema) => JSON.stringify(schema, null, 2) + '\n';
  return {
    'file-document.schema.json': text(fileDocumentJsonSchema()),
    'file-selection.schema.json': text(fileSelectionJsonSchema()),
    'cognite-file-document.schema.json': text(cogniteFileJsonSchema()),
    'cognite-file-selection.schema.json': text(cogniteFileSelectionJsonSchema()),
  };
}

async function main() {
  fs.mkdirSync(dist, { recursive: true });
  const schemas = await generateSchema();
  if (schemaOnly) {
    fs.mkdirSync(path.join(root, 'schemas'), { recursive: true });
    for (const [name, text] of Object.entries(schemas)) fs.writeFileSync(path.join(root, 'schemas', name), text);
    console.log(`wrote schemas/{${Object.keys(schemas).join(',')}}`);
    return;
  }
  for (const [name, text] of Object.entries(schemas)) fs.writeFileSync(path.join(dist, name), text);
  if (watch) {
    const contexts = await Promise.all(builds().map((b) => esbuild.context(b)));
    await Promise.all(contexts.map((c) => c.watch()));
    console.log('[watch] watching for changes');
    return;
  }
  const results = await Promise.all(builds().map((b) => esbuild.build(b)));
  const meta = results[0].metafile;
  if (meta) fs.writeFileSync(path.join(dist, 'extension.meta.json'), JSON.stringify(meta));
  const size = fs.statSync(path.join(dist, 'extension.js')).size;
  console.log(
    `built dist/ (${production ? 'production' : 'development'}; extension.js ${(size / 1024).toFixed(0)} KiB)`,
  );
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
