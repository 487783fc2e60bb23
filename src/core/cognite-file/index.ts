/**
 * The CogniteFile node as the generic bulk pipeline sees it: its bulk rules (identity, value checks,
 * the fields CDF sets, the upsert item check) and how a pasted list of `space:externalId` is read.
 * This folder's public surface: code outside core/cognite-file imports from here.
 */
export * from './bulk-kind';
export * from './node-targets-text';
export * from './csv-identity';
