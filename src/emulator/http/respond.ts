import type { ServerResponse } from 'node:http';
import { WorkTurns } from './work-turns';

/** Timers the server must cancel on close (latency waits, slow bodies), so close() is prompt. */
export class Timers {
  private readonly pending = new Set<NodeJS.Timeout>();
  private readonly turns = new WorkTurns();

  sleep(ms: number): Promise<void> {
    if (ms <= 0) return Promise.resolve();
    return new Promise((resolve) => {
      const t = setTimeout(() => {
        this.pending.delete(t);
        resolve();
      }, ms);
      this.pending.add(t);
    });
  }

  /** An injected latency, then a turn of the event loop of its own for the work after it (work-turns.ts). */
  async afterLatency(ms: number): Promise<void> {
    if (ms <= 0) return;
    await this.sleep(ms);
    await this.turns.take();
  }

  clearAll(): void {
    for (const t of this.pending) clearTimeout(t);
    this.pending.clear();
    this.turns.clear();
  }
}

export interface Body {
  status: number;
  bytes: Buffer;
  contentType: string;
  headers?: Record<string, string>;
}

export const jsonBody = (status: number, value: unknown, headers?: Record<string, string>): Body => ({
  status,
  bytes: Buffer.from(JSON.stringify(value)),
  contentType: 'application/json',
  ...(headers ? { headers } : {}),
});

/**
 * Writes a response, at once or (a "slow body" fault) in `chunks` pieces spread over `ms`:
 * the headers go out first, then the body trickles, as from a congested server.
 */
export async function writeBody(
  res: ServerResponse,
  body: Body,
  timers: Timers,
  slow?: { ms: number; chunks: number },
): Promise<void> {
  res.statusCode = body.status;
  res.setHeader('content-type', body.contentType);
  res.setHeader('content-length', body.bytes.length);
  for (const [k, v] of Object.entries(body.headers ?? {})) res.setHeader(k, v);
  if (!slow || body.bytes.length === 0) {
    res.end(body.bytes);
    return;
  }
  res.flushHeaders();
  const size = Math.ceil(body.bytes.length / slow.chunks);
  const pause = slow.ms / slow.chunks;
  for (let offset = 0; offset < body.bytes.length; offset += size) {
    await timers.sleep(pause);
    if (res.destroyed) return;
    res.write(body.bytes.subarray(offset, offset + size));
  }
  res.end();
}
