export * from './bulk-api';
export * from './target-pages';
export * from './plan-job';
export * from './bulk-history';
export * from './job-report';
