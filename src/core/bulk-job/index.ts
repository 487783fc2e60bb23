export * from './bulk-api';
export * from './target-pages';
export * from './plan-job';
export * from './bulk-history';
export * from './job-report';
export * from './project-identity';
export * from './saved-action';
export * from './undo-job';
