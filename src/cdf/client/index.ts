export * from './cdf-client';
export * from './errors';
export * from './base-url';
export * from './retry-policy';
export * from './adaptive-concurrency';
export * from './lookup-models';
export * from './update/update-report';
export type { AttemptEvent } from './cdf-request';
export * from './connection';
