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
