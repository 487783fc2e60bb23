import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RecordedRequest } from '../options';
import type { FileStore } from '../store/file-store';
import { ApiError, AUTO_RETRYABLE } from './api-error';
import type { ModelConcurrency } from '../dms/concurrency';
import type { ContentLinks } from './content-links';
import type { Faults } from './faults';
import { bodyDecoder, parseJsonBody, readBody } from './read-body';
import type { RequestRecorder } from './recorder';
import { decodePathSegment, parseRequestTarget } from './request-target';
import { jsonBody, writeBody, type Body, type Timers } from './respond';
import type { Router } from './route';
import type { Throttle } from './throttle';

export interface PipelineDeps {
  router: Router;
  store: FileStore;
  project: string;
  isAccepted: (token: string) => Promise<boolean>;
  now: () => number;
  throttle: Throttle;
  faults: Faults;
  recorder: RequestRecorder;
  links: ContentLinks;
  timers: Timers;
  /** Request body limit, after decompression. */
  maxBodyBytes: number;
  /** Throws an ApiError (421) for a Host the emulator does not serve (see `hostChecker`). */
  checkHost: (host: string | undefined) => void;
  /** The project's data modeling concurrency limits (routes with `concurrency`). */
  modelConcurrency?: ModelConcurrency;
}

const PROJECT_PREFIX = '/api/v1/projects/';

const errorBody = (e: ApiError): Body => {
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

function bearerToken(req: IncomingMessage): string | undefined {
  const header = req.headers.authorization;
  const match = header === undefined ? null : /^Bearer\s+(.+)$/i.exec(header.trim());
  return match?.[1]?.trim();
}

/**
 * The request pipeline: record → Host → authenticate → project → throttle → route → read and decompress the
 * body → injected faults → handler → answer. Nothing is read from a body before the request is known
 * to be allowed and routable. Every answer carries `x-request-id`.
 */
export function createRequestListener(
  deps: PipelineDeps,
): (req: IncomingMessage, res: ServerResponse, expectsContinue?: boolean) => void {
  return (req, res, expectsContinue = false) => {
    handle(deps, req, res, expectsContinue).catch((e: unknown) => {
      // Only reached on a bug in the pipeline itself; the socket must still be answered.
      if (!res.headersSent)
        void writeBody(res, jsonBody(500, { error: { code: 500, message: String(e) } }), deps.timers);
      else res.destroy();
    });
  };
}

/**
 * The server's `checkContinue` handler: a client that sent `Expect: 100-continue` is told to send its
 * body only once the request has passed every check that needs no body (Node would otherwise answer
 * `100 Continue` before the token is even looked at, inviting an unauthenticated upload).
 */
export function continueChecker(
  listener: ReturnType<typeof createRequestListener>,
): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => listener(req, res, true);
}

