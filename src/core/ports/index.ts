export type * from './files-api';
export * from './errors';
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
