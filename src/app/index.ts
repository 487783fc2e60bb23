/**
 * Composition: serves core's ports with the CDF client, and turns any failure into words.
 * This folder's public surface: code outside src/app imports from here, never from a file inside.
 */
export * from './describe-failure';
export * from './describe-save-results';
export * from './classic-records-api';
export * from './files-api-adapter';
export * from './connection-probe';
export * from './classic-bulk-source';
export * from './cognite-file-records-api';
export * from './cognite-file-bulk-source';
export * from './node-update-many';
export * from './nodes-browse';
