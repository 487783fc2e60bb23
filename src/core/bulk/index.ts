/**
 * Bulk actions over file records, pure (the editor layer drives them; nothing here does I/O):
 * - operations/: what an action does: its operations and parameters, validation, compiling, per-record
 *   and per-page planning, undo images;
 * - job/: running one over a target: target lists and pages, the job loop, history, the kept action,
 *   resume and undo jobs, export and import jobs;
 * - csv/: CSV and JSON Lines export, CSV import;
 * - texts/: the words a user reads about an action: its description, preview, report.
 * This folder's public surface: code outside core/bulk imports from here, never from a file inside.
 */
export * from './bulk-kind';
export * from './operations/operations';
export { schemaMessage } from './operations/schema-message';
export * from './operations/parameters';
export * from './operations/field-input';
export * from './operations/validate-operation';
export { textFields } from './operations/validate-text-replace';
export {
  compileAction,
  InvalidActionError,
  type CompiledAction,
  type CompileResult,
} from './operations/compile-action';
export {
  planRecord,
  planTransition,
  nothingToChange,
  type RecordPlan,
  type ChangePlan,
  type RefusedPlan,
} from './operations/plan-record';
export * from './operations/plan-batch';
export * from './operations/undo';
export { actionAfterImage, AfterImages } from './operations/action-image';
export { moveDirectory, normalizeDirectory } from './operations/directory-move';
export * from './job/bulk-target';
export * from './job/bulk-source';
export * from './job/target-pages';
export * from './job/plan-job';
export * from './job/plan-import';
export * from './job/export-job';
export * from './job/bulk-history';
export * from './job/bulk-jobs';
export { asKept } from './job/kept-action';
export * from './job/action-store';
export * from './job/project-identity';
export * from './job/saved-action';
export { savedActionText } from './job/saved-action-text';
export { savedActionBytes } from './job/first-save';
export * from './job/undo-job';
export * from './job/resume-refusal';
export * from './job/send-job';
export { CONFLICT_ROUNDS } from './job/resend-conflicts';
export * from './csv/csv';
export { neutraliseCsvText, restoreCsvText } from './csv/csv-injection';
export * from './csv/export';
export * from './csv/import-csv';
export type { CsvIdentity, ReportAt } from './csv/csv-identity';
export * from './texts/preview';
export { describeOperation } from './texts/describe-operation';
export * from './texts/job-text';
export * from './texts/job-report';
export * from './texts/preview-document';
