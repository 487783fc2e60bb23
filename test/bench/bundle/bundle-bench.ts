/**
 * Bundle size and load cost (activation itself is measured in VS Code by the activation benchmark):
 * the production bundle of src/extension.ts (size, gzip size, largest contributors), the parts it
 * loads on first use (src/vscode/lazy-modules.ts), and the time
 * to `require` a production bundle of everything the extension bundles except the editor layer
 * (src/vscode/** and src/extension.ts, which need the `vscode` module): the code and packages that
 * activation loads. The peer: @cognite/sdk, bundled the same way for size and required as installed
 * for load time — what the extension would carry and load if it used the SDK instead.
 */
import { build, type Metafile } from 'esbuild';
import { mkdtemp, rm, stat, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { REPO_ROOT } from '../support/child-process';
import { writeResult, type BenchResult } from '../support/result-file';
import { ratio, type Sampled } from '../support/stats';
import { largestContributors, largestFiles, type Contributor } from './contributors';
import { EXTENSION_ENTRY, FIRST_USE_ENTRIES, PRODUCTION_OPTIONS } from './esbuild-settings';
import { requireTime } from './load-time';

export interface BundleOptions {
  /** Fresh Node processes per load-time measure. */
  loadRuns: number;
  outDir: string;
}

export interface BundleFigures {
  extension: { bytes: number; gzipBytes: number; largestContributors: Contributor[]; largestFiles: Contributor[] };
  /** The parts loaded on first use, not at activation (dist/demo-emulator.js, dist/sign-in.js). */
  firstUse: { file: string; bytes: number; gzipBytes: number }[];
  /** The extension bundle minus the editor layer: what activation loads besides its own UI code. */
  withoutEditorLayer: { bytes: number; inputs: number; requireMs: Sampled };
  sdk: { bytes: number; gzipBytes: number; requireMs: Sampled };
  /** SDK / ours: above 1 means ours is smaller or loads faster. */
  sdkVersusOurs: { bundleBytes: number | undefined; requireMs: number | undefined };
}

const isEditorLayer = (input: string): boolean => input.startsWith('src/vscode/') || input === EXTENSION_ENTRY;

async function bundle(
  outfile: string,
  entry: { entryPoints: string[] } | { stdin: { contents: string; resolveDir: string; loader: 'ts' } },
): Promise<{ metafile: Metafile; bytes: number; gzipBytes: number }> {
  const result = await build({ ...PRODUCTION_OPTIONS, ...entry, outfile });
  const bytes = (await stat(outfile)).size;
  const gzipBytes = gzipSync(await readFile(outfile)).length;
  return { metafile: result.metafile!, bytes, gzipBytes };
}

export async function runBundleBench(options: BundleOptions): Promise<BenchResult<BundleFigures>> {
  const startedAt = performance.now();
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'cdf-files-bundle-bench-'));
  try {
    const extensionOut = path.join(tmp, 'extension.js');
    const extension = await bundle(extensionOut, { entryPoints: [EXTENSION_ENTRY] });
    const outputKey = path.relative(REPO_ROOT, extensionOut);
    const outputPath = Object.keys(extension.metafile.outputs).find((o) => path.resolve(REPO_ROOT, o) === extensionOut);
    if (!outputPath) throw new Error(`esbuild reported no output for ${outputKey}`);

    // Every source module the extension bundles outside the editor layer, re-exported whole, so none
    // is tree-shaken away: an upper bound of what activation loads besides src/vscode.
    const ownInputs = Object.keys(extension.metafile.outputs[outputPath]!.inputs).filter(
      (input) => input.startsWith('src/') && !isEditorLayer(input),
    );
    const depsOut = path.join(tmp, 'extension-without-editor-layer.js');
    const deps = await bundle(depsOut, {
      stdin: {
        contents: ownInputs.map((input, i) => `export * as m${i} from './${input}';`).join('\n'),
        resolveDir: REPO_ROOT,
        loader: 'ts',
      },
    });

    const firstUse: BundleFigures['firstUse'] = [];
    for (const { entry, file } of FIRST_USE_ENTRIES) {
      const part = await bundle(path.join(tmp, file), { entryPoints: [entry] });
      firstUse.push({ file: `dist/${file}`, bytes: part.bytes, gzipBytes: part.gzipBytes });
    }

    const sdkOut = path.join(tmp, 'cognite-sdk.js');
    const sdk = await bundle(sdkOut, {
      stdin: { contents: "export * from '@cognite/sdk';", resolveDir: REPO_ROOT, loader: 'ts' },
    });

    const depsRequire = await requireTime(depsOut, options.loadRuns);
    const sdkRequire = await requireTime('@cognite/sdk', options.loadRuns);

    const { result } = await writeResult<BundleFigures>(options.outDir, {
      benchmark: 'bundle',
      description:
        'Production bundle size and largest contributors; require time of the extension bundle without its editor layer, vs @cognite/sdk',
      settings: {
        entry: EXTENSION_ENTRY,
        esbuild: { ...PRODUCTION_OPTIONS, absWorkingDir: '<repo>' },
        loadRuns: options.loadRuns,
      },
      durationMs: performance.now() - startedAt,
      figures: {
        extension: {
          bytes: extension.bytes,
          gzipBytes: extension.gzipBytes,
          largestContributors: largestContributors(extension.metafile, outputPath, 10),
          largestFiles: largestFiles(extension.metafile, outputPath, 10),
        },
        firstUse,
        withoutEditorLayer: { bytes: deps.bytes, inputs: ownInputs.length, requireMs: depsRequire },
        sdk: { bytes: sdk.bytes, gzipBytes: sdk.gzipBytes, requireMs: sdkRequire },
        sdkVersusOurs: {
          bundleBytes: ratio(sdk.bytes, extension.bytes),
          requireMs: ratio(sdkRequire.medianMs, depsRequire.medianMs),
        },
      },
      notes: [
        'The require time of the bundle without src/vscode (which needs the vscode module) is the cost of loading what activation depends on; activation itself is the activation benchmark.',
        'That bundle re-exports every non-editor source module the extension includes, whole: an upper bound.',
        '@cognite/sdk load time is `require` of the installed package (its CJS build and its dependencies), not a bundle.',
        'Built with the options of `node esbuild.js --production` into a temporary directory; dist/ is not touched.',
      ],
    });
    return result;
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}
