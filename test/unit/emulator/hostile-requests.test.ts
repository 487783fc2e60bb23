import assert from 'node:assert/strict';
import http from 'node:http';
import net from 'node:net';
import zlib from 'node:zlib';
import fc from 'fast-check';
import { startEmulator, type RunningEmulator } from '../../../src/emulator';
import { client, useEmulator } from './helpers';

interface RawAnswer {
  status: number;
  body: { error?: { code: number; message: string } };
  headers: http.IncomingHttpHeaders;
  /** Milliseconds from the request's start to the end of the answer. */
  ms: number;
}

/**
 * A request written by hand: the test decides how much of the declared body it actually sends, so
 * it can tell an answer given before the body from one that waited for it.
 */
function rawRequest(
  emulator: RunningEmulator,
  options: {
    method?: string;
    path: string;
    headers?: Record<string, string | number>;
    body?: Buffer;
    /** Keep the request open after `body` (the declared length is larger than what is sent). */
    leaveOpen?: boolean;
    timeoutMs?: number;
  },
): Promise<RawAnswer> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const req = http.request(`${emulator.baseUrl}${options.path}`, {
      method: options.method ?? 'POST',
      headers: options.headers,
      agent: false,
    });
    const timer = setTimeout(() => {
      req.destroy();
      reject(new Error(`no answer within ${options.timeoutMs ?? 3000} ms`));
    }, options.timeoutMs ?? 3000);
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        clearTimeout(timer);
        const text = Buffer.concat(chunks).toString('utf8');
        let body: RawAnswer['body'] = {};
        try {
          body = JSON.parse(text) as RawAnswer['body'];
        } catch {
          body = { error: { code: -1, message: `not JSON: ${text}` } };
        }
        resolve({ status: res.statusCode ?? 0, body, headers: res.headers, ms: Date.now() - started });
        req.destroy();
      });
    });
    // The server may close the connection while the body is still being sent: that is the point.
    req.on('error', (e) => {
      if (!(e as NodeJS.ErrnoException).code?.startsWith('EPIPE') && (e as NodeJS.ErrnoException).code !== 'ECONNRESET')
        reject(e);
    });
    if (options.body) req.write(options.body);
    if (!options.leaveOpen) req.end();
  });
}

const isCdfError = (answer: RawAnswer, status: number) => {
  assert.equal(answer.status, status, JSON.stringify(answer.body));
  assert.equal(answer.body.error?.code, status);
  assert.equal(typeof answer.body.error?.message, 'string');
};