async function handle(
  deps: PipelineDeps,
  req: IncomingMessage,
  res: ServerResponse,
  expectsContinue: boolean,
): Promise<void> {
  const requestId = randomBytes(8).toString('hex');
  res.setHeader('x-request-id', requestId);
  const method = (req.method ?? 'GET').toUpperCase();
  const record: RecordedRequest = {
    method,
    path: req.url ?? '/',
    query: {},
    body: undefined,
    headers: redactedHeaders(req),
    status: 0,
    requestId,
    time: Date.now(),
  };
  deps.recorder.record(record);
  res.on('finish', () => {
    record.status = res.statusCode;
    deps.recorder.answered(record);
  });

  let release: (() => void) | undefined;
  let releaseModelSlot: (() => void) | undefined;
  res.on('close', () => {
    release?.();
    releaseModelSlot?.();
  });
  let bodyRead = false;
  const answer = (body: Body, slow?: { ms: number; chunks: number }) => {
    // A request answered before its body was read (refused) leaves that body unread: closing the
    // connection is what stops the server from receiving a large one after all.
    if (!bodyRead && mustCloseUnread(req)) res.setHeader('connection', 'close');
    return writeBody(res, body, deps.timers, slow);
  };
  const refuse = (e: unknown) => answer(errorBody(e instanceof ApiError ? e : new ApiError(400, String(e))));

  let url: URL;
  try {
    url = parseRequestTarget(req.url);
  } catch (e) {
    return refuse(e);
  }
  record.path = url.pathname;
  record.query = Object.fromEntries(url.searchParams);
  try {
    deps.checkHost(req.headers.host);
    // An absolute-form target names the host it is meant for too (and wins over Host).
    if (!(req.url ?? '/').startsWith('/')) deps.checkHost(url.host);
  } catch (e) {
    return refuse(e);
  }

  // Everything that can refuse a request without its body comes first: authentication, project,
  // throttling, routing, the route's own check, the body's declared encoding and length.
  const inProject = url.pathname.startsWith(PROJECT_PREFIX);
  let routePath = url.pathname;
  if (inProject) {
    const rest = url.pathname.slice(PROJECT_PREFIX.length);
    const slash = rest.indexOf('/');
    routePath = slash < 0 ? '/' : rest.slice(slash);
    const token = bearerToken(req);
    if (token === undefined || !(await deps.isAccepted(token))) {
      return answer(errorBody(new ApiError(401, 'Unauthorized')));
    }
    let project: string;
    try {
      project = decodePathSegment(slash < 0 ? rest : rest.slice(0, slash));
    } catch (e) {
      return refuse(e);
    }
    if (project !== deps.project) {
      return answer(
        errorBody(new ApiError(403, `Resource not found. This may also be due to insufficient access rights.`)),
      );
    }
    const admitted = deps.throttle.admit(token);
    if ('reason' in admitted) {
      record.fault = 'throttled';
      return answer(errorBody(new ApiError(429, admitted.message)));
    }
    release = admitted.release;
  }

  let matched: ReturnType<Router['match']>;
  try {
    matched = deps.router.match(inProject ? 'project' : 'content', method, routePath);
  } catch (e) {
    return refuse(e);
  }
  if (matched === undefined) return answer(errorBody(new ApiError(404, `Not found: ${method} ${url.pathname}`)));
  if (matched === 'method')
    return answer(errorBody(new ApiError(405, `Method ${method} is not allowed on ${url.pathname}`)));
  const { route, params } = matched;
  record.route = `${route.method} ${route.template}`;
  if (route.concurrency && deps.modelConcurrency) {
    const slot = deps.modelConcurrency.acquire(route.concurrency);
    if ('message' in slot) {
      record.fault = 'throttled';
      return answer(errorBody(new ApiError(429, slot.message)));
    }
    releaseModelSlot = slot.release;
  }

  let rawBody: Buffer;
  let body: unknown;
  try {
    route.precheck?.({ store: deps.store, params, links: deps.links });
    // The declared length and encoding are checked before the client is asked for the body.
    bodyDecoder(req, deps.maxBodyBytes);
    if (expectsContinue) res.writeContinue();
    rawBody = await readBody(req, deps.maxBodyBytes);
    bodyRead = true;
    body = route.rawBody ? undefined : parseJsonBody(rawBody);
    record.body = body;
  } catch (e) {
    return refuse(e);
  }

  const fate = deps.faults.decide(method, route.template);
  await deps.timers.sleep(fate.latencyMs);
  if (fate.drop === 'before') {
    record.fault = 'dropped';
    req.socket.destroy();
    return;
  }
  if (fate.errorStatus !== undefined) {
    record.fault = 'error';
    return answer(
      errorBody(new ApiError(fate.errorStatus, `Injected fault: the service answered ${fate.errorStatus}`)),
    );
  }

  let result: Body;
  try {
    const out = await route.handle({
      store: deps.store,
      params,
      query: url.searchParams,
      body,
      rawBody,
      headers: req.headers,
      now: deps.now,
      links: deps.links,
    });
    const status = out.status ?? 200;
    result = out.raw
      ? { status, bytes: out.raw.body, contentType: out.raw.contentType }
      : jsonBody(status, out.json ?? {});
  } catch (e) {
    result =
      e instanceof ApiError
        ? errorBody(e)
        : jsonBody(500, { error: { code: 500, message: `Emulator error: ${(e as Error).message}` } });
  }
  if (fate.drop === 'after') {
    record.fault = 'dropped';
    req.socket.destroy();
    return;
  }
  return answer(result, fate.slowBody);
}
