/**
 * Parts of the extension that activation does not need, each built by esbuild.js as its own file
 * next to dist/extension.js and loaded the first time it is used: the demo project's emulator with
 * its data generator, and the OAuth library behind signing in to a real project. Activation then
 * parses and runs only what it needs; a user who never opens the demo never loads the emulator.
 *
 * The modules are typed from their sources; the file names must match the outputs of esbuild.js
 * (the package check reads them from here to require them in the .vsix).
 */
import * as path from 'node:path';
import type * as SignIn from '../cdf/auth/auth-method';
import type * as DemoEmulator from '../emulator';

function loadBundled<T>(file: string): T {
  // A computed path, so esbuild leaves this `require` alone rather than inlining the module into
  // the extension bundle. __dirname is dist/, where esbuild.js writes both. Node caches the module.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(path.join(__dirname, file)) as T;
}

/** The local Files API emulator and its demo data (src/emulator). */
export const loadDemoEmulator = (): typeof DemoEmulator => loadBundled('demo-emulator.js');

/** Token providers for every sign-in method, with openid-client (src/cdf/auth). */
export const loadSignIn = (): typeof SignIn => loadBundled('sign-in.js');
