import assert from 'node:assert/strict';
import { StaticTokenProvider } from '../../../../src/cdf/auth/static-token';
import type { TokenProvider } from '../../../../src/cdf/auth/token-provider';
import { CdfClient, type CdfClientOptions } from '../../helpers/cdf-client';
import { CdfApiError, CdfNetworkError, CdfResponseValidationError } from '../../../../src/cdf/client/errors';
import { InvalidBaseUrlError } from '../../../../src/cdf/client/base-url';
import { captureLogger } from './helpers/log-capture';
import { cdfError, fileRecord, json, startScriptedServer, type ScriptedServer } from './helpers/scripted-server';

/** Records the waits the client asks for instead of sleeping. */
function recordingSleep() {
  const delays: number[] = [];
  const sleep = (ms: number, signal?: AbortSignal) => {
    delays.push(ms);
    return signal?.aborted ? Promise.reject(new Error('aborted')) : Promise.resolve();
  };
  return { delays, sleep };
}

/** Hands out token-1, token-2, ... and counts refreshes. */
class CountingTokens implements TokenProvider {
  issued = 0;
  invalidated: (string | undefined)[] = [];
  private current: string | undefined;
  getToken(): Promise<string> {
    this.current ??= `token-${++this.issued}-abcdef`;
    return Promise.resolve(this.current);
  }
  invalidate(rejected?: string): void {
    this.invalidated.push(rejected);
    this.current = undefined;
  }
}

