/**
 * The CDF API vocabulary: zod models of file records and updates, limits, the classic file's field table.
 * This folder's public surface: code outside cdf/model imports from here, never from a file inside.
 */
export * from './limits';
export * from './primitives';
export * from './fields';
export * from './file-record';
export * from './file-update';
export * from './file-filter';
export * from './api-error';
export * from './update-report';
export * from './dms-primitives';
export * from './iso-timestamp';
export * from './cognite-file-fields';
export * from './cognite-file';
export * from './instance-filter';
export * from './instance-requests';
export * from './cognite-file-fast';
export * from './json-copy';
