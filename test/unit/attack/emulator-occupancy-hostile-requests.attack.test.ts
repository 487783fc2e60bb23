// Attack (emulator, per-route occupancy stats): requests aborted mid-body, aborted while waiting out
// an injected latency, answered 429 and 500, and dropped after handling must not stop the emulator
// serving: no concurrency slot is leaked (the DM write limit is 4), and the stats stay finite.
import assert from 'node:assert/strict';
import http from 'node:http';
import { useEmulator } from '../emulator/helpers';

describe('attack: the emulator keeps serving, with occupancy stats, under hostile requests', () => {
  const ctx = useEmulator({ files: 20, seed: 2 });

  /** Sends headers promising `length` bytes, writes a few, then destroys the socket. */
  const abortMidBody = (path: string, length: number, afterMs = 0) =>
    new Promise<void>((resolve) => {
      const url = new URL(`${ctx.emulator.apiBase}${path}`);
      const req = http.request({
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: 'POST',
        headers: {
          authorization: `Bearer ${ctx.emulator.token}`,
          'content-type': 'application/json',
          'content-length': String(length),
        },
      });
      req.on('error', () => resolve());
      req.on('close', () => resolve());
      req.write('{"items":[');
      setTimeout(() => req.destroy(), afterMs);
    });
  const post = async (path: string, body: unknown) => {
    const res = await fetch(`${ctx.emulator.apiBase}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ctx.emulator.token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as unknown };
  };
  const upsertOne = () =>
    post('/models/instances', {
      items: [
        {
          instanceType: 'node',
          space: [...ctx.emulator.store.nodes.sorted()][0]!.space,
          externalId: 'attack-occupancy',
          sources: [
            {
              source: { type: 'view', space: 'cdf_cdm', externalId: 'CogniteFile', version: 'v1' },
              properties: { name: 'occupancy' },
            },
          ],
        },
      ],
    });

  it('serves a write after 40 writes aborted mid-body, 20 aborted during latency, 429s and drops', async () => {
    for (let i = 0; i < 40; i++) await abortMidBody('/models/instances', 5000);
    await Promise.all(Array.from({ length: 10 }, () => abortMidBody('/models/instances', 5000, 5)));

    ctx.emulator.setFaults({ routes: { 'POST /models/instances': { latencyMs: 200 } } });
    await Promise.all(
      Array.from({ length: 20 }, async () => {
        const controller = new AbortController();
        setTimeout(() => controller.abort(), 20);
        await fetch(`${ctx.emulator.apiBase}/models/instances`, {
          method: 'POST',
          signal: controller.signal,
          headers: { authorization: `Bearer ${ctx.emulator.token}`, 'content-type': 'application/json' },
          body: JSON.stringify({ items: [] }),
        }).catch(() => undefined);
      }),
    );
    ctx.emulator.setFaults({ routes: { 'POST /models/instances': { errorRate: 1, errorStatus: 429 } } });
    for (let i = 0; i < 5; i++) assert.equal((await upsertOne()).status, 429);
    ctx.emulator.setFaults({ routes: { 'POST /models/instances': { errorRate: 1, errorStatus: 500 } } });
    for (let i = 0; i < 5; i++) assert.equal((await upsertOne()).status, 500);
    ctx.emulator.setFaults({ routes: { 'POST /models/instances': { dropRate: 1, dropAfterHandling: true } } });
    for (let i = 0; i < 5; i++) await upsertOne().catch(() => undefined);
    ctx.emulator.setFaults(undefined);
    // Wait for the latency-held requests to finish their turn.
    await new Promise((r) => setTimeout(r, 300));

    const answers = await Promise.all(Array.from({ length: 4 }, () => upsertOne()));
    assert.deepEqual(
      answers.map((a) => a.status),
      [200, 200, 200, 200],
      JSON.stringify(answers.map((a) => a.body)).slice(0, 400),
    );
    const routes = ctx.emulator.serviceStats().routes;
    for (const [route, o] of Object.entries(routes))
      for (const v of [o.admitted, o.latencyMs, o.handlingMs, o.minHandlingMs])
        assert.ok(Number.isFinite(v) && v >= 0, `${route}: ${JSON.stringify(o)}`);
  });
});
