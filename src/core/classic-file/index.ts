/**
 * The classic CDF file (`/files`) as the generic pipelines see it: its bulk rules (identity, title,
 * the fields a data-modelling link forbids, the item check) and its field value checks.
 * This folder's public surface: code outside core/classic-file imports from here.
 */
export * from './bulk-kind';
export * from './field-checks';
export * from './targets-text';
export * from './view-target';
export * from './csv-identity';
