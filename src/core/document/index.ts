export * from './types';
export * from './render';
export * from './parse';
export { validateDocument, formatPath } from './validate';
