/**
 * Browsing the project's records: directories, filter descriptions, icons, metadata filters, and
 * whether a record fits a filter.
 * This folder's public surface: code outside core/browse imports from here, never from a file inside.
 */
export * from './directories';
export * from './filter-description';
export * from './icons';
export * from './metadata-filter-text';
export * from './record-fits-filter';
export * from './node-filter';
export * from './filter-problem';
export * from './find-file';
export * from './search-text-problem';
