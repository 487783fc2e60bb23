/**
 * How a bulk update uses the project's budget, against the emulator's CDF-like throttle over real
 * HTTP: it starts at the documented per-identity concurrency, settles at what the server admits
 * after one burst of refusals (no storm), and paces by rate when the rate is what binds.
 */
import assert from 'node:assert/strict';
import { StaticTokenProvider } from '../../../../src/cdf/auth/static-token';
import { CdfClient } from '../../../../src/cdf/client/cdf-client';
import { RatePacer } from '../../../../src/cdf/client/rate-pacer';
import type { FileUpdateItem } from '../../../../src/cdf/model';
import { startEmulator, type RunningEmulator } from '../../../../src/emulator';

describe('bulk update: scheduling against the throttle', function () {
  this.timeout(60_000);
  let emu: RunningEmulator;
  let ids: number[];

  before(async () => {
    emu = await startEmulator({ files: 2300, seed: 3 });
    ids = [...emu.store.files.values()].map((f) => f.id);
  });
  after(() => emu.close());
  beforeEach(() => {
    emu.clearRequests();
    emu.setThrottle(undefined);
    emu.setFaults(undefined);
  });

  const client = () =>
    new CdfClient({ baseUrl: emu.baseUrl, project: emu.project, tokenProvider: new StaticTokenProvider(emu.token) });
  const tag = (value: string): FileUpdateItem[] =>
    ids.map((id) => ({ id, update: { metadata: { add: { schedule: value } } } }));
  const updates = () => emu.requests.filter((r) => r.path.endsWith('/files/update'));

  it('sends 23 chunks in one round when the budget allows 23 at once', async () => {
    emu.setThrottle({ requestsPerSecond: 120, burst: 120, concurrency: 23 });
    emu.setFaults({ routes: { 'POST /files/update': { latencyMs: 300 } } });
    const report = await client().updateFiles(tag('one-round'), { chunkSize: 100 });
    assert.equal(report.applied.length, ids.length);
    // One round, not a ramp of several: all 23 on the wire together, none refused.
    assert.equal(report.stats.peakConcurrency, 23);
    assert.deepEqual([report.stats.requestsSent, report.stats.throttled], [23, 0]);
  });

  it('meets a budget of 6 at once with one burst of refusals, then stays near what was admitted', async () => {
    emu.setThrottle({ requestsPerSecond: 1000, burst: 1000, concurrency: 6 });
    emu.setFaults({ routes: { 'POST /files/update': { latencyMs: 100, latencyJitterMs: 50 } } });
    const limits: number[] = [];
    const report = await client().updateFiles(tag('six'), {
      chunkSize: 50,
      onProgress: (p) => {
        if (p.throttled > 0) limits.push(p.concurrency);
      },
    });
    assert.equal(report.applied.length, ids.length);
    const refused = updates().filter((r) => r.status === 429).length;
    assert.equal(report.stats.throttled, refused);
    // 46 chunks: the first burst refuses 17 of 23; after that only probes past the budget (about one
    // per round of 6 answers; more when this machine is loaded) may be refused.
    assert.ok(refused <= 17 + 23, `${refused} × 429`);
    // The burst walks the limit down to what the server admitted, not below it (no halving to 2 or 3).
    const lowest = Math.min(...limits);
    assert.ok(lowest >= 4 && lowest <= 7, `lowest limit ${lowest}`);
    // Each item was applied once: only refused (unprocessed) requests were sent again.
    const applied = updates().filter((r) => r.status === 200).length;
    assert.equal(applied, Math.ceil(ids.length / 50));
  });

  it('a chunk refused more often than the retry policy allows fails as refused, not applied', async () => {
    emu.setFaults({ routes: { 'POST /files/update': { errorRate: 1, errorStatus: 429 } } });
    const c = new CdfClient({
      baseUrl: emu.baseUrl,
      project: emu.project,
      tokenProvider: new StaticTokenProvider(emu.token),
      retry: { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 5 },
    });
    const report = await c.updateFiles(tag('never').slice(0, 200), { chunkSize: 100 });
    assert.equal(report.failed.length, 200);
    assert.ok(report.failed.every((f) => f.failure.status === 429 && f.sends === 3));
    assert.equal(updates().length, 6);
  });
});

describe('rate pacer', () => {
  it('starts with a burst, then paces at the rate the server admitted once a 429 names the rate', () => {
    let now = 0;
    const pacer = new RatePacer(120, 3, () => now);
    for (let i = 0; i < 3; i++) {
      assert.equal(pacer.waitMs(), 0);
      pacer.take();
    }
    assert.ok(pacer.waitMs() > 0, 'the burst is spent');
    // Over two seconds the server admitted 8 requests, then refused one for the rate.
    for (let i = 0; i < 8; i++) {
      now += 250;
      pacer.onAdmitted(now - 100);
    }
    pacer.onRateThrottled();
    assert.ok(pacer.rate >= 3.5 && pacer.rate <= 4.5, `${pacer.rate}`);
    assert.ok(Math.abs(pacer.waitMs() - 1000 / pacer.rate) < 1, 'one start per 1/rate, no burst');
    pacer.pause(5000);
    assert.equal(pacer.waitMs(), 5000);
  });

  it('refused for the rate before any answer came: guesses from the requests started and not refused, at most half', () => {
    let now = 0;
    const pacer = new RatePacer(120, 23, () => now);
    for (let i = 0; i < 23; i++) pacer.take();
    for (let i = 0; i < 18; i++) pacer.onRefused(0);
    now = 10;
    pacer.onRateThrottled();
    // 5 not refused in the first 250 ms: 20/s, below half of 120.
    assert.equal(pacer.rate, 20);
    assert.ok(Math.abs(pacer.waitMs() - 50) < 1, 'no burst: one start per 1/rate');
    // With nothing refused the guess cannot exceed half the rate it had.
    const fresh = new RatePacer(120, 23, () => now);
    for (let i = 0; i < 23; i++) fresh.take();
    fresh.onRateThrottled();
    assert.equal(fresh.rate, 60);
  });
});
