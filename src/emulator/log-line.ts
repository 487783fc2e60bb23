import type { RecordedRequest } from './options';

/** The credential part of a content URL: upload and download links need no bearer token, the path is the secret. */
const CONTENT_TOKEN = /^(\/files-content\/(?:upload|download)\/)[^/?#]+/;

/** A request's path for a log: content-link tokens masked, since whoever reads the log could use them. */
export const loggablePath = (path: string): string => path.replace(CONTENT_TOKEN, '$1***');

/** The CLI's `--log` line for one answered request. */
export const requestLogLine = (r: RecordedRequest): string =>
  `${new Date(r.time).toISOString()} ${r.method} ${loggablePath(r.path)} ${r.status}${r.fault ? ` (${r.fault})` : ''}`;
