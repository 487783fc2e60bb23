/**
 * The HTTP client of the CDF API: requests, retries, concurrency, errors, the update runner.
 * This folder's public surface: code outside cdf/client imports from here, never from a file inside.
 */
export * from './abortable-sleep';
export * from './adaptive-concurrency';
export * from './api-requests';
export * from './base-url';
export * from './cdf-client';
export * from './cdf-request';
export * from './chunk';
export * from './connection-config';
export * from './dms-errors';
export * from './dms-requests';
export * from './errors';
export * from './lookup-models';
export * from './lookup-requests';
export * from './merge-iterators';
export type { NodeToDelete } from './node-delete';
export * from './rate-pacer';
export * from './read-answer';
export * from './retry-policy';
export * from './transport';
export * from './update/update-report';
export * from './core-node-search';
