/**
 * The JSON document a user edits: render, parse, validate, place problems, references.
 * This folder's public surface: code outside core/document imports from here, never from a file inside.
 */
export * from './document-schema';
export * from './issue-nouns';
export * from './issue-problems';
export * from './messages';
export * from './parse';
export * from './place-problems';
export * from './value-words';
export * from './references';
export * from './render';
export * from './syntax-message';
export * from './validate';
