/**
 * One problem vocabulary: typed codes, one factory, and problem shapes that differ only in where the
 * problem is (a JSON path of a document, a place in its text, an action's parameter, a pasted line, a
 * CSV row). This folder's public surface: code outside core/problems imports from here.
 */
export * from './codes';
export * from './locations';
export * from './shapes';
export * from './problem';
