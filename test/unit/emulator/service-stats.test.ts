/**
 * The emulator's own report of how long it was busy (a benchmark's floor uses it): serving work
 * counts, waiting out an injected latency does not, and a reset starts a new measurement.
 */
import assert from 'node:assert/strict';
import { client, useEmulator } from './helpers';

describe('emulator: service stats (busy time)', () => {
  const ctx = useEmulator({ files: 2000 });
  afterEach(() => ctx.emulator.setFaults(undefined));

  it('does not count time spent waiting out an injected latency', async () => {
    ctx.emulator.setFaults({ routes: { 'POST /files/list': { latencyMs: 400 } } });
    ctx.emulator.resetServiceStats();
    const answer = await client(ctx.emulator).post('/files/list', { limit: 1 });
    assert.equal(answer.status, 200);
    const stats = ctx.emulator.serviceStats();
    assert.ok(stats.elapsedMs >= 400, `elapsed ${stats.elapsedMs}`);
    assert.ok(stats.busyMs < stats.elapsedMs / 2, `busy ${stats.busyMs} of ${stats.elapsedMs} ms`);
  });

  it('counts the work of serving: updating 1000 records keeps it busier than one small read, and a reset starts over', async () => {
    ctx.emulator.resetServiceStats();
    await client(ctx.emulator).post('/files/list', { limit: 1 });
    const small = ctx.emulator.serviceStats().busyMs;
    const ids = [...ctx.emulator.store.files.ids.from(0)].slice(0, 1000);
    ctx.emulator.resetServiceStats();
    const answer = await client(ctx.emulator).post('/files/update', {
      items: ids.map((id) => ({ id, update: { metadata: { add: { busy: 'yes' } } } })),
    });
    assert.equal(answer.status, 200);
    const large = ctx.emulator.serviceStats();
    assert.ok(large.busyMs > small, `update ${large.busyMs} ms, small read ${small} ms`);
    assert.ok(large.cpuMs > 0 && large.busyMs <= large.elapsedMs + 1);
    ctx.emulator.resetServiceStats();
    assert.ok(ctx.emulator.serviceStats().busyMs < large.busyMs, 'a reset starts a new measurement');
  });
});

describe('emulator: service stats (how long admitted requests held their slot, per route)', function () {
  this.timeout(20_000);
  const ctx = useEmulator({ files: 2000 });
  afterEach(() => {
    ctx.emulator.setFaults(undefined);
    ctx.emulator.setThrottle(undefined);
  });
  const updateOf = (ids: number[], value: string) => ({
    items: ids.map((id) => ({ id, update: { metadata: { add: { held: value } } } })),
  });

  it('counts each admitted request with the latency drawn for it and its own handling time', async () => {
    ctx.emulator.setFaults({ seed: 3, routes: { 'POST /files/update': { latencyMs: 120, latencyJitterMs: 60 } } });
    ctx.emulator.resetServiceStats();
    const ids = [...ctx.emulator.store.files.ids.from(0)].slice(0, 1000);
    for (const value of ['a', 'b']) {
      const answer = await client(ctx.emulator).post('/files/update', updateOf(ids, value));
      assert.equal(answer.status, 200);
    }
    const routes = ctx.emulator.serviceStats().routes;
    const update = routes['POST /files/update']!;
    assert.equal(update.admitted, 2);
    assert.ok(update.latencyMs >= 240 && update.latencyMs < 360, `drawn ${update.latencyMs} ms`);
    assert.ok(update.handlingMs > 0, 'updating 1000 records takes time of its own');
    assert.ok(update.minHandlingMs > 0 && update.minHandlingMs <= update.handlingMs / 2);
    ctx.emulator.resetServiceStats();
    assert.deepEqual(ctx.emulator.serviceStats().routes, {}, 'a reset starts over');
  });

  it('does not count a request refused with 429: it never held a slot', async () => {
    ctx.emulator.setThrottle({ concurrency: 1 });
    ctx.emulator.setFaults({ routes: { 'POST /files/update': { latencyMs: 200 } } });
    ctx.emulator.resetServiceStats();
    const ids = [...ctx.emulator.store.files.ids.from(0)].slice(0, 10);
    const answers = await Promise.all(
      ['x', 'y', 'z'].map((v) => client(ctx.emulator).post('/files/update', updateOf(ids, v))),
    );
    assert.deepEqual(answers.map((a) => a.status).sort(), [200, 429, 429]);
    assert.equal(ctx.emulator.serviceStats().routes['POST /files/update']!.admitted, 1);
  });

  it('counts only a request’s own handling, not the time it waited while other requests’ handlers ran', async () => {
    // Eight heavy updates whose latencies end together: each waits for the handlers before it. Their
    // answer times minus their latency add up to about 1 + 2 + … + 8 handlers; their own work to 8.
    ctx.emulator.setFaults({ routes: { 'POST /files/update': { latencyMs: 150 } } });
    const all = [...ctx.emulator.store.files.ids.from(0)];
    const bodies = Array.from({ length: 8 }, (_, i) => updateOf(all.slice(i * 250, i * 250 + 250), `w${i}`));
    ctx.emulator.resetServiceStats();
    const answers = await Promise.all(bodies.map((b) => client(ctx.emulator).post('/files/update', b)));
    assert.ok(answers.every((a) => a.status === 200));
    const stats = ctx.emulator.serviceStats();
    const update = stats.routes['POST /files/update']!;
    assert.equal(update.admitted, 8);
    assert.equal(update.latencyMs, 8 * 150);
    // Own stretches never overlap on the one thread, so together they fit in its busy time.
    assert.ok(update.handlingMs <= stats.busyMs, `handling ${update.handlingMs} ms, busy ${stats.busyMs} ms`);
  });
});
