import type { RecordedRequest } from '../options';

/** Keeps the last `max` requests (tests read them; a long demo session must not grow forever). */
export class RequestRecorder {
  readonly requests: RecordedRequest[] = [];

  constructor(
    private readonly max: number,
    private readonly onAnswered?: (request: RecordedRequest) => void,
  ) {}

  record(request: RecordedRequest): void {
    if (this.max <= 0) return;
    this.requests.push(request);
    if (this.requests.length > this.max) this.requests.splice(0, this.requests.length - this.max);
  }

  answered(request: RecordedRequest): void {
    this.onAnswered?.(request);
  }

  clear(): void {
    this.requests.length = 0;
  }
}
