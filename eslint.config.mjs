// Type-aware linting: floating promises are bugs in an extension (a save that fails silently).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** The editor API: only src/vscode and src/extension.ts may import it. */
const NOT_VSCODE = { regex: '^vscode$', message: "Only src/vscode may import 'vscode'." };
/** Relative paths into a layer of src (the folder name after a slash; a bare name is a package). */
const into = (folder, message) => ({ regex: `/${folder}(/|$)`, message });
const TO = {
  core: into('core', 'src/cdf must not import src/core: core declares ports, src/app serves them.'),
  app: into('app', 'Only src/vscode, src/cli and src/extension.ts may import src/app (the composition).'),
  vscode: into('vscode', 'Only src/extension.ts may import src/vscode.'),
  emulator: into('emulator', 'Only src/vscode (the demo) may import src/emulator.'),
  cli: into('cli', 'Nothing imports src/cli.'),
  cdfBeyondModel: {
    regex: '/cdf(/(?!model(/|$))|$)',
    message: 'Only src/cdf/model of src/cdf may be imported here (the client and auth are reached through core/ports).',
  },
};
/** src/cdf/model is the API vocabulary: it imports nothing of ours outside itself. */
const OUT_OF_MODEL = { regex: '^\\.\\./', message: 'src/cdf/model imports nothing outside src/cdf/model.' };

/**
 * A folder of src/cdf and src/core (and src/app, src/emulator) is imported through its index.ts, its
 * public surface: code outside the folder never names a file inside it. Tests may (they test units).
 * One second entry point: cdf/auth/auth-method, the sign-in flows, a bundle of its own (esbuild.js).
 */
const MODULE_MESSAGE = 'Import the folder (its index.ts is the public surface), not a file inside it.';
const DEEP = [
  {
    regex:
      '/(cdf/(auth/(?!auth-method$)|client/|model/)|core/(browse|bulk|document|fields|ports|problems|records|save)/|app/|emulator/)',
    message: MODULE_MESSAGE,
  },
];
const DEEP_IN_CORE = {
  regex: '^\\.\\.?/(\\.\\./)*(browse|bulk|document|fields|ports|problems|records|save)/',
  message: MODULE_MESSAGE,
};
const DEEP_IN_CDF = { regex: '^\\.\\.?/(\\.\\./)*(auth/(?!auth-method$)|client/|model/)', message: MODULE_MESSAGE };

function layer(files, patterns) {
  return { files, rules: { 'no-restricted-imports': ['error', { patterns: [...patterns, ...DEEP] }] } };
}

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test-artifacts/**', '**/*.mjs', '**/*.cjs', 'esbuild.js'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-restricted-imports': 'off',
    },
  },
  // Layer directions (README, architecture): each layer lists what it must not reach. One entry per
  // file set, since a later entry for the same rule replaces an earlier one; the most specific last.
  layer(['src/cdf/**/*.ts'], [DEEP_IN_CDF, NOT_VSCODE, TO.core, TO.app, TO.vscode, TO.emulator, TO.cli]),
  layer(['src/cdf/model/**/*.ts'], [DEEP_IN_CDF, NOT_VSCODE, OUT_OF_MODEL]),
  layer(['src/core/**/*.ts'], [DEEP_IN_CORE, NOT_VSCODE, TO.cdfBeyondModel, TO.app, TO.vscode, TO.emulator, TO.cli]),
  layer(['src/emulator/**/*.ts'], [NOT_VSCODE, TO.cdfBeyondModel, TO.app, TO.vscode, TO.cli]),
  layer(['src/app/**/*.ts'], [NOT_VSCODE, TO.vscode, TO.emulator, TO.cli]),
  layer(['src/cli/**/*.ts'], [NOT_VSCODE, TO.vscode, TO.emulator]),
  layer(['src/vscode/**/*.ts', 'src/extension.ts'], []),
  {
    files: ['test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
    },
  },
);
