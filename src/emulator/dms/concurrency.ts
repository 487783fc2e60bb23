import type { ModelLimits } from './statistics';

/** Which of the project's data modeling concurrency limits a route counts against. */
export type ConcurrencyClass = 'read' | 'write' | 'delete';

const LIMIT_OF: Record<ConcurrencyClass, keyof ModelLimits> = {
  read: 'concurrentReadLimit',
  write: 'concurrentWriteLimit',
  delete: 'concurrentDeleteLimit',
};

/**
 * The project-wide concurrent read, write and delete limits that `GET /models/statistics` reports,
 * enforced: a request over its class's limit is answered 429 (retryable) instead of being run. A
 * request holds its slot from routing until its answer is written, so injected latency makes
 * requests overlap as they do against CDF.
 */
export class ModelConcurrency {
  private readonly inFlight: Record<ConcurrencyClass, number> = { read: 0, write: 0, delete: 0 };

  constructor(private readonly limits: () => ModelLimits) {}

  /** A release function, or a refusal message. */
  acquire(kind: ConcurrencyClass): { release: () => void } | { message: string } {
    const limit = this.limits()[LIMIT_OF[kind]];
    if (this.inFlight[kind] >= limit)
      return {
        message: `Too many concurrent data modeling ${kind} requests: the project allows ${limit} at a time. Please try again later.`,
      };
    this.inFlight[kind] += 1;
    let released = false;
    return {
      release: () => {
        if (released) return;
        released = true;
        this.inFlight[kind] -= 1;
      },
    };
  }
}
