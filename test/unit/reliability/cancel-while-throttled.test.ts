/**
 * A job cancelled while some of its chunks are refused for throttling. A 429 applies nothing, so
 * a chunk whose 429 comes back after the cancel was not sent in effect: the report must say
 * `notSent` (safe to run again), never `failed` — the person cancelled; CDF refused nothing of it.
 */
import assert from 'node:assert/strict';
import { StaticTokenProvider } from '../../../src/cdf/auth/static-token';
import { CdfClient } from '../../../src/cdf/client/cdf-client';
import type { FileUpdateItem } from '../../../src/cdf/model';
import { startEmulator, type RunningEmulator } from '../../../src/emulator';

describe('reliability: cancelling while throttled', () => {
  let emu: RunningEmulator;
  before(async () => {
    emu = await startEmulator({ files: 20, seed: 5 });
  });
  after(() => emu.close());

  it('a chunk refused with 429 after the cancel is reported notSent, not failed, and is unchanged', async () => {
    const files = [...emu.store.files.values()].filter((r) => !r.instanceId).slice(0, 6);
    assert.equal(files.length, 6);
    const items: FileUpdateItem[] = files.map((r) => ({ id: r.id, update: { source: { set: 'cancel-test' } } }));
    // One request in progress at a time, slow: of three chunks sent at once, two are refused (429).
    emu.setThrottle({ requestsPerSecond: 100, burst: 100, concurrency: 1 });
    emu.setFaults({ seed: 1, routes: { '/files/update': { latencyMs: 300 } } });
    const controller = new AbortController();
    const client = new CdfClient({
      baseUrl: emu.baseUrl,
      project: emu.project,
      tokenProvider: new StaticTokenProvider(emu.token),
      retry: { baseDelayMs: 1, maxDelayMs: 2 },
    });
    const report = await client.updateFiles(items, {
      chunkSize: 2,
      signal: controller.signal,
      // Cancel once every chunk is on the wire: the refusals come back after it.
      onProgress: (p) => {
        if (p.requestsSent === 3) controller.abort();
      },
    });
    emu.setThrottle(undefined);
    emu.setFaults(undefined);

    assert.ok(report.cancelled);
    assert.ok(report.stats.throttled >= 1, 'some chunk was refused for throttling');
    assert.deepEqual(
      report.failed.map((o) => o.failure.message),
      [],
      'a 429 after the cancel is no failure: nothing of it was applied',
    );
    assert.equal(report.applied.length + report.notSent.length, items.length);
    const sourceOf = (item: FileUpdateItem) => ('id' in item ? emu.store.files.get(item.id)?.source : undefined);
    for (const o of report.notSent) assert.notEqual(sourceOf(o.item), 'cancel-test', 'not sent means unchanged');
    for (const o of report.applied) assert.equal(sourceOf(o.item), 'cancel-test', 'applied means changed');
  });
});
