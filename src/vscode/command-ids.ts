/** Every command id in one place, so package.json and code cannot drift (a unit test checks package.json). */
export const COMMANDS = {
  showLog: 'cdfFiles.showLog',
  openSchema: 'cdfFiles.openDocumentSchema',
} as const;
export type CommandId = (typeof COMMANDS)[keyof typeof COMMANDS];

export const VIEWS = {
  container: 'cdfFiles',
  files: 'cdfFiles.files',
} as const;

export const FILE_SCHEME = 'cdf-file';
