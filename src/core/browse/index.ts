/**
 * Browsing the project's records: directories, filter descriptions, icons, metadata filters.
 * This folder's public surface: code outside core/browse imports from here, never from a file inside.
 */
export * from './directories';
export * from './filter-description';
export * from './icons';
export * from './metadata-filter-text';
