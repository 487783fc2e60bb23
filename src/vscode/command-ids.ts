/** Every command id in one place, so package.json and code cannot drift (a unit test checks package.json). */
export const COMMANDS = {
  showLog: 'cdfFiles.showLog',
  openSchema: 'cdfFiles.openDocumentSchema',
  openDemo: 'cdfFiles.openDemo',
  disconnect: 'cdfFiles.disconnect',
  connect: 'cdfFiles.connect',
  addConnection: 'cdfFiles.addConnection',
  editConnection: 'cdfFiles.editConnection',
  removeConnection: 'cdfFiles.removeConnection',
  openFile: 'cdfFiles.openFile',
  openFileById: 'cdfFiles.openFileById',
  editSelectionAsJson: 'cdfFiles.editSelectionAsJson',
  copyId: 'cdfFiles.copyId',
  copyExternalId: 'cdfFiles.copyExternalId',
  refresh: 'cdfFiles.refresh',
  loadMore: 'cdfFiles.loadMore',
  groupBy: 'cdfFiles.groupBy',
  filter: 'cdfFiles.filter',
  search: 'cdfFiles.search',
  clearFilter: 'cdfFiles.clearFilter',
  previewUpdate: 'cdfFiles.previewUpdate',
  bulkEdit: 'cdfFiles.bulkEdit',
  bulkEditNodes: 'cdfFiles.bulkEditNodes',
  resumeBulk: 'cdfFiles.resumeBulk',
  undoBulk: 'cdfFiles.undoBulk',
  showBulkReport: 'cdfFiles.showBulkReport',
  exportFiles: 'cdfFiles.exportFiles',
  importCsv: 'cdfFiles.importCsv',
  openNode: 'cdfFiles.openNode',
  openLinkedRecord: 'cdfFiles.openLinkedRecord',
  filterNodes: 'cdfFiles.filterNodes',
  searchNodes: 'cdfFiles.searchNodes',
  groupNodesBy: 'cdfFiles.groupNodesBy',
} as const;
export type CommandId = (typeof COMMANDS)[keyof typeof COMMANDS];

export const VIEWS = {
  container: 'cdfFiles',
  files: 'cdfFiles.files',
} as const;

/** Context keys (for `when` clauses in package.json). */
export const CONTEXT = {
  connected: 'cdfFiles.connected',
  filtered: 'cdfFiles.filtered',
} as const;

export const FILE_SCHEME = 'cdf-record';
