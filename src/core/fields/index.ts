/**
 * Field kinds (text, time, id, id set, labels, key-value map, geometry): each owns equality, diff,
 * apply, three-way merge, undo restore and description; a record kind is a table of fields.
 * This folder's public surface: code outside core/fields imports from here, never from a file inside.
 */
export * from './describe-text';
export * from './element-set';
export * from './equality';
export * from './geometry';
export * from './id-set';
export * from './id';
export * from './input';
export * from './key-value-map';
export * from './kind';
export * from './labels';
export * from './own-keys';
export * from './patch';
export * from './record-kind';
export * from './registry';
export * from './scalar';
export * from './text';
export * from './time';
export * from './timestamp';
export * from './direct-relation';
export * from './direct-relation-list';
export * from './text-list';
