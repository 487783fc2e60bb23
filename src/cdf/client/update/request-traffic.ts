/**
 * The requests of one bulk update as they go on the wire and come back: counts sends and throttling,
 * feeds the adaptive concurrency limit and the pacer, keeps a record of every attempt, and knows of
 * each request whether it is on the wire and whether it may have been applied.
 */
import type { UpdateAttemptRecord } from '../../model';
import type { AdaptiveConcurrency } from '../adaptive-concurrency';
import type { AttemptEvent } from '../cdf-request';
import type { RatePacer } from '../rate-pacer';
import type { RetryPolicy } from '../retry-policy';
import { errorText, type Unit } from './settle-refusal';
import type { UpdateLedger } from './update-ledger';

/** One request of a run, as its attempts go: on the wire, possibly applied, its current attempt record. */
export interface Wire {
  onTheWire: boolean;
  possiblyApplied: boolean;
  record: UpdateAttemptRecord | undefined;
  readonly onAttempt: (event: AttemptEvent) => void;
}

export class RequestTraffic {
  /** Every HTTP attempt, in the order sent. */
  readonly attempts: UpdateAttemptRecord[] = [];
  requestsSent = 0;
  throttled = 0;
  /** 429s since the last success, one per overload (epoch): how far to back off. */
  throttleStreak = 0;
  /** Requests sent and not answered yet. */
  private onTheWire = 0;

  constructor(
    private readonly limiter: AdaptiveConcurrency,
    private readonly pacer: RatePacer,
    private readonly ledger: UpdateLedger,
    private readonly policy: Pick<RetryPolicy, 'now'>,
    private readonly changed: () => void,
  ) {}

  watch(unit: Unit): Wire {
    let epoch = this.limiter.epoch;
    let sentAt = 0;
    const wire: Wire = {
      onTheWire: false,
      possiblyApplied: unit.possiblyApplied,
      record: undefined,
      onAttempt: (event) => {
        switch (event.type) {
          case 'sending':
            epoch = this.limiter.epoch;
            sentAt = this.policy.now();
            wire.onTheWire = true;
            this.onTheWire++;
            this.requestsSent++;
            this.ledger.sent(unit.indexes);
            wire.record = { itemIndexes: unit.indexes, attempt: event.attempt };
            this.attempts.push(wire.record);
            break;
          case 'answered':
            wire.onTheWire = false;
            this.onTheWire--;
            if (wire.record) Object.assign(wire.record, { status: event.status, requestId: event.requestId });
            this.learnFromAnswer(event.status, epoch, sentAt);
            if (event.status >= 500) wire.possiblyApplied = true;
            break;
          case 'noAnswer':
            wire.onTheWire = false;
            this.onTheWire--;
            wire.possiblyApplied = true;
            if (wire.record) wire.record.noAnswer = event.timedOut ? 'timed out' : errorText(event.error);
            break;
          case 'waiting':
            break;
        }
        this.changed();
      },
    };
    return wire;
  }

  /** The request was still on the wire when the run stopped waiting for it (cancelled). */
  abandoned(wire: Wire): void {
    this.onTheWire--;
    if (wire.record) wire.record.noAnswer = 'cancelled';
  }

  /** What an answer says of the throttling budget, for the concurrency limit and the pacer. */
  private learnFromAnswer(status: number, epoch: number, sentAt: number): void {
    if (status === 429 || status === 503) {
      if (status === 429) this.throttled++;
      if (epoch === this.limiter.epoch) this.throttleStreak++;
      // The requests still on the wire are what the budget admitted.
      this.limiter.onThrottled(epoch, this.onTheWire);
    } else if (status < 300) {
      // Only work that got through says the budget has room; a refusal (4xx) says nothing of it.
      this.throttleStreak = 0;
      this.limiter.onSuccess();
      this.pacer.onAdmitted(sentAt);
    }
  }
}