describe('CDF client requests (over real HTTP)', () => {
  let server: ScriptedServer;
  let other: ScriptedServer;
  const { delays, sleep } = recordingSleep();

  const client = (extra: Partial<CdfClientOptions> = {}) =>
    new CdfClient({
      baseUrl: server.baseUrl,
      project: 'p1',
      tokenProvider: new StaticTokenProvider('static-token-xyz'),
      retry: { sleep, random: () => 0.5, maxAttempts: 5, attemptTimeoutMs: 2000 },
      appId: 'test-app',
      ...extra,
    });

  before(async () => {
    server = await startScriptedServer();
    other = await startScriptedServer();
  });
  after(async () => {
    await server.close();
    await other.close();
  });
  beforeEach(() => {
    server.seen.length = 0;
    other.seen.length = 0;
    delays.length = 0;
  });

  it('refuses a base URL that would send the token in clear text', () => {
    assert.throws(
      () =>
        new CdfClient({ baseUrl: 'http://cdf.example.com', project: 'p', tokenProvider: new StaticTokenProvider('t') }),
      InvalidBaseUrlError,
    );
  });

  it('sends the bearer token, app id and JSON body to the project path', async () => {
    server.script((_req, res) => json(res, 200, { items: [fileRecord(1)], nextCursor: null }));
    const page = await client().listFilesPage({ limit: 10 });
    assert.equal(page.items[0]?.id, 1);
    const seen = server.seen[0]!;
    assert.equal(seen.method, 'POST');
    assert.equal(seen.path, '/api/v1/projects/p1/files/list');
    assert.equal(seen.headers.authorization, 'Bearer static-token-xyz');
    assert.equal(seen.headers['x-cdp-app'], 'test-app');
    assert.deepEqual(seen.body, { limit: 10 });
  });

  it('follows cursors until the last page', async () => {
    server.script(
      (_r, res) => json(res, 200, { items: [fileRecord(1)], nextCursor: 'c1' }),
      (_r, res) => json(res, 200, { items: [fileRecord(2)], nextCursor: 'c2' }),
      (_r, res) => json(res, 200, { items: [fileRecord(3)] }),
    );
    const ids: number[] = [];
    for await (const page of client().listFiles({ filter: { mimeType: 'application/pdf' } }))
      ids.push(...page.items.map((f) => f.id));
    assert.deepEqual(ids, [1, 2, 3]);
    assert.deepEqual(
      server.seen.map((s) => (s.body as { cursor?: string }).cursor),
      [undefined, 'c1', 'c2'],
    );
  });

  it('honours Retry-After in seconds and as an HTTP date', async () => {
    const inTwoSeconds = new Date(Date.now() + 2000).toUTCString();
    server.script(
      (_r, res) => json(res, 429, cdfError(429, 'slow down'), { 'retry-after': '3' }),
      (_r, res) => json(res, 503, cdfError(503, 'busy'), { 'retry-after': inTwoSeconds }),
      (_r, res) => json(res, 200, { items: [{ count: 7 }] }),
    );
    assert.equal(await client().aggregateFiles(undefined), 7);
    assert.equal(delays.length, 2);
    assert.ok(delays[0]! >= 3000 && delays[0]! < 3300, `first wait ${delays[0]}`);
    assert.ok(delays[1]! >= 500 && delays[1]! < 2400, `second wait ${delays[1]}`);
  });

  it('really waits for Retry-After with the real clock', async () => {
    server.script(
      (_r, res) => json(res, 429, cdfError(429, 'slow down'), { 'retry-after': '1' }),
      (_r, res) => json(res, 200, { items: [{ count: 1 }] }),
    );
    const started = Date.now();
    await client({ retry: { random: () => 0 } }).aggregateFiles(undefined);
    assert.ok(Date.now() - started >= 1000, `took ${Date.now() - started} ms`);
  });

  it('retries 502/503/504 with full-jitter backoff on idempotent requests', async () => {
    server.script(
      (_r, res) => json(res, 502, cdfError(502, 'bad gateway')),
      (_r, res) => json(res, 503, cdfError(503, 'unavailable')),
      (_r, res) => json(res, 504, cdfError(504, 'timeout')),
      (_r, res) => json(res, 200, { items: [fileRecord(5)] }),
    );
    const files = await client().searchFiles({ search: { name: 'x' } });
    assert.equal(files[0]?.id, 5);
    // random 0.5: half of 250*2, 250*4, 250*8
    assert.deepEqual(delays, [250, 500, 1000]);
  });

  it('retries any status the server marks cdf-is-auto-retryable', async () => {
    server.script(
      (_r, res) => json(res, 500, cdfError(500, 'internal'), { 'cdf-is-auto-retryable': 'true' }),
      (_r, res) => json(res, 200, {}),
    );
    await client().deleteFiles([{ id: 1 }]);
    assert.equal(server.seen.length, 2);
  });

  it('does not repeat a delete after a 503 or a dropped connection, but does after a 429', async () => {
    server.script((_r, res) => json(res, 503, cdfError(503, 'unavailable')));
    await assert.rejects(
      client().deleteFiles([{ id: 1 }]),
      (e: unknown) => e instanceof CdfApiError && e.status === 503,
    );
    assert.equal(server.seen.length, 1);

    server.seen.length = 0;
    server.script((_r, res) => void res.destroy());
    await assert.rejects(client().deleteFiles([{ id: 1 }]), CdfNetworkError);
    assert.equal(server.seen.length, 1);

    server.seen.length = 0;
    server.script(
      (_r, res) => json(res, 429, cdfError(429, 'throttled')),
      (_r, res) => json(res, 200, {}),
    );
    await client().deleteFiles([{ id: 1 }]);
    assert.equal(server.seen.length, 2);
  });

  it('retries a dropped connection on an idempotent request', async () => {
    server.script(
      (_r, res) => void res.destroy(),
      (_r, res) => json(res, 200, { items: [fileRecord(9)] }),
    );
    const [file] = await client().retrieveFiles([{ id: 9 }]);
    assert.equal(file?.id, 9);
    assert.equal(server.seen.length, 2);
  });

  it('bounds the attempts and reports how many were made', async () => {
    server.script((_r, res) => json(res, 503, cdfError(503, 'still unavailable')));
    await assert.rejects(client().getFile(1), (e: unknown) => {
      assert.ok(e instanceof CdfApiError);
      assert.equal(e.status, 503);
      assert.equal(e.attempts, 5);
      return true;
    });
    assert.equal(server.seen.length, 5);
  });

  it('abandons an attempt whose body stalls, and retries it', async () => {
    server.script(
      (_r, res) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.write('{"items":['); // and never finishes
      },
      (_r, res) => json(res, 200, { items: [fileRecord(3)] }),
    );
    const files = await client({ retry: { sleep, attemptTimeoutMs: 300 } }).retrieveFiles([{ id: 3 }]);
    assert.equal(files[0]?.id, 3);
    assert.equal(server.seen.length, 2);
  });

  it('refreshes the token once on 401 and retries; a second 401 is the caller’s', async () => {
    const tokens = new CountingTokens();
    server.script(
      (_r, res) => json(res, 401, cdfError(401, 'expired')),
      (_r, res) => json(res, 200, fileRecord(4)),
    );
    const c = client({ tokenProvider: tokens });
    assert.equal((await c.getFile(4)).id, 4);
    assert.deepEqual(
      server.seen.map((s) => s.headers.authorization),
      ['Bearer token-1-abcdef', 'Bearer token-2-abcdef'],
    );
    assert.deepEqual(tokens.invalidated, ['token-1-abcdef']);

    server.seen.length = 0;
    server.script((_r, res) => json(res, 401, cdfError(401, 'no access')));
    await assert.rejects(c.getFile(4), (e: unknown) => e instanceof CdfApiError && e.status === 401);
    assert.equal(server.seen.length, 2, 'one refresh, not a loop');

    // A static token cannot get better: no pointless second try.
    server.seen.length = 0;
    await assert.rejects(client().getFile(4), (e: unknown) => e instanceof CdfApiError && e.status === 401);
    assert.equal(server.seen.length, 1);
  });

  it('turns an error body into a typed error: status, message, missing, duplicated, request id, request', async () => {
    server.script((_r, res) =>
      json(res, 400, cdfError(400, 'Files not found', { missing: [{ id: 77 }] }), { 'x-request-id': 'rid-1' }),
    );
    await assert.rejects(client().retrieveFiles([{ id: 77 }]), (e: unknown) => {
      assert.ok(e instanceof CdfApiError);
      assert.equal(e.status, 400);
      assert.equal(e.message, 'Files not found');
      assert.deepEqual(e.missing, [{ id: 77 }]);
      assert.deepEqual(e.duplicated, []);
      assert.equal(e.requestId, 'rid-1');
      assert.deepEqual(e.request, { method: 'POST', path: '/api/v1/projects/p1/files/byids' });
      assert.match(e.summary, /POST \/api\/v1\/projects\/p1\/files\/byids → 400: Files not found \(request id rid-1\)/);
      assert.ok(!JSON.stringify(e).includes('static-token-xyz'));
      return true;
    });
  });

  it('rejects a 2xx body that is not what the API promises', async () => {
    server.script((_r, res) => json(res, 200, { items: [{ id: 'not a number' }] }));
    await assert.rejects(client().searchFiles({}), CdfResponseValidationError);
  });

  it('checks requests before sending them', async () => {
    await assert.rejects(client().listFilesPage({ limit: 5000 }), /Invalid list request/);
    await assert.rejects(client().retrieveFiles([{ id: -1 }]), /file identifier at position 0/);
    assert.equal(server.seen.length, 0);
  });

  it('does not follow a redirect, so the token cannot be carried to another host', async () => {
    other.script((_r, res) => json(res, 200, { items: [] }));
    server.script((_r, res) => {
      res.writeHead(307, { location: `${other.baseUrl}/steal` });
      res.end();
    });
    await assert.rejects(client().searchFiles({}), (e: unknown) => e instanceof CdfApiError && e.status === 307);
    assert.equal(other.seen.length, 0);
  });

  it('sends the token with a download link on its own origin only', async () => {
    other.script((_r, res) => {
      res.writeHead(200, { 'content-type': 'application/pdf' });
      res.end('%PDF');
    });
    server.script((_r, res) => {
      res.writeHead(200, { 'content-type': 'application/pdf' });
      res.end('%PDF-own');
    });
    const c = client();
    assert.equal(await (await c.fetchDownload(`${other.baseUrl}/blob/1?sig=abc`)).text(), '%PDF');
    assert.equal(other.seen[0]?.headers.authorization, undefined);
    assert.equal(
      await (await c.fetchDownload(`${server.baseUrl}/api/v1/projects/p1/files/content/1`)).text(),
      '%PDF-own',
    );
    assert.equal(server.seen[0]?.headers.authorization, 'Bearer static-token-xyz');
  });

  it('stops at once when the caller aborts, also while waiting to retry', async () => {
    server.script((_r, res) => void setTimeout(() => json(res, 200, { items: [] }), 2000));
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const started = Date.now();
    await assert.rejects(client().searchFiles({}, { signal: controller.signal }), { name: 'AbortError' });
    assert.ok(Date.now() - started < 1000);

    server.script((_r, res) => json(res, 503, cdfError(503, 'busy')));
    const waiting = new AbortController();
    const c = client({ retry: { baseDelayMs: 10_000, maxDelayMs: 10_000, random: () => 0.9 } });
    setTimeout(() => waiting.abort(), 100);
    const t0 = Date.now();
    await assert.rejects(c.searchFiles({}, { signal: waiting.signal }), { name: 'AbortError' });
    assert.ok(Date.now() - t0 < 1000);
  });

  it('chunks byids at 1000 and downloadlink at 100, keeping the order', async () => {
    server.script((req, res) => {
      const items = (req.body as { items: { id: number }[] }).items;
      if (req.path.endsWith('/files/byids')) json(res, 200, { items: items.map((i) => fileRecord(i.id)) });
      else json(res, 200, { items: items.map((i) => ({ id: i.id, downloadUrl: `https://storage.example/${i.id}` })) });
    });
    const ids = Array.from({ length: 2500 }, (_, i) => ({ id: i + 1 }));
    const files = await client().retrieveFiles(ids);
    assert.deepEqual(
      files.map((f) => f.id),
      ids.map((i) => i.id),
    );
    assert.deepEqual(server.seen.map((s) => (s.body as { items: unknown[] }).items.length).sort(), [1000, 1000, 500]);

    server.seen.length = 0;
    const links = await client().downloadLinks(ids.slice(0, 250), { extendedExpiration: true });
    assert.equal(links.length, 250);
    assert.equal(links[249]?.id, 250);
    assert.deepEqual(server.seen.map((s) => (s.body as { items: unknown[] }).items.length).sort(), [100, 100, 50]);
    assert.ok(server.seen.every((s) => s.path.endsWith('/files/downloadlink?extendedExpiration=true')));
  });

  it('scans partitions in parallel, one cursor each', async () => {
    server.script((req, res) => {
      const body = req.body as { partition: string; cursor?: string };
      const m = Number(body.partition.split('/')[0]);
      if (!body.cursor) json(res, 200, { items: [fileRecord(m * 100 + 1)], nextCursor: `p${m}` });
      else json(res, 200, { items: [fileRecord(m * 100 + 2)] });
    });
    const seen: string[] = [];
    const ids: number[] = [];
    for await (const page of client().listFilesPartitioned({ uploaded: true }, 3)) {
      seen.push(page.partition);
      ids.push(...page.items.map((f) => f.id));
    }
    assert.deepEqual(
      ids.sort((a, b) => a - b),
      [101, 102, 201, 202, 301, 302],
    );
    assert.deepEqual([...new Set(seen)].sort(), ['1/3', '2/3', '3/3']);
    assert.ok(server.seen.every((s) => (s.body as { filter: unknown }).filter !== undefined));
    assert.throws(() => client().listFilesPartitioned(undefined, 11), /1 to 10/);
  });

  it('reads data sets, labels and assets for completion', async () => {
    server.script((req, res) => {
      if (req.path.endsWith('/datasets/list'))
        json(res, 200, { items: [{ id: 1, name: 'DS', writeProtected: false, createdTime: 0, lastUpdatedTime: 0 }] });
      else if (req.path.endsWith('/labels/list'))
        json(res, 200, { items: [{ externalId: 'PUMP', name: 'Pump', createdTime: 0 }] });
      else json(res, 200, { items: [{ id: 5, name: 'Pump 1', rootId: 1, createdTime: 0, lastUpdatedTime: 0 }] });
    });
    const c = client();
    const sets = [];
    for await (const p of c.listDataSets()) sets.push(...p.items);
    const labels = [];
    for await (const p of c.listLabels({ filter: { externalIdPrefix: 'P' } })) labels.push(...p.items);
    const found = await c.searchAssets({ search: { query: 'pump' } });
    const byIds = await c.retrieveAssets([{ id: 5 }]);
    assert.deepEqual([sets[0]?.name, labels[0]?.externalId, found[0]?.name, byIds[0]?.id], ['DS', 'PUMP', 'Pump 1', 5]);
    assert.deepEqual(
      server.seen.map((s) => s.path.replace('/api/v1/projects/p1', '')),
      ['/datasets/list', '/labels/list', '/assets/search', '/assets/byids'],
    );
  });

  it('logs requests without headers, tokens or bodies', async () => {
    const logger = captureLogger();
    server.script(
      (_r, res) => json(res, 503, cdfError(503, 'busy Bearer static-token-xyz')),
      (_r, res) => json(res, 401, cdfError(401, 'expired')),
      (_r, res) => json(res, 200, { items: [{ count: 1 }] }),
    );
    const tokens = new CountingTokens();
    await client({ logger, tokenProvider: tokens }).aggregateFiles(undefined);
    assert.equal(tokens.issued, 2);
    const text = logger.text();
    assert.match(text, /POST \/files\/aggregate → 503/);
    assert.ok(!/token-1-abcdef|token-2-abcdef|authorization:|Bearer [^[]/i.test(text), text);
  });
});
