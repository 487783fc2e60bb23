import type { IncomingHttpHeaders } from 'node:http';
import type { FileStore } from '../store/file-store';
import type { ConcurrencyClass } from '../dms/concurrency';
import type { ContentLinks } from './content-links';
import { decodePathSegment } from './request-target';

export interface RouteContext {
  store: FileStore;
  /** Path parameters, e.g. `{ id: '123' }` for `/files/{id}`. */
  params: Record<string, string>;
  query: URLSearchParams;
  /** The parsed JSON body (undefined when empty). Raw-body routes read `rawBody`. */
  body: unknown;
  rawBody: Buffer;
  headers: IncomingHttpHeaders;
  now: () => number;
  links: ContentLinks;
}

export interface RouteResult {
  status?: number;
  /** A JSON answer... */
  json?: unknown;
  /** ...or raw bytes (file downloads). */
  raw?: { body: Buffer; contentType: string };
}

export interface Route {
  method: 'GET' | 'POST' | 'PUT';
  /**
   * For `scope: 'project'`, relative to `/api/v1/projects/{project}` (e.g. `/files/{id}`); for
   * `scope: 'content'`, an absolute path (the upload and download URLs the API hands out).
   */
  template: string;
  scope: 'project' | 'content';
  /** Raw-body routes (uploads) get the bytes; all others get parsed JSON. */
  rawBody?: boolean;
  /** Data modeling routes count against the project's concurrent read/write/delete limit. */
  concurrency?: ConcurrencyClass;
  /**
   * Runs before the body is read and may throw an `ApiError`: a route whose URL is its credential
   * (an upload link) refuses an unknown one without accepting a single byte of the upload.
   */
  precheck?(ctx: Pick<RouteContext, 'store' | 'params' | 'links'>): void;
  handle(ctx: RouteContext): RouteResult | Promise<RouteResult>;
}

/** `/files/{id}` matches `/files/123` with `{ id: '123' }`. Literal segments win over parameters. */
export class Router {
  private readonly routes: { route: Route; segments: string[] }[] = [];

  constructor(routes: readonly Route[]) {
    for (const route of routes) this.routes.push({ route, segments: split(route.template) });
    // Literal templates first, so `/files/list` is never taken for `/files/{id}`.
    this.routes.sort((a, b) => paramCount(a.segments) - paramCount(b.segments));
  }

  /**
   * The route for this method and path, `'method'` when only the method is wrong, or undefined.
   * Throws a 400 `ApiError` when a parameter segment has a malformed percent-encoding.
   */
  match(
    scope: Route['scope'],
    method: string,
    path: string,
  ): { route: Route; params: Record<string, string> } | 'method' | undefined {
    const parts = split(path);
    let pathMatched = false;
    for (const { route, segments } of this.routes) {
      if (route.scope !== scope) continue;
      const params = matchSegments(segments, parts);
      if (!params) continue;
      if (route.method === method) return { route, params };
      pathMatched = true;
    }
    return pathMatched ? 'method' : undefined;
  }
}

const split = (path: string): string[] => path.split('/').filter((s) => s !== '');
const paramCount = (segments: string[]): number => segments.filter((s) => s.startsWith('{')).length;

function matchSegments(template: string[], parts: string[]): Record<string, string> | undefined {
  if (template.length !== parts.length) return undefined;
  const isParam = (t: string) => t.startsWith('{') && t.endsWith('}');
  // Literals first: only a route that matches is allowed to complain about its parameters' encoding.
  if (template.some((t, i) => !isParam(t) && t !== parts[i])) return undefined;
  const params: Record<string, string> = {};
  template.forEach((t, i) => {
    if (isParam(t)) params[t.slice(1, -1)] = decodePathSegment(parts[i] as string);
  });
  return params;
}
