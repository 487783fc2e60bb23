import assert from 'node:assert/strict';
import { Faults } from '../../../src/emulator/http/faults';
import { client, useEmulator } from './helpers';

describe('emulator: throttling', () => {
  const ctx = useEmulator({ files: 20, verifyToken: (t) => t === 'second-identity' });
  afterEach(() => {
    ctx.emulator.setThrottle(undefined);
    ctx.emulator.setFaults(undefined);
  });

  it('is off by default', async () => {
    const answers = await Promise.all(
      Array.from({ length: 30 }, () => client(ctx.emulator).post('/files/list', { limit: 1 })),
    );
    assert.ok(answers.every((a) => a.status === 200));
  });

  it('answers 429 with the API error body and cdf-is-auto-retryable beyond the rate budget, per token', async () => {
    // A slow refill, so a slow machine cannot earn a sixth token while the eight arrive.
    ctx.emulator.setThrottle({ requestsPerSecond: 0.1, burst: 5 });
    const first = await Promise.all(
      Array.from({ length: 8 }, () => client(ctx.emulator).post('/files/list', { limit: 1 })),
    );
    const statuses = first.map((a) => a.status).sort();
    assert.deepEqual(statuses, [200, 200, 200, 200, 200, 429, 429, 429]);
    const refused = first.find((a) => a.status === 429)!;
    assert.equal(refused.body.error.code, 429);
    assert.match(refused.body.error.message, /request rate/);
    assert.equal(refused.headers.get('cdf-is-auto-retryable'), 'true');
    assert.ok(refused.headers.get('x-request-id'));
    const other = await client(ctx.emulator, 'second-identity').post('/files/list', { limit: 1 });
    assert.equal(other.status, 200, 'another token has its own budget');
    const throttled = ctx.emulator.requests.filter((r) => r.fault === 'throttled');
    assert.equal(throttled.length, 3);
  });

  it('refills the budget over time', async () => {
    ctx.emulator.setThrottle({ requestsPerSecond: 4, burst: 1 });
    const c = client(ctx.emulator);
    assert.equal((await c.post('/files/list', {})).status, 200);
    assert.equal((await c.post('/files/list', {})).status, 429);
    await new Promise((r) => setTimeout(r, 300));
    assert.equal((await c.post('/files/list', {})).status, 200);
  });

  it('answers 429 beyond the concurrency budget while requests are in progress', async () => {
    ctx.emulator.setThrottle({ concurrency: 2 });
    ctx.emulator.setFaults({ routes: { '/files/list': { latencyMs: 300 } } });
    const answers = await Promise.all(
      Array.from({ length: 4 }, () => client(ctx.emulator).post('/files/list', { limit: 1 })),
    );
    assert.deepEqual(answers.map((a) => a.status).sort(), [200, 200, 429, 429]);
    assert.match(answers.find((a) => a.status === 429)!.body.error.message, /concurrent requests/);
    // Finished requests give their slot back.
    assert.equal((await client(ctx.emulator).post('/files/list', {})).status, 200);
  });
});

