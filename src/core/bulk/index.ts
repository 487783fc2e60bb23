/**
 * Bulk actions over file records, pure: operations and their validation, per-record and per-page
 * planning, previews, undo, target lists, CSV / JSON Lines export and CSV import. The editor layer
 * drives these (wizard, progress, execution); nothing here does I/O.
 */
export * from './operations';
export * from './problem';
export * from './parameters';
export * from './field-input';
export * from './validate-operation';
export { compileAction, InvalidActionError, type CompiledAction, type CompileResult } from './compile-action';
export { planRecord, planTransition, nothingToChange, type RecordPlan } from './plan-record';
export * from './plan-batch';
export * from './preview';
export { describeOperation } from './describe-operation';
export * from './undo';
export { actionAfterImage } from './action-image';
export * from './targets-text';
export * from './csv';
export { neutraliseCsvText, restoreCsvText } from './csv-injection';
export * from './export';
export * from './import-csv';
export { moveDirectory, normalizeDirectory } from './directory-move';
