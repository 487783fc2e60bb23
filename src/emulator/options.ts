/** The emulator's public option and result types (re-exported by `index.ts`). */

export interface EmulatorOptions {
  /** 0 or undefined: a free port. The emulator always binds 127.0.0.1. */
  port?: number;
  /** Default 'demo'. */
  project?: string;
  /** Default 'demo': the accepted bearer token. */
  token?: string;
  /** Optional: accept other tokens too (e.g. JWTs from a local OpenID provider). */
  verifyToken?: (token: string) => boolean | Promise<boolean>;
  /** Demo file records to generate (default 500); 0 = an empty project (data sets, labels and assets stay). */
  files?: number;
  /** Demo data seed (default 1). */
  seed?: number;
  /**
   * Loaded at start if present, with its journal (`FILE.journal`) replayed. Every write is appended
   * to the journal before its request is answered, so a crash loses nothing acknowledged; the
   * journal is folded into this file (atomically: temp file and rename) when idle, when it grows,
   * and on close. It holds the generator settings and only what changed since (so a 1M-record demo
   * saves in milliseconds); when present, its `seed` and `files` win over the options.
   */
  stateFile?: string;
  /**
   * One emulator per state file: `FILE.lock` holds its owner's pid, and another live owner makes
   * `startEmulator` throw `StateFileInUseError` (a dead owner's lock is taken over). This long
   * (default 0) it first waits for another process to let go, e.g. a reloading window's old host.
   */
  stateLockWaitMs?: number;
  /** Per-token request rate and concurrency budgets; off by default. */
  throttle?: ThrottleOptions;
  /** Per-route latency, 5xx rate, dropped connections, slow bodies; off by default. */
  faults?: FaultOptions;
  /** Clock for createdTime / lastUpdatedTime / uploadedTime and link expiry (tests). */
  now?: () => number;
  /** How many requests `requests` keeps (oldest dropped first). Default 10,000; 0 records none. */
  maxRecordedRequests?: number;
  /**
   * Largest request body accepted, in bytes after decompression (default 64 MiB). Larger bodies,
   * and compressed ones that inflate past it, are answered 413.
   */
  maxRequestBodyBytes?: number;
  /**
   * Host names served besides the loopback ones (`127.0.0.1`, `localhost`, `[::1]`, with the port
   * listened on); `*` serves any Host. Other Host values are answered 421, which keeps a web page that
   * rebinds its own name to 127.0.0.1 (DNS rebinding) away from the demo's well-known token.
   */
  allowHosts?: string[];
  /** Called once per answered request (the CLI's `--log`). */
  onRequest?: (request: RecordedRequest) => void;
}

/**
 * CDF-like throttling: every token has its own budgets. A request over a budget is answered 429
 * with the API's error body and a `cdf-is-auto-retryable: true` header, and is not executed.
 */
export interface ThrottleOptions {
  /** Sustained requests per second per token (a token bucket refilled at this rate). */
  requestsPerSecond?: number;
  /** Requests that may arrive at once before the rate applies. Default: max(1, requestsPerSecond). */
  burst?: number;
  /** Requests per token in progress at once (from arrival until the answer is written). */
  concurrency?: number;
}

/** What to do to one route's requests. Rates are fractions in [0, 1]. */
export interface RouteFaults {
  /** Added before the answer. */
  latencyMs?: number;
  /** Plus a seeded uniform extra in [0, latencyJitterMs). */
  latencyJitterMs?: number;
  /** Fraction of requests answered `errorStatus` without running the handler. */
  errorRate?: number;
  /** Status of injected errors. Default 503. 429/502/503/504 carry `cdf-is-auto-retryable: true`. */
  errorStatus?: number;
  /** Fraction of requests whose socket is destroyed without any answer. */
  dropRate?: number;
  /**
   * Drop after the handler ran: the change is applied but the client never hears of it (the
   * ambiguous outcome a retrying client must survive). Default false: drop before handling.
   */
  dropAfterHandling?: boolean;
  /** The body is written in pieces spread over this many milliseconds. */
  slowBodyMs?: number;
  /** How many pieces a slow body is cut into. Default 8. */
  slowBodyChunks?: number;
}

/**
 * Faults per route. Keys: `'*'` (every route), a route template (`'/files/update'`, `'/files/{id}'`)
 * or method and template (`'POST /files'`). Settings merge from general to specific:
 * `'*'`, then the template, then method + template. Draws are deterministic: the n-th request to a
 * route gets the same fate under the same seed, whatever other routes do meanwhile.
 */
export interface FaultOptions {
  /** Default 1. */
  seed?: number;
  routes: Record<string, RouteFaults>;
}

export interface RecordedRequest {
  method: string;
  /** The URL path, e.g. `/api/v1/projects/demo/files/list`. */
  path: string;
  query: Record<string, string>;
  /**
   * The parsed JSON body; undefined when there was none, when it was not JSON, or when the request
   * was refused before its body was parsed (401, 403, 404, 429).
   */
  body: unknown;
  /** Request headers, lower-case; `authorization` is redacted to its scheme. */
  headers: Record<string, string>;
  /** The answer's status; 0 while in progress or when the connection was dropped. */
  status: number;
  requestId: string;
  /** When the request arrived (epoch ms, wall clock). */
  time: number;
  /** The route template that handled it, e.g. `POST /files/update`. */
  route?: string;
  /** Set when the emulator throttled it or injected a fault. */
  fault?: 'throttled' | 'error' | 'dropped';
}
