// Entry of `node dist/cli.js` (bundled by esbuild.js). The logic is in cli.ts so tests can call it.
import { main } from './cli';

process.exitCode = main(process.argv.slice(2));
