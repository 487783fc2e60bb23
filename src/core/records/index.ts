/**
 * Record kinds: what the save, document and bulk pipelines know of a kind of record (its field table,
 * identity, version, wire update and document), and the classic file's, with the generic pipeline
 * bound to it. This folder's public surface: code outside core/records imports from here.
 */
export type * from './record-kind';
export * from './classic-file';
export * from './classic-document';
export * from './classic-ops';
export * from './cognite-file';
export * from './cognite-file-document';
export * from './cognite-file-record';
