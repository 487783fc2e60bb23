/**
 * The operations core needs from an API, with their per-item report types; src/app serves them.
 * This folder's public surface: code outside core/ports imports from here, never from a file inside.
 */
export type * from './files-api';
export type * from './records-api';
export * from './errors';
export * from './reference-errors';
export type {
  AppliedOutcome,
  FailedOutcome,
  FailureReason,
  ItemFailure,
  ItemOutcome,
  NotSentOutcome,
  UnknownOutcome,
  UpdateOptions,
  UpdateProgress,
  UpdateReport,
} from '../../cdf/model';
