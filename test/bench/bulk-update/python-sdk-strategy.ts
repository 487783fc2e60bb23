/**
 * The Python SDK's bulk update strategy, reimplemented in TypeScript for a benchmark (it is not the
 * Python SDK). Sources: cognite-sdk-python v8 (`_basic_api_client.py`, `utils/_concurrency.py`, `config.py`):
 * - chunks of 1000 (`_UPDATE_LIMIT`); every chunk is a task, and the `files.write` semaphore
 *   (`FileConcurrencyConfig.write = 2`) lets 2 requests be on the wire at once; a task waiting out
 *   a backoff does not hold the semaphore (it is taken around the request only);
 * - retry on 429/502/503/504 or a `cdf-is-auto-retryable` header, at most 10 retries
 *   (`max_retries`); network failures at most 3 (`max_retries_connect`); read timeouts at most 10;
 * - full-jitter backoff `uniform(0, min(0.5 * 2^n, 60))` seconds, where n counts the failed
 *   attempts so far, the one just failed included (`RetryTracker.get_backoff_time`);
 * - JSON bodies gzip-compressed; headers `cdf-version: 20230101` and `x-cdp-sdk`;
 * - all chunks run even when one fails; items of a chunk answered 4xx are `failed`, of a chunk with
 *   a 5xx or no answer `unknown` (`execute_tasks`, `raise_api_error`).
 */
import { gzipSync } from 'node:zlib';
import type { FileUpdateItem } from '../../../src/cdf/model';

export interface PythonStrategyOptions {
  apiBase: string;
  token: string;
  concurrency?: number;
  chunkSize?: number;
  maxRetries?: number;
  maxRetriesConnect?: number;
  backoffFactorSeconds?: number;
  maxBackoffSeconds?: number;
  /** Per-attempt timeout (the Python SDK's default `timeout` is 30 s). */
  timeoutMs?: number;
  random?: () => number;
}

export interface PythonStrategyReport {
  applied: number;
  failed: number;
  unknown: number;
  requestsSent: number;
  throttled: number;
  retries: number;
}

const RETRY_STATUSES = new Set([429, 502, 503, 504]);

/** An asyncio.BoundedSemaphore: at most `size` holders; waiters served in arrival order. */
class Semaphore {
  private free: number;
  private readonly queue: (() => void)[] = [];
  constructor(size: number) {
    this.free = size;
  }
  async acquire(): Promise<void> {
    if (this.free > 0) {
      this.free--;
      return;
    }
    await new Promise<void>((resolve) => this.queue.push(resolve));
  }
  release(): void {
    const next = this.queue.shift();
    if (next) next();
    else this.free++;
  }
}

type Attempt = { kind: 'answer'; status: number; autoRetryable: boolean } | { kind: 'timeout' } | { kind: 'network' };

export async function updateLikePythonSdk(
  items: readonly FileUpdateItem[],
  options: PythonStrategyOptions,
): Promise<PythonStrategyReport> {
  const settings = {
    concurrency: options.concurrency ?? 2,
    chunkSize: options.chunkSize ?? 1000,
    maxRetries: options.maxRetries ?? 10,
    maxRetriesConnect: options.maxRetriesConnect ?? 3,
    backoffFactorSeconds: options.backoffFactorSeconds ?? 0.5,
    maxBackoffSeconds: options.maxBackoffSeconds ?? 60,
    timeoutMs: options.timeoutMs ?? 30_000,
    random: options.random ?? Math.random,
  };
  const semaphore = new Semaphore(settings.concurrency);
  const report: PythonStrategyReport = { applied: 0, failed: 0, unknown: 0, requestsSent: 0, throttled: 0, retries: 0 };

  const send = async (body: Uint8Array<ArrayBuffer>): Promise<Attempt> => {
    await semaphore.acquire();
    report.requestsSent++;
    try {
      const response = await fetch(`${options.apiBase}/files/update`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${options.token}`,
          'content-type': 'application/json',
          'content-encoding': 'gzip',
          accept: 'application/json',
          'cdf-version': '20230101',
          'x-cdp-sdk': 'CognitePythonSDK:8.13.0 (strategy reimplemented in TS for a benchmark)',
          'x-cdp-app': 'cdf-files-bench-python-strategy',
        },
        body,
        signal: AbortSignal.timeout(settings.timeoutMs),
      });
      await response.arrayBuffer(); // Python reads the whole body (and parses it into FileMetadata).
      if (response.status === 429) report.throttled++;
      return {
        kind: 'answer',
        status: response.status,
        autoRetryable: response.headers.get('cdf-is-auto-retryable') === 'true',
      };
    } catch (error) {
      const timedOut = error instanceof DOMException && error.name === 'TimeoutError';
      return timedOut ? { kind: 'timeout' } : { kind: 'network' };
    } finally {
      semaphore.release();
    }
  };

  /** One chunk with the SDK's retry loop; returns how its items ended. */
  const runChunk = async (chunk: readonly FileUpdateItem[]): Promise<'applied' | 'failed' | 'unknown'> => {
    const body = new Uint8Array(gzipSync(JSON.stringify({ items: chunk })));
    const tracker = { status: 0, connect: 0, read: 0 };
    for (;;) {
      const attempt = await send(body);
      if (attempt.kind === 'answer' && attempt.status >= 200 && attempt.status < 300) return 'applied';
      // Python: a 4xx chunk's items are `failed`; a 5xx or unanswered chunk's are `unknown`.
      const givenUp = attempt.kind === 'answer' && attempt.status < 500 ? 'failed' : 'unknown';
      let retry: boolean;
      if (attempt.kind === 'answer') {
        tracker.status++;
        retry = tracker.status <= settings.maxRetries && (attempt.autoRetryable || RETRY_STATUSES.has(attempt.status));
      } else if (attempt.kind === 'timeout') {
        tracker.read++;
        retry = tracker.read <= settings.maxRetries;
      } else {
        tracker.connect++;
        retry = tracker.connect <= settings.maxRetriesConnect;
      }
      const total = tracker.status + tracker.connect + tracker.read;
      if (!retry || total > settings.maxRetries) return givenUp;
      report.retries++;
      const waitSeconds =
        settings.random() * Math.min(settings.backoffFactorSeconds * 2 ** total, settings.maxBackoffSeconds);
      await new Promise((resolve) => setTimeout(resolve, waitSeconds * 1000));
    }
  };

  const chunks: FileUpdateItem[][] = [];
  for (let i = 0; i < items.length; i += settings.chunkSize) chunks.push(items.slice(i, i + settings.chunkSize));
  const outcomes = await Promise.all(chunks.map(runChunk));
  outcomes.forEach((outcome, i) => {
    report[outcome] += (chunks[i] as FileUpdateItem[]).length;
  });
  return report;
}
