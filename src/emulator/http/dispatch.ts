import { ApiError } from './api-error';
import { refusalOf, refusingOnError, type Admitted } from './admission';
import { errorBody, type Exchange } from './exchange';
import type { PipelineDeps } from './pipeline-deps';
import { bodyDecoder, parseJsonBody, readBody } from './read-body';
import { OwnWork } from './occupancy';
import { jsonBody, type Body } from './respond';

/** An admitted request's body: the bytes, and the parsed JSON unless the route takes raw bytes. */
export interface Received {
  rawBody: Buffer;
  body: unknown;
  /** The request's own work so far (parsing its body); the route adds its handling (occupancy.ts). */
  own: OwnWork;
}

/**
 * The route's own check and the body's declared encoding and length come before the client is asked
 * for the body (`100 Continue`); then it is read, decompressed and parsed. Throws a `Refusal`.
 */
export async function receiveBody(
  deps: PipelineDeps,
  ex: Exchange,
  { route, params }: Admitted,
  expectsContinue: boolean,
): Promise<Received> {
  refusingOnError(() => {
    route.precheck?.({ store: deps.store, params, links: deps.links });
    bodyDecoder(ex.req, deps.maxBodyBytes);
    if (expectsContinue) ex.res.writeContinue();
  });
  let rawBody: Buffer;
  try {
    rawBody = await readBody(ex.req, deps.maxBodyBytes);
  } catch (e) {
    throw refusalOf(e);
  }
  ex.bodyWasRead();
  const own = new OwnWork();
  const body = route.rawBody ? undefined : own.time(() => refusingOnError(() => parseJsonBody(rawBody)));
  ex.record.body = body;
  return { rawBody, body, own };
}

/** The handler's answer; its ApiError as CDF would give it, any other failure a 500. Its own work is timed. */
async function callHandler(deps: PipelineDeps, ex: Exchange, admitted: Admitted, received: Received): Promise<Body> {
  const { own } = received;
  try {
    const out = await own.time(() =>
      admitted.route.handle({
        store: deps.store,
        params: admitted.params,
        query: admitted.url.searchParams,
        body: received.body,
        rawBody: received.rawBody,
        headers: ex.req.headers,
        now: deps.now,
        links: deps.links,
      }),
    );
    const status = out.status ?? 200;
    return own.time(() =>
      out.raw ? { status, bytes: out.raw.body, contentType: out.raw.contentType } : jsonBody(status, out.json ?? {}),
    );
  } catch (e) {
    return own.time(() =>
      e instanceof ApiError
        ? errorBody(e)
        : jsonBody(500, { error: { code: 500, message: `Emulator error: ${(e as Error).message}` } }),
    );
  }
}

/**
 * Runs the route under the fault injection's decision for it: latency, a dropped connection, an error,
 * a slow body. Afterwards the route's occupancy (occupancy.ts) gets the latency drawn and the request's
 * own work; the slot it holds (admission.ts) is held at least that long.
 */
export async function runRoute(
  deps: PipelineDeps,
  ex: Exchange,
  admitted: Admitted,
  received: Received,
): Promise<void> {
  const fate = deps.faults.decide(ex.method, admitted.route.template);
  const { own } = received;
  try {
    await deps.timers.afterLatency(fate.latencyMs);
    if (fate.drop === 'before') return ex.drop();
    if (fate.errorStatus !== undefined) {
      ex.record.fault = 'error';
      const injected = new ApiError(fate.errorStatus, `Injected fault: the service answered ${fate.errorStatus}`);
      return await own.time(() => ex.answer(errorBody(injected)));
    }
    const result = await callHandler(deps, ex, admitted, received);
    if (fate.drop === 'after') return ex.drop();
    return await own.time(() => ex.answer(result, fate.slowBody));
  } finally {
    deps.occupancy.record(`${admitted.route.method} ${admitted.route.template}`, fate.latencyMs, own.ms);
  }
}
