import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RecordedRequest } from '../options';
import { type ApiError, AUTO_RETRYABLE } from './api-error';
import type { PipelineDeps } from './pipeline-deps';
import { jsonBody, writeBody, type Body } from './respond';

/** The answer CDF gives for an error, with its auto-retry hint. */
export const errorBody = (e: ApiError): Body => {
  const headers: Record<string, string> = { ...e.extras.headers };
  if (AUTO_RETRYABLE.has(e.status)) headers['cdf-is-auto-retryable'] = 'true';
  return jsonBody(e.status, e.body(), headers);
};

function redactedHeaders(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers)) {
    if (v === undefined) continue;
    out[k] = Array.isArray(v) ? v.join(', ') : v;
  }
  if (out.authorization) out.authorization = out.authorization.split(' ')[0] ?? '';
  return out;
}

/**
 * A refused request's unread body up to this size is received and dropped after the answer (Node
 * does that on a kept-alive connection), so a client's next request reuses the connection; a larger
 * or unannounced (chunked) one is never received: the connection is closed instead.
 */
const DISCARDABLE_BODY_BYTES = 1024 * 1024;

const mustCloseUnread = (req: IncomingMessage): boolean =>
  req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) > DISCARDABLE_BODY_BYTES;

/**
 * One request and its answer: its id (sent as `x-request-id`), what the recorder keeps of it, the
 * slots it holds until the connection closes, and how it is answered or dropped.
 */
export class Exchange {
  readonly method: string;
  readonly record: RecordedRequest;
  private readonly slots: (() => void)[] = [];
  private bodyRead = false;
  /** The connection closed: a slot taken from now on is given back at once (see holdUntilClosed). */
  private closed = false;

  constructor(
    readonly req: IncomingMessage,
    readonly res: ServerResponse,
    private readonly deps: Pick<PipelineDeps, 'recorder' | 'timers'>,
  ) {
    const requestId = randomBytes(8).toString('hex');
    res.setHeader('x-request-id', requestId);
    this.method = (req.method ?? 'GET').toUpperCase();
    this.record = {
      method: this.method,
      path: req.url ?? '/',
      query: {},
      body: undefined,
      headers: redactedHeaders(req),
      status: 0,
      requestId,
      time: Date.now(),
    };
    deps.recorder.record(this.record);
    res.on('finish', () => {
      this.record.status = res.statusCode;
      deps.recorder.answered(this.record);
    });
    res.on('close', () => {
      this.closed = true;
      this.slots.splice(0).forEach((release) => release());
    });
  }

  /**
   * A throttle or concurrency slot, given back when the connection closes (answered or not). A slot
   * taken after the close (the client gave up while an async check, such as its token's, ran) would
   * never see that event: it is given back at once.
   */
  holdUntilClosed(release: () => void): void {
    if (this.closed) release();
    else this.slots.push(release);
  }

  bodyWasRead(): void {
    this.bodyRead = true;
  }

  answer(body: Body, slow?: { ms: number; chunks: number }): Promise<void> {
    // A request answered before its body was read (refused) leaves that body unread: closing the
    // connection is what stops the server from receiving a large one after all.
    if (!this.bodyRead && mustCloseUnread(this.req)) this.res.setHeader('connection', 'close');
    return writeBody(this.res, body, this.deps.timers, slow);
  }

  /** An injected dropped connection: no answer at all. */
  drop(): void {
    this.record.fault = 'dropped';
    this.req.socket.destroy();
  }
}
