import { badRequest } from './api-error';

/**
 * The request target as a URL. Node hands over whatever the client wrote after the method, which
 * may be an absolute URL (proxy form) or garbage: anything that is not a URL is a 400, not a crash.
 * An origin-form target (`/a/b?c`) is taken as the path it is, so `//x/y` stays a path and never
 * becomes a host.
 */
export function parseRequestTarget(target: string | undefined): URL {
  const raw = target ?? '/';
  try {
    return raw.startsWith('/') ? new URL(`http://127.0.0.1${raw}`) : new URL(raw);
  } catch {
    throw badRequest('Invalid request: the request target is not a valid URL');
  }
}

/**
 * One path segment, percent-decoded. A malformed escape (`%E0%A4%A`, a lone `%`, bytes that are
 * not UTF-8) is the client's mistake, so it is a 400 naming the segment, never a 500.
 */
export function decodePathSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw badRequest(`Invalid request: malformed percent-encoding in the URL path segment ${JSON.stringify(segment)}`);
  }
}