describe('emulator: fault injection', () => {
  const ctx = useEmulator({ files: 20 });
  afterEach(() => ctx.emulator.setFaults(undefined));
  const c = () => client(ctx.emulator);
  const someFile = () => [...ctx.emulator.store.files.values()].find((r) => !r.instanceId)!;

  it('answers injected 5xx with the API error body without running the handler', async () => {
    ctx.emulator.setFaults({ routes: { '/files/update': { errorRate: 1 } } });
    const r = someFile();
    const res = await c().post('/files/update', { items: [{ id: r.id, update: { source: { set: 'never' } } }] });
    assert.equal(res.status, 503);
    assert.equal(res.body.error.code, 503);
    assert.equal(res.headers.get('cdf-is-auto-retryable'), 'true');
    assert.deepEqual(ctx.emulator.store.files.get(r.id), r, 'not applied');
    assert.equal((await c().post('/files/list', {})).status, 200, 'other routes are untouched');
    const custom = await (async () => {
      ctx.emulator.setFaults({ routes: { 'POST /files/byids': { errorRate: 1, errorStatus: 500 } } });
      return c().post('/files/byids', { items: [{ id: r.id }] });
    })();
    assert.equal(custom.status, 500);
    assert.equal(custom.headers.get('cdf-is-auto-retryable'), null, '500 is not marked retryable');
  });

  it('is deterministic under a seed: the same fates again after setFaults, others with another seed', async () => {
    const run = async (seed: number) => {
      ctx.emulator.setFaults({ seed, routes: { '*': { errorRate: 0.5 } } });
      const out: number[] = [];
      for (let i = 0; i < 24; i++) out.push((await c().post('/files/list', { limit: 1 })).status);
      return out;
    };
    const a = await run(7);
    assert.deepEqual(await run(7), a);
    assert.ok(a.includes(200) && a.includes(503));
    assert.notDeepEqual(await run(8), a);
  });

  it('counts per route, so other routes do not shift a route’s fates', async () => {
    const fates = async (interleave: boolean) => {
      ctx.emulator.setFaults({ seed: 3, routes: { '*': { errorRate: 0.5 } } });
      const out: number[] = [];
      for (let i = 0; i < 12; i++) {
        if (interleave) await c().post('/files/aggregate', {});
        out.push((await c().post('/files/list', { limit: 1 })).status);
      }
      return out;
    };
    assert.deepEqual(await fates(true), await fates(false));
  });

  it('drops the connection without an answer, before or after the handler ran', async () => {
    const r = someFile();
    ctx.emulator.setFaults({ routes: { '/files/update': { dropRate: 1 } } });
    await assert.rejects(c().post('/files/update', { items: [{ id: r.id, update: { source: { set: 'before' } } }] }));
    assert.equal(ctx.emulator.store.files.get(r.id)!.source, r.source, 'dropped before handling: not applied');
    assert.equal(ctx.emulator.requests.at(-1)!.fault, 'dropped');
    assert.equal(ctx.emulator.requests.at(-1)!.status, 0);

    ctx.emulator.setFaults({ routes: { '/files/update': { dropRate: 1, dropAfterHandling: true } } });
    await assert.rejects(c().post('/files/update', { items: [{ id: r.id, update: { source: { set: 'after' } } }] }));
    assert.equal(ctx.emulator.store.files.get(r.id)!.source, 'after', 'dropped after handling: applied');
  });

  it('adds latency, merging "*" with route settings', async () => {
    ctx.emulator.setFaults({
      routes: { '*': { latencyMs: 120 }, 'POST /files/aggregate': { latencyMs: 0, errorRate: 1 } },
    });
    let t = Date.now();
    assert.equal((await c().post('/files/list', {})).status, 200);
    assert.ok(Date.now() - t >= 110, `${Date.now() - t} ms`);
    t = Date.now();
    assert.equal((await c().post('/files/aggregate', {})).status, 503);
    assert.ok(Date.now() - t < 100, 'the specific route overrides the latency of "*"');
  });

  it('streams a slow body in pieces over the given time, intact', async () => {
    ctx.emulator.setFaults({ routes: { '/files/list': { slowBodyMs: 400, slowBodyChunks: 6 } } });
    const started = Date.now();
    const res = await fetch(`${ctx.emulator.apiBase}/files/list`, {
      method: 'POST',
      headers: { authorization: 'Bearer demo', 'content-type': 'application/json' },
      body: JSON.stringify({ limit: 20 }),
    });
    const headersAfter = Date.now() - started;
    let chunks = 0;
    const parts: Uint8Array[] = [];
    for await (const part of res.body as unknown as AsyncIterable<Uint8Array>) {
      chunks++;
      parts.push(part);
    }
    const total = Date.now() - started;
    assert.ok(headersAfter < 300, `headers first (${headersAfter} ms)`);
    assert.ok(total >= 350, `${total} ms`);
    assert.ok(chunks >= 3, `${chunks} chunks`);
    const body = JSON.parse(Buffer.concat(parts).toString()) as { items: unknown[] };
    assert.equal(body.items.length, 20);
  });
});

describe('emulator: fault decisions', () => {
  it('draws latency jitter from the seed, within [latencyMs, latencyMs + jitter)', () => {
    const options = { seed: 11, routes: { '*': { latencyMs: 10, latencyJitterMs: 100 } } };
    const draw = () => {
      const faults = new Faults(options);
      return Array.from({ length: 50 }, () => faults.decide('POST', '/files/update').latencyMs);
    };
    const a = draw();
    assert.deepEqual(draw(), a);
    assert.ok(a.every((ms) => ms >= 10 && ms < 110));
    assert.ok(new Set(a).size > 10, 'jitter varies');
  });
});
