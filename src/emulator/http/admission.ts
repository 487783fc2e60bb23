import type { IncomingMessage } from 'node:http';
import { ApiError } from './api-error';
import type { Exchange } from './exchange';
import type { PipelineDeps } from './pipeline-deps';
import { decodePathSegment, parseRequestTarget } from './request-target';
import type { Route } from './route';

/** A request turned away before its handler ran: it is answered with `error`. */
export class Refusal extends Error {
  constructor(readonly error: ApiError) {
    super(error.message);
  }
}

/** A failure that is the client's: an `ApiError` as it is, anything else a 400. */
export const refusalOf = (e: unknown): Refusal => new Refusal(e instanceof ApiError ? e : new ApiError(400, String(e)));

/** Runs a check whose every failure is the client's (see `refusalOf`). */
export function refusingOnError<T>(check: () => T): T {
  try {
    return check();
  } catch (e) {
    throw refusalOf(e);
  }
}

/** A request that passed every check that needs no body: the route to run. */
export interface Admitted {
  url: URL;
  route: Route;
  params: Record<string, string>;
}

const PROJECT_PREFIX = '/api/v1/projects/';

function bearerToken(req: IncomingMessage): string | undefined {
  const header = req.headers.authorization;
  const match = header === undefined ? null : /^Bearer\s+(.+)$/i.exec(header.trim());
  return match?.[1]?.trim();
}

function checkHosts(deps: PipelineDeps, req: IncomingMessage, url: URL): void {
  deps.checkHost(req.headers.host);
  // An absolute-form target names the host it is meant for too (and wins over Host).
  if (!(req.url ?? '/').startsWith('/')) deps.checkHost(url.host);
}

/** Authentication, project and throttling of a project request; returns the path within the project. */
async function admitToProject(deps: PipelineDeps, ex: Exchange, pathname: string): Promise<string> {
  const rest = pathname.slice(PROJECT_PREFIX.length);
  const slash = rest.indexOf('/');
  const token = bearerToken(ex.req);
  if (token === undefined || !(await deps.isAccepted(token))) throw new Refusal(new ApiError(401, 'Unauthorized'));
  const project = refusingOnError(() => decodePathSegment(slash < 0 ? rest : rest.slice(0, slash)));
  if (project !== deps.project)
    throw new Refusal(new ApiError(403, `Resource not found. This may also be due to insufficient access rights.`));
  const admitted = deps.throttle.admit(token);
  if ('reason' in admitted) {
    ex.record.fault = 'throttled';
    throw new Refusal(new ApiError(429, admitted.message));
  }
  ex.holdUntilClosed(admitted.release);
  return slash < 0 ? '/' : rest.slice(slash);
}

/** The route for the request, holding a data modeling concurrency slot if the route counts against one. */
function matchRoute(deps: PipelineDeps, ex: Exchange, inProject: boolean, routePath: string, url: URL): Admitted {
  const { method } = ex;
  const matched = refusingOnError(() => deps.router.match(inProject ? 'project' : 'content', method, routePath));
  if (matched === undefined) throw new Refusal(new ApiError(404, `Not found: ${method} ${url.pathname}`));
  if (matched === 'method') throw new Refusal(new ApiError(405, `Method ${method} is not allowed on ${url.pathname}`));
  const { route, params } = matched;
  ex.record.route = `${route.method} ${route.template}`;
  if (route.concurrency && deps.modelConcurrency) {
    const slot = deps.modelConcurrency.acquire(route.concurrency);
    if ('message' in slot) {
      ex.record.fault = 'throttled';
      throw new Refusal(new ApiError(429, slot.message));
    }
    ex.holdUntilClosed(slot.release);
  }
  return { url, route, params };
}

/**
 * Everything that can refuse a request without its body, in order: the target, Host, authentication,
 * project, throttling, routing. Throws a `Refusal` for the first that fails.
 */
export async function admit(deps: PipelineDeps, ex: Exchange): Promise<Admitted> {
  const url = refusingOnError(() => parseRequestTarget(ex.req.url));
  ex.record.path = url.pathname;
  ex.record.query = Object.fromEntries(url.searchParams);
  refusingOnError(() => checkHosts(deps, ex.req, url));
  const inProject = url.pathname.startsWith(PROJECT_PREFIX);
  const routePath = inProject ? await admitToProject(deps, ex, url.pathname) : url.pathname;
  return matchRoute(deps, ex, inProject, routePath, url);
}
