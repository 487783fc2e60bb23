/**
 * One save for N records (a single record is a selection of one): plan, read fresh, merge, send.
 * This folder's public surface: code outside core/save imports from here, never from a file inside.
 */
export * from './match-selection-elements';
export * from './one-request';
export * from './plan-selection-save';
export * from './refusal-sentence';
export * from './save-record';
export * from './save-records';
export * from './save-selection';
export * from './text-base';
export * from './kept-changing';