describe('emulator: hostile requests', function () {
  this.timeout(30_000);
  const ctx = useEmulator({ files: 20 });
  const path = '/api/v1/projects/demo/files/list';

  describe('authentication comes before the body', () => {
    it('answers 401 to a request without a token before its (huge, unfinished) body arrives', async () => {
      const answer = await rawRequest(ctx.emulator, {
        path,
        headers: { 'content-type': 'application/json', 'content-length': 1_000_000_000 },
        body: Buffer.alloc(1024, 0x20),
        leaveOpen: true,
      });
      isCdfError(answer, 401);
      assert.equal(answer.headers.connection, 'close', 'the rest of the body is not read: the connection is closed');
    });

    it('answers 401 to a wrong token, and 401 to a compressed body, before reading it', async () => {
      const wrong = await rawRequest(ctx.emulator, {
        path,
        headers: { authorization: 'Bearer wrong', 'content-encoding': 'gzip', 'content-length': 500_000_000 },
        body: Buffer.alloc(10),
        leaveOpen: true,
      });
      isCdfError(wrong, 401);
    });

    it('refuses an unknown upload URL before reading the upload', async () => {
      const answer = await rawRequest(ctx.emulator, {
        method: 'PUT',
        path: '/files-content/upload/not-a-real-token',
        headers: { 'content-length': 1_000_000_000 },
        body: Buffer.alloc(1024),
        leaveOpen: true,
      });
      isCdfError(answer, 404);
    });

    it('refuses a declared body over the limit at once, before receiving it', async () => {
      const answer = await rawRequest(ctx.emulator, {
        path,
        headers: { authorization: 'Bearer demo', 'content-length': 1_000_000_000 },
        body: Buffer.alloc(16),
        leaveOpen: true,
      });
      isCdfError(answer, 413);
    });

    it('still serves the next request on a fresh connection', async () => {
      const res = await client(ctx.emulator).post('/files/list', { limit: 1 });
      assert.equal(res.status, 200);
    });
  });

  describe('compressed bodies are limited by their decompressed size', () => {
    const authorized = (encoding: string, length: number) => ({
      authorization: 'Bearer demo',
      'content-type': 'application/json',
      'content-encoding': encoding,
      'content-length': length,
    });

    it('refuses a 1 MB gzip body that inflates to 1 GB quickly, with bounded memory', async () => {
      // Concatenated gzip members are one valid gzip stream: 64 x 16 MB of zeros.
      const member = zlib.gzipSync(Buffer.alloc(16 << 20), { level: 9 });
      const bomb = Buffer.concat(Array.from({ length: 64 }, () => member));
      assert.ok(bomb.length < 1.5e6);
      const before = process.memoryUsage().arrayBuffers;
      const answer = await rawRequest(ctx.emulator, {
        path,
        headers: authorized('gzip', bomb.length),
        body: bomb,
        timeoutMs: 10_000,
      });
      isCdfError(answer, 413);
      assert.match(answer.body.error!.message, /decompress|inflat/i);
      const grown = process.memoryUsage().arrayBuffers - before;
      assert.ok(grown < 300e6, `memory grew by ${Math.round(grown / 1e6)} MB`);
      assert.ok(answer.ms < 5000, `refused after ${answer.ms} ms`);
    });

    it('refuses a brotli body of a few hundred bytes that inflates to 256 MB', async () => {
      const bomb = zlib.brotliCompressSync(Buffer.alloc(256 << 20), {
        params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 4 },
      });
      assert.ok(bomb.length < 2000);
      const answer = await rawRequest(ctx.emulator, { path, headers: authorized('br', bomb.length), body: bomb });
      isCdfError(answer, 413);
    });

    it('refuses a deflate body past a smaller configured limit, and accepts one under it', async () => {
      const small = await startEmulator({ files: 3, maxRequestBodyBytes: 64 * 1024 });
      try {
        const over = zlib.deflateSync(Buffer.from(JSON.stringify({ limit: 1, pad: ' '.repeat(100_000) })));
        assert.ok(over.length < 64 * 1024);
        const refused = await rawRequest(small, { path, headers: authorized('deflate', over.length), body: over });
        isCdfError(refused, 413);
        const under = zlib.deflateSync(Buffer.from(JSON.stringify({ limit: 2 })));
        const ok = await client(small).post('/files/list', under, { headers: { 'content-encoding': 'deflate' } });
        assert.equal(ok.status, 200);
        assert.equal(ok.body.items.length, 2);
      } finally {
        await small.close();
      }
    });

    it('still accepts ordinary gzip, deflate and br bodies (and x-gzip, any case)', async () => {
      const json = Buffer.from(JSON.stringify({ limit: 3 }));
      const c = client(ctx.emulator);
      for (const [encoding, bytes] of [
        ['gzip', zlib.gzipSync(json)],
        ['GZip', zlib.gzipSync(json)],
        ['x-gzip', zlib.gzipSync(json)],
        ['deflate', zlib.deflateSync(json)],
        ['br', zlib.brotliCompressSync(json)],
        ['identity', json],
      ] as const) {
        const res = await c.post('/files/list', bytes, { headers: { 'content-encoding': encoding } });
        assert.equal(res.status, 200, encoding);
        assert.equal(res.body.items.length, 3, encoding);
      }
    });

    it('refuses an unknown or stacked encoding clearly, before reading the body', async () => {
      for (const encoding of ['compress', 'zstd', 'gzip, br', 'rot13']) {
        const answer = await rawRequest(ctx.emulator, {
          path,
          headers: authorized(encoding, 1_000_000),
          body: Buffer.alloc(10),
          leaveOpen: true,
        });
        isCdfError(answer, 415);
        assert.ok(answer.body.error!.message.includes(encoding), answer.body.error!.message);
      }
    });

    it('answers 400 to a body that is not what its encoding says', async () => {
      for (const encoding of ['gzip', 'deflate', 'br']) {
        const body = Buffer.from('{"limit": 1} plainly not compressed');
        const answer = await rawRequest(ctx.emulator, { path, headers: authorized(encoding, body.length), body });
        isCdfError(answer, 400);
      }
    });
  });

  describe('malformed percent-encoding', () => {
    const get = (p: string) =>
      rawRequest(ctx.emulator, { method: 'GET', path: p, headers: { authorization: 'Bearer demo' } });

    it('is a 400 in a path parameter, never a 500', async () => {
      isCdfError(await get('/api/v1/projects/demo/files/%E0%A4%A'), 400);
      isCdfError(await get('/api/v1/projects/demo/files/%'), 400);
      isCdfError(await get('/files-content/download/%C3%28'), 400);
    });

    it('is a 400 in the project name (after authentication)', async () => {
      isCdfError(await get('/api/v1/projects/%E0%A4%A/files/1'), 400);
      const anonymous = await rawRequest(ctx.emulator, { method: 'GET', path: '/api/v1/projects/%E0%A4%A/files/1' });
      isCdfError(anonymous, 401);
    });

    it('is harmless in a query string', async () => {
      const answer = await get('/api/v1/projects/demo/files?limit=1&name=%E0%A4%A&source=%');
      assert.equal(answer.status, 200);
    });

    it('never gives a 500 for any percent sequence in any position (property)', async () => {
      const hex = fc.constantFrom(...'0123456789abcdefABCDEFxz%/'.split(''));
      const junk = fc.array(fc.oneof(hex, fc.constant('%')), { minLength: 1, maxLength: 8 }).map((a) => a.join(''));
      await fc.assert(
        fc.asyncProperty(junk, fc.constantFrom('project', 'id', 'query', 'content'), async (part, where) => {
          const p =
            where === 'project'
              ? `/api/v1/projects/${part}/files/1`
              : where === 'id'
                ? `/api/v1/projects/demo/files/${part}`
                : where === 'query'
                  ? `/api/v1/projects/demo/files?name=${part}&limit=1`
                  : `/files-content/download/${part}`;
          const answer = await get(p);
          assert.ok(answer.status < 500, `${p}: ${answer.status} ${JSON.stringify(answer.body)}`);
          assert.equal(answer.body.error?.code ?? answer.status, answer.status);
        }),
        { numRuns: 60 },
      );
    });

    it('is a 400 for a request target that is not a URL path at all', async () => {
      const answer = await new Promise<{ status: number; text: string }>((resolve, reject) => {
        const socket = net.connect(Number(new URL(ctx.emulator.baseUrl).port), '127.0.0.1');
        let text = '';
        socket.on('data', (c: Buffer) => (text += c.toString()));
        socket.on('end', () => resolve({ status: Number(/^HTTP\/1\.1 (\d+)/.exec(text)?.[1]), text }));
        socket.on('error', reject);
        socket.write('GET http://[::1 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
      });
      assert.equal(answer.status, 400, answer.text);
    });
  });
});
