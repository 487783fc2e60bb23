/**
 * The production build of esbuild.js, restated (esbuild.js is not ours to change or import): the
 * same entry and options, written to a temporary directory so `dist/` is left alone.
 */
import type { BuildOptions } from 'esbuild';
import { REPO_ROOT } from '../support/child-process';

export const EXTENSION_ENTRY = 'src/extension.ts';

/** The parts of the extension loaded on first use (src/vscode/lazy-modules.ts), as esbuild.js writes them to dist/. */
export const FIRST_USE_ENTRIES = [
  { entry: 'src/emulator/index.ts', file: 'demo-emulator.js' },
  { entry: 'src/cdf/auth/auth-method.ts', file: 'sign-in.js' },
] as const;

export const PRODUCTION_OPTIONS: BuildOptions = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  minify: true,
  sourcemap: false,
  logLevel: 'silent',
  external: ['vscode'],
  mainFields: ['module', 'main'],
  metafile: true,
  absWorkingDir: REPO_ROOT,
  // As esbuild.js: openid-client and its deps are ESM with import.meta, rewritten for CJS.
  define: { 'import.meta.url': 'importMetaUrl' },
  banner: { js: "const importMetaUrl = require('url').pathToFileURL(__filename).href;" },
};
