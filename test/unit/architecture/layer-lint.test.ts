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
    allowed: ['../../cdf/model', '../ports', '../diff', '@vscode/l10n'],
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
    allowed: ['../model', '../logging', './errors', '../auth', '@vscode/l10n'],
  },
  {
    file: 'src/cdf/auth/probe.ts',
    refused: ['../../core/diff', '../../app/x', 'vscode'],
    allowed: ['../client'],
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
    allowed: ['../core/ports', '../cdf/client', '../cdf/model'],
  },
  {
    file: 'src/cli/probe.ts',
    refused: ['vscode', '../vscode/sessions', '../emulator'],
    allowed: ['../app', '../core/diff', '../cdf/model'],
  },
  {
    file: 'src/vscode/probe.ts',
    refused: [],
    allowed: ['vscode', '../app', '../core/ports', '../cdf/client', '../emulator'],
  },
];

describe('lint enforces the layer directions', () => {
  for (const { file, refused, allowed } of LAYERS) {
    describe(file.replace(/\/probe\.ts$/, ''), () => {
      for (const source of refused) {
        it(`refuses '${source}'`, async () => {
          // A file inside a folder is also refused for skipping the folder's index; that rule is checked below.
          const errors = (await layerErrors(file, source)).filter((m) => !m.includes('public surface'));
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

/**
 * A folder of src/cdf, src/core, src/app and src/emulator is reached through its index.ts (its public
 * surface): from outside, naming a file inside it is refused; inside, its files name each other.
 */
const SURFACES: { file: string; refused: string[]; allowed: string[] }[] = [
  {
    file: 'src/core/save/probe.ts',
    refused: [
      '../../cdf/model/limits',
      '../document/parse',
      '../bulk/csv',
      '../../core/fields/text',
      '../ports/files-api',
    ],
    allowed: ['./save-record', '../document', '../fields', '../diff'],
  },
  {
    file: 'src/core/probe.ts',
    refused: ['./fields/registry', './document/types', './problems/codes', './bulk/job/plan-job'],
    allowed: ['./fields', './json-path'],
  },
  {
    file: 'src/cdf/client/update/probe.ts',
    refused: ['../../auth/token-provider', '../../model/limits'],
    allowed: ['../errors', './update-report', '../../model'],
  },
  { file: 'src/cdf/client/probe.ts', refused: ['../auth/token-cache'], allowed: ['./update/update-report', '../auth'] },
  {
    file: 'src/vscode/bulk/probe.ts',
    refused: [
      '../../core/bulk/csv',
      '../../app/describe-failure',
      '../../emulator/store/file-store',
      '../../cdf/auth/static-token',
    ],
    allowed: [
      './bulk-controller',
      '../tree/files-tree',
      '../../core/bulk',
      '../../emulator',
      '../../cdf/auth/auth-method',
    ],
  },
  {
    file: 'src/emulator/routes/probe.ts',
    refused: ['../../cdf/model/limits'],
    allowed: ['../store/file-store', '../http/route'],
  },
];

describe('lint keeps each folder behind its index', () => {
  for (const { file, refused, allowed } of SURFACES) {
    describe(file.replace(/\/probe\.ts$/, ''), () => {
      for (const source of refused) {
        it(`refuses '${source}'`, async () => {
          assert.notDeepEqual(await layerErrors(file, source), [], `'${source}' in ${file}`);
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
