/**
 * Bulk jobs: targets, pages, job plans, history, saved actions, export/import jobs, job texts.
 * This folder's public surface: code outside core/bulk-job imports from here, never from a file inside.
 */
export * from './bulk-target';
export * from './target-pages';
export * from './plan-job';
export * from './plan-import';
export * from './export-job';
export * from './bulk-history';
export * from './bulk-jobs';
export * from './action-store';
export * from './job-text';
export * from './job-report';
export * from './project-identity';
export * from './saved-action';
export * from './undo-job';
export * from './view-target';
export * from './preview-document';
export * from './resume-refusal';
