import assert from 'node:assert/strict';
import http from 'node:http';
import net from 'node:net';
import zlib from 'node:zlib';
import { startEmulator } from '../../../src/emulator';
import { client, useEmulator } from './helpers';

describe('emulator: HTTP pipeline', () => {
  const ctx = useEmulator({ files: 50, verifyToken: (t) => t.startsWith('jwt.') });

  it('binds 127.0.0.1 and serves the project under /api/v1/projects/NAME', () => {
    const { emulator } = ctx;
    assert.match(emulator.baseUrl, /^http:\/\/127\.0\.0\.1:\d+$/);
    assert.equal(emulator.apiBase, `${emulator.baseUrl}/api/v1/projects/demo`);
    assert.equal(emulator.project, 'demo');
    assert.equal(emulator.token, 'demo');
  });

  it('answers 401 with the API error body without a bearer token, or with a wrong one', async () => {
    const none = await fetch(`${ctx.emulator.apiBase}/files`);
    assert.equal(none.status, 401);
    assert.deepEqual(await none.json(), { error: { code: 401, message: 'Unauthorized' } });
    assert.ok(none.headers.get('x-request-id'));
    const wrong = await client(ctx.emulator, 'nope').get('/files');
    assert.equal(wrong.status, 401);
  });

  it('accepts other tokens that verifyToken approves', async () => {
    const res = await client(ctx.emulator, 'jwt.abc').post('/files/aggregate', {});
    assert.equal(res.status, 200);
    assert.deepEqual(res.body, { items: [{ count: 50 }] });
  });

  it('refuses another project with 403', async () => {
    const res = await fetch(`${ctx.emulator.baseUrl}/api/v1/projects/other/files`, {
      headers: { authorization: 'Bearer demo' },
    });
    assert.equal(res.status, 403);
    assert.equal(((await res.json()) as { error: { code: number } }).error.code, 403);
  });

  it('answers 404 for an unknown route and 405 for a known path with the wrong method', async () => {
    const c = client(ctx.emulator);
    const unknown = await c.post('/timeseries/list', {});
    assert.equal(unknown.status, 404);
    assert.equal(unknown.body.error.code, 404);
    const wrongMethod = await c.call('PUT', '/files/update', {});
    assert.equal(wrongMethod.status, 405);
  });

  it('gives every response its own x-request-id and records every request', async () => {
    const { emulator } = ctx;
    emulator.clearRequests();
    const c = client(emulator);
    const a = await c.post('/files/list', { limit: 1 });
    const b = await c.get('/files?limit=1');
    const idA = a.headers.get('x-request-id');
    const idB = b.headers.get('x-request-id');
    assert.ok(idA && idB && idA !== idB);
    assert.equal(emulator.requests.length, 2);
    const [first, second] = emulator.requests;
    assert.deepEqual(
      {
        method: first!.method,
        path: first!.path,
        body: first!.body,
        status: first!.status,
        requestId: first!.requestId,
      },
      { method: 'POST', path: '/api/v1/projects/demo/files/list', body: { limit: 1 }, status: 200, requestId: idA },
    );
    assert.equal(first!.route, 'POST /files/list');
    assert.equal(first!.headers.authorization, 'Bearer', 'the token itself is not kept');
    assert.deepEqual(second!.query, { limit: '1' });
    assert.equal(second!.body, undefined);
    emulator.clearRequests();
    assert.equal(emulator.requests.length, 0);
  });

  it('accepts gzip and deflate request bodies', async () => {
    const c = client(ctx.emulator);
    const body = JSON.stringify({ limit: 3 });
    const gz = await c.post('/files/list', zlib.gzipSync(body), { headers: { 'content-encoding': 'gzip' } });
    assert.equal(gz.status, 200);
    assert.equal(gz.body.items.length, 3);
    const deflated = await c.post('/files/list', zlib.deflateSync(body), {
      headers: { 'content-encoding': 'deflate' },
    });
    assert.equal(deflated.body.items.length, 3);
    const broken = await c.post('/files/list', 'not gzip', { headers: { 'content-encoding': 'gzip' } });
    assert.equal(broken.status, 400);
  });

  it('answers 400 naming the problem for a body that is not JSON', async () => {
    const res = await client(ctx.emulator).post('/files/list', '{"limit":');
    assert.equal(res.status, 400);
    assert.match(res.body.error.message, /JSON/);
  });

  it('ignores the headers SDKs add (cdf-version, x-cdp-sdk, x-cdp-app)', async () => {
    const res = await client(ctx.emulator).post(
      '/files/list',
      { limit: 1 },
      { headers: { 'cdf-version': '20230101', 'x-cdp-sdk': 'CognitePythonSDK:8', 'x-cdp-app': 'test' } },
    );
    assert.equal(res.status, 200);
  });
});

describe('emulator: lifecycle', () => {
  it('listens on the requested port', async () => {
    const port = await new Promise<number>((resolve) => {
      const s = net.createServer().listen(0, '127.0.0.1', () => {
        const p = (s.address() as net.AddressInfo).port;
        s.close(() => resolve(p));
      });
    });
    const emulator = await startEmulator({ port, files: 0 });
    try {
      assert.equal(emulator.baseUrl, `http://127.0.0.1:${port}`);
    } finally {
      await emulator.close();
    }
  });

  it('closes promptly even with a keep-alive connection open, and close() can be called twice', async () => {
    const emulator = await startEmulator({ files: 5, project: 'p', token: 't' });
    const agent = new http.Agent({ keepAlive: true });
    await new Promise<void>((resolve, reject) => {
      http
        .get(`${emulator.apiBase}/files`, { agent, headers: { authorization: 'Bearer t' } }, (res) => {
          res.resume();
          res.on('end', resolve);
        })
        .on('error', reject);
    });
    const started = Date.now();
    await Promise.all([emulator.close(), emulator.close()]);
    assert.ok(Date.now() - started < 1000);
    agent.destroy();
  });

  it('keeps at most maxRecordedRequests', async () => {
    const emulator = await startEmulator({ files: 1, maxRecordedRequests: 2 });
    try {
      const c = client(emulator);
      for (let i = 0; i < 4; i++) await c.post('/files/list', { limit: i + 1 });
      assert.deepEqual(
        emulator.requests.map((r) => (r.body as { limit: number }).limit),
        [3, 4],
      );
    } finally {
      await emulator.close();
    }
  });

  it('treats a verifyToken that throws as a refusal', async () => {
    const emulator = await startEmulator({
      files: 1,
      verifyToken: () => {
        throw new Error('bad signature');
      },
    });
    try {
      assert.equal((await client(emulator, 'other').get('/files')).status, 401);
    } finally {
      await emulator.close();
    }
  });
});
