/**
 * The layer directions are enforced by lint (eslint.config.mjs, `no-restricted-imports`). A pattern
 * that silently stops matching (a renamed folder, a broken regex) would let the layers tangle again
 * with lint still green, so each direction is checked here on a one-line file in each layer.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { ESLint } from 'eslint';

const root = path.resolve(__dirname, '../../..');

/** Only the layer rule, and no type information: the probe files exist only as text. */
const eslint = new ESLint({
  cwd: root,
  overrideConfig: { languageOptions: { parserOptions: { projectService: false } } },
  ruleFilter: ({ ruleId }) => ruleId === 'no-restricted-imports',
});

async function layerErrors(file: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(`import type * as probe from '${source}';\nexport type P = typeof probe;\n`, {
    filePath: path.join(root, file),
  });
  assert.ok(result, 'ESLint answered');
  assert.deepEqual(
    result.messages.filter((m) => m.fatal),
    [],
    'the probe parses',
  );
  return result.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

/** A file in each layer, what it must not import, and what it may (so the rule does not over-match). */
const LAYERS: { file: string; refused: string[]; allowed: string[] }[] = [
  {
    file: 'src/core/save/probe.ts',
    refused: [
      '../../cdf/client/cdf-client',
      '../../cdf/client',
      '../../cdf/auth/token-provider',
      '../../cdf/logging',
      '../../app/files-api-adapter',
      '../../emulator',
      '../../vscode/sessions',
      '../../cli/cli',
      'vscode',
    ],
    allowed: ['../../cdf/model', '../../cdf/model/limits', '../ports', '../diff', '@vscode/l10n'],
  },
  {
    file: 'src/core/probe.ts',
    refused: ['../cdf/client/errors', '../app/files-api-adapter', '../emulator/index', '../vscode/record-fs'],
    allowed: ['../cdf/model', './ports'],
  },
  {
    file: 'src/cdf/client/probe.ts',
    refused: [
      '../../core/ports',
      '../../core/apply',
      '../../app/files-api-adapter',
      '../../vscode/api-failure',
      '../../emulator',
      'vscode',
    ],
    allowed: ['../model', '../logging', './errors', '../auth/token-provider', '@vscode/l10n'],
  },
  {
    file: 'src/cdf/auth/probe.ts',
    refused: ['../../core/diff', '../../app/x', 'vscode'],
    allowed: ['../client/errors'],
  },
  { file: 'src/cdf/probe.ts', refused: ['../core/ports', '../vscode/x', '../emulator/index'], allowed: ['./model'] },
  {
    file: 'src/cdf/model/probe.ts',
    refused: ['../client/errors', '../logging', '../../core/apply', 'vscode'],
    allowed: ['./limits', 'zod/mini', '@vscode/l10n'],
  },
  {
    file: 'src/emulator/routes/probe.ts',
    refused: [
      '../../vscode/sessions',
      '../../app/files-api-adapter',
      '../../cdf/client/errors',
      '../../cdf/auth/x',
      'vscode',
    ],
    allowed: ['../../core/apply', '../../cdf/model', '../store/file-store', '../cli-args'],
  },
  {
    file: 'src/app/probe.ts',
    refused: ['vscode', '../vscode/sessions', '../emulator', '../cli/cli'],
    allowed: ['../core/ports', '../cdf/client/cdf-client', '../cdf/model'],
  },
  {
    file: 'src/cli/probe.ts',
    refused: ['vscode', '../vscode/sessions', '../emulator'],
    allowed: ['../app/files-api-adapter', '../core/diff', '../cdf/model'],
  },
  {
    file: 'src/vscode/probe.ts',
    refused: [],
    allowed: ['vscode', '../app/files-api-adapter', '../core/ports', '../cdf/client/errors', '../emulator'],
  },
];

describe('lint enforces the layer directions', () => {
  for (const { file, refused, allowed } of LAYERS) {
    describe(file.replace(/\/probe\.ts$/, ''), () => {
      for (const source of refused) {
        it(`refuses '${source}'`, async () => {
          const errors = await layerErrors(file, source);
          assert.equal(errors.length, 1, `expected one layer error for '${source}' in ${file}, got ${errors.length}`);
        });
      }
      for (const source of allowed) {
        it(`allows '${source}'`, async () => {
          assert.deepEqual(await layerErrors(file, source), []);
        });
      }
    });
  }
});
