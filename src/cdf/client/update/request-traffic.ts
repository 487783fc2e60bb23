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
  /** Set by a 429: the epoch it was sent in and our requests still on the wire when it came back. */
  throttled?: { epoch: number; stillOnTheWire: number };
  /** Answered 2xx and being read: no longer in progress at the server. */
  reading?: boolean;
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
  /**
   * Requests answered 2xx whose answers are still being read and checked: their slot at the server
   * is free, so the next request need not wait for the client's parsing (1000 records a request).
   */
  reading = 0;
  private bell: { promise: Promise<void>; ring: () => void } | undefined;

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
            this.learnFromAnswer(wire, event.status, epoch, sentAt);
            if (event.status >= 500) wire.possiblyApplied = true;
            if (event.status < 300) {
              wire.reading = true;
              this.reading++;
              this.ringBell();
            }
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

  /** Resolves at the next 2xx answer: a slot at the server came free before its answer is read. */
  nextAnswer(): Promise<void> {
    if (!this.bell) {
      let ring = (): void => undefined;
      const promise = new Promise<void>((resolve) => (ring = resolve));
      this.bell = { promise, ring };
    }
    return this.bell.promise;
  }

  /** The request's answer has been read (or it ended otherwise). */
  finished(wire: Wire): void {
    if (wire.reading) this.reading--;
    wire.reading = false;
  }

  private ringBell(): void {
    const bell = this.bell;
    this.bell = undefined;
    bell?.ring();
  }

  /** The request was still on the wire when the run stopped waiting for it (cancelled). */
  abandoned(wire: Wire): void {
    this.onTheWire--;
    if (wire.record) wire.record.noAnswer = 'cancelled';
  }

  /**
   * A 429 said which budget it was: the concurrency budget lowers the limit to the requests still on
   * the wire when it came (what the budget admitted). The rate budget says nothing of how many may
   * be in progress, and the pacer handles it: lowering the limit to the few on the wire then would
   * leave a rate-bound job sending one request at a time. Unsaid: treated as concurrency.
   */
  learnThrottleCause(wire: Wire, cause: 'rate' | 'concurrency' | 'unknown'): { streak: number; fresh: boolean } {
    const throttled = wire.throttled;
    wire.throttled = undefined;
    // Fresh: sent after the last overload was noticed, so this one is news, not the rest of a crowd.
    const fresh = throttled !== undefined && throttled.epoch === this.limiter.epoch;
    if (fresh) this.throttleStreak++;
    if (throttled && cause === 'rate') this.limiter.onRateLimited(throttled.epoch);
    else if (throttled) this.limiter.onThrottled(throttled.epoch, throttled.stillOnTheWire);
    return { streak: this.throttleStreak, fresh };
  }

  /** What an answer says of the throttling budget, for the concurrency limit and the pacer. */
  private learnFromAnswer(wire: Wire, status: number, epoch: number, sentAt: number): void {
    if (status === 429) {
      // The answer's body says which budget; the runner reads it and calls learnThrottleCause.
      this.throttled++;
      this.pacer.onRefused(sentAt);
      wire.throttled = { epoch, stillOnTheWire: this.onTheWire };
    } else if (status === 503) {
      // An overloaded service: the requests still on the wire are what it admitted.
      if (epoch === this.limiter.epoch) this.throttleStreak++;
      this.limiter.onThrottled(epoch, this.onTheWire);
    } else if (status < 300) {
      // Only work that got through says the budget has room; a refusal (4xx) says nothing of it.
      this.throttleStreak = 0;
      this.limiter.onSuccess();
      this.pacer.onAdmitted(sentAt);
    }
  }
}
