/**
 * A one-shot web server on the loopback interface that receives the browser's redirect at the end
 * of an authorization code sign-in (RFC 8252 §7.3), then closes.
 */
import * as l10n from '@vscode/l10n';
import { timingSafeEqual } from 'node:crypto';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { abortReason } from '../client';
import { AuthError } from './token-provider';

export interface LoopbackReceiver {
  /** `http://127.0.0.1:PORT/PATH`: the redirect URI to register and send. */
  readonly redirectUri: string;
  /**
   * Resolves once the browser arrives, with the full callback URL (code and state in the query)
   * and `finish` to tell the waiting browser tab how the sign-in ended.
   */
  readonly callback: Promise<LoopbackCallback>;
  close(): Promise<void>;
}

export interface LoopbackCallback {
  readonly url: URL;
  finish(outcome: { ok: true } | { ok: false; message: string }): void;
}

export interface LoopbackReceiverOptions {
  readonly host?: '127.0.0.1' | 'localhost' | '[::1]';
  /** 0 (default) picks a free port; RFC 8252 providers accept any port on a loopback redirect. */
  readonly port?: number;
  readonly path?: string;
  /**
   * The `state` sent in the authorization request. Any local process or web page can request the
   * redirect URI, so a callback without this state is not the identity provider's answer: it is
   * answered 400 and ignored, before anything in it (`error=`, `error_description=`, `code=`) is
   * read, and the receiver keeps waiting for the real one.
   */
  readonly state?: string;
  readonly timeoutMs: number;
  readonly signal: AbortSignal;
}

const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

const PAGE = (title: string, text: string): string =>
  `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${title}</title></head>` +
  `<body style="font-family:sans-serif;margin:3em"><h1>${title}</h1><p>${text}</p></body></html>`;

/** Compares in constant time, so a local page cannot guess the state a character at a time. */
function sameText(actual: string | null, expected: string): boolean {
  if (actual === null) return false;
  const a = Buffer.from(actual);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export async function startLoopbackReceiver(options: LoopbackReceiverOptions): Promise<LoopbackReceiver> {
  const host = options.host ?? '127.0.0.1';
  let resolveCallback!: (callback: LoopbackCallback) => void;
  let rejectCallback!: (error: Error) => void;
  const callback = new Promise<LoopbackCallback>((resolve, reject) => {
    resolveCallback = resolve;
    rejectCallback = reject;
  });
  // Nobody may be waiting yet when it rejects (e.g. aborted before the browser opened).
  callback.catch(() => undefined);

  const door = new CallbackDoor(options.path ?? '/callback', options.state, resolveCallback);
  const server = http.createServer((req, res) => door.open(req, res));
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host === '[::1]' ? '::1' : host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  door.redirectUri = `http://${host}:${port}${door.path}`;

  const timer = setTimeout(
    () => rejectCallback(new AuthError(l10n.t('Sign-in timed out after {0} s.', Math.round(options.timeoutMs / 1000)))),
    options.timeoutMs,
  );
  const onAbort = (): void => rejectCallback(abortReason(options.signal));
  options.signal.addEventListener('abort', onAbort, { once: true });

  const close = async (): Promise<void> => {
    clearTimeout(timer);
    options.signal.removeEventListener('abort', onAbort);
    door.closing();
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
  return { redirectUri: door.redirectUri, callback, close };
}

/** Answers the browser's requests: the first one with the expected state is the callback. */
class CallbackDoor {
  redirectUri = '';
  private pending: http.ServerResponse | undefined;
  private received = false;

  constructor(
    readonly path: string,
    private readonly state: string | undefined,
    private readonly arrived: (callback: LoopbackCallback) => void,
  ) {}

  open(req: http.IncomingMessage, res: http.ServerResponse): void {
    let url: URL;
    try {
      url = new URL(req.url ?? '/', this.redirectUri);
    } catch {
      // Any local process can connect: a target that is not a URL is refused, not thrown in the host.
      res.writeHead(400, { 'content-type': 'text/plain' }).end('Bad request');
      return;
    }
    if (req.method !== 'GET' || url.pathname !== this.path) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
      return;
    }
    if (this.state !== undefined && !sameText(url.searchParams.get('state'), this.state)) {
      answer(res, false, l10n.t('This is not the sign-in VS Code is waiting for.'));
      return;
    }
    if (this.received) {
      answer(res, false, l10n.t('This sign-in link was already used. Return to VS Code.'));
      return;
    }
    this.received = true;
    this.pending = res;
    this.arrived({
      url: new URL(url.href),
      finish: (outcome) =>
        answer(
          res,
          outcome.ok,
          outcome.ok
            ? l10n.t('You are signed in to CDF. You can close this tab and return to VS Code.')
            : l10n.t('{0} You can close this tab and try again from VS Code.', outcome.message),
        ),
    });
  }

  /** A browser tab still waiting learns that the sign-in ended without it. */
  closing(): void {
    if (this.pending) answer(this.pending, false, l10n.t('The sign-in did not complete.'));
  }
}

function answer(res: http.ServerResponse, ok: boolean, text: string): void {
  if (res.writableEnded) return;
  res.writeHead(ok ? 200 : 400, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
  const title = ok ? l10n.t('Signed in') : l10n.t('Sign-in failed');
  res.end(PAGE(escapeHtml(title), escapeHtml(text)));
}
