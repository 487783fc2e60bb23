/**
 * A tiny real HTTP server on 127.0.0.1 that answers like CDF, one scripted handler per request,
 * for transport behaviour the emulator does not produce on demand (Retry-After, redirects,
 * stalled bodies, malformed bodies). Records every request it got, headers included.
 */
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SeenRequest {
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
  body: unknown;
}

export type Handler = (req: SeenRequest, res: http.ServerResponse) => void | Promise<void>;

export interface ScriptedServer {
  baseUrl: string;
  seen: SeenRequest[];
  /** Handlers used in order; the last one repeats. */
  script(...handlers: Handler[]): void;
  close(): Promise<void>;
}

export async function startScriptedServer(): Promise<ScriptedServer> {
  let handlers: Handler[] = [];
  const seen: SeenRequest[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const entry: SeenRequest = {
        method: req.method ?? '',
        path: req.url ?? '',
        headers: req.headers,
        body: text ? (JSON.parse(text) as unknown) : undefined,
      };
      seen.push(entry);
      const handler = handlers.length > 1 ? handlers.shift() : handlers[0];
      if (!handler) {
        json(res, 500, { error: { code: 500, message: 'no script' } });
        return;
      }
      Promise.resolve(handler(entry, res)).catch(() => res.destroy());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    seen,
    script: (...h) => {
      handlers = h;
    },
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export function json(
  res: http.ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, {
    'content-type': 'application/json',
    'x-request-id': `req-${Math.random().toString(36).slice(2, 8)}`,
    ...headers,
  });
  res.end(JSON.stringify(body));
}

export const cdfError = (status: number, message: string, extra: Record<string, unknown> = {}) => ({
  error: { code: status, message, ...extra },
});

export const fileRecord = (id: number, extra: Record<string, unknown> = {}) => ({
  id,
  name: `file-${id}.pdf`,
  uploaded: true,
  createdTime: 1_700_000_000_000,
  lastUpdatedTime: 1_700_000_000_000,
  ...extra,
});
