/**
 * One save for N records of any record kind (a single record is a selection of one): plan, read
 * fresh, merge, send. This folder's public surface: code outside core/save imports from here.
 */
export * from './match-selection-elements';
export * from './one-request';
export * from './plan-selection-save';
export * from './refusal-sentence';
export * from './save-record';
export * from './save-records';
export * from './save-selection';
export * from './save-types';
export * from './text-base';
export * from './kept-changing';
