/**
 * What the emulator saw of a bulk update's requests, over real HTTP: never more in progress than
 * the client's bound (the documented 23 per identity, or a caller's lower one), that bound reached
 * in the first round rather than by a ramp, and a rate budget met with few refusals and every item
 * written once. In progress is counted by the server, from each request's arrival to its answer.
 */
import assert from 'node:assert/strict';
import { StaticTokenProvider } from '../../../../src/cdf/auth/static-token';
import * as z from 'zod/mini';
import { CdfClient } from '../../../../src/cdf/client/cdf-client';
import type { FileUpdateItem, UpdateOptions } from '../../../../src/cdf/model';
import { startEmulator, type RecordedRequest, type RunningEmulator } from '../../../../src/emulator';

interface Seen {
  arrivedAt: number;
  answeredAt: number;
  status: number;
}

/** The most requests in progress at once; at equal times an answer comes before an arrival. */
function peakInProgress(seen: readonly Seen[]): number {
  const events = seen.flatMap((s) => [
    { at: s.arrivedAt, delta: 1 },
    { at: s.answeredAt, delta: -1 },
  ]);
  events.sort((a, b) => a.at - b.at || a.delta - b.delta);
  let now = 0;
  let peak = 0;
  for (const e of events) peak = Math.max(peak, (now += e.delta));
  return peak;
}

describe('bulk update: requests in progress, as the server counts them', function () {
  this.timeout(60_000);
  let emu: RunningEmulator;
  let ids: number[];
  let seen: Seen[] = [];

  before(async () => {
    const onRequest = (r: RecordedRequest) => {
      if (r.path.endsWith('/files/update')) seen.push({ arrivedAt: r.time, answeredAt: Date.now(), status: r.status });
    };
    emu = await startEmulator({ files: 2000, seed: 5, maxRecordedRequests: 0, onRequest });
    ids = [...emu.store.files.values()].map((f) => f.id);
  });
  after(() => emu.close());
  beforeEach(() => {
    seen = [];
    emu.setThrottle(undefined);
    emu.setFaults(undefined);
  });

  const update = (value: string, { fetch: through, ...options }: UpdateOptions & { fetch?: typeof fetch }) =>
    new CdfClient({
      baseUrl: emu.baseUrl,
      project: emu.project,
      tokenProvider: new StaticTokenProvider(emu.token),
      fetch: through,
    }).updateFiles(
      ids.map((id): FileUpdateItem => ({ id, update: { metadata: { add: { inFlight: value } } } })),
      options,
    );

  it('never has more than the documented 23 in progress when the server would take more, and has 23 from the first round', async () => {
    emu.setFaults({ routes: { 'POST /files/update': { latencyMs: 150, latencyJitterMs: 100 } } });
    // The client's own order of events: requests handed to fetch, and answers coming back.
    const events: ('sent' | 'answered')[] = [];
    const report = await update('unbounded', {
      chunkSize: 25,
      fetch: async (url, init) => {
        events.push('sent');
        const response = await fetch(url, init);
        events.push('answered');
        return response;
      },
    });
    assert.equal(report.applied.length, ids.length);
    assert.equal(seen.length, 80, 'one request per chunk: none refused, none repeated');
    assert.equal(peakInProgress(seen), 23);
    assert.equal(events.indexOf('answered'), 23, 'all 23 went before any answer came: no ramp');
  });

  it('holds a caller’s lower bound, and meets a server budget of exactly that many without a refusal', async () => {
    emu.setThrottle({ concurrency: 4 });
    emu.setFaults({ routes: { 'POST /files/update': { latencyMs: 20, latencyJitterMs: 30 } } });
    const report = await update('four', { chunkSize: 50, concurrency: { initial: 4, max: 4 } });
    assert.equal(report.applied.length, ids.length);
    assert.equal(peakInProgress(seen), 4);
    assert.deepEqual([report.stats.throttled, seen.length], [0, 40]);
  });

  it('meets a rate budget with a handful of refusals, not a storm, and writes every item once', async () => {
    emu.setThrottle({ requestsPerSecond: 25, burst: 5, concurrency: 23 });
    // Answers slower than 1/rate: only several requests in progress at once can keep to the rate.
    emu.setFaults({ routes: { 'POST /files/update': { latencyMs: 200, latencyJitterMs: 100 } } });
    const started = Date.now();
    const report = await update('rate', { chunkSize: 50 });
    const wallMs = Date.now() - started;
    assert.equal(report.applied.length, ids.length);
    const refused = seen.filter((s) => s.status === 429).length;
    const applied = seen.filter((s) => s.status === 200).length;
    assert.equal(applied, 40, 'each chunk applied once: only refused requests were sent again');
    assert.equal(report.stats.throttled, refused);
    // 23 go at first and 18 are refused (burst of 5). The pacer starts at CDF's documented 120,000
    // items/s (2400 requests/s of 50) and halves on each new overload until answers tell the rate:
    // a few small crowds, each cheap (refused at once), then one request per 1/rate.
    assert.ok(refused <= 2 * 40, `${refused} × 429`);
    // 35 requests past the burst at 25/s take 1.4 s, plus a last answer (about 1.8 s here); pausing
    // every start after each refusal, or walking the concurrency down to the few on the wire (as
    // this client once did on a rate refusal: 3.3–3.5 s), takes far longer.
    assert.ok(wallMs >= 1300 && wallMs < 2600, `${wallMs} ms, ${refused} × 429`);
  });

  it('lets the event loop turn between a 2xx answer and reading it, so a freed slot is filled before 1000 records are parsed', async () => {
    class Probe extends CdfClient {
      order(yieldBeforeParsing: boolean): Promise<string[]> {
        const marks: string[] = [];
        return this.transport
          .request({
            method: 'POST',
            path: '/files/list',
            body: { limit: 1 },
            idempotent: true,
            response: z.custom<unknown>(() => marks.push('parsed') > 0),
            onAttempt: (e) => {
              if (e.type === 'answered') setImmediate(() => marks.push('next request'));
            },
            yieldBeforeParsing,
          })
          .then(() => new Promise((resolve) => setImmediate(() => resolve(marks))));
      }
    }
    const probe = new Probe({
      baseUrl: emu.baseUrl,
      project: emu.project,
      tokenProvider: new StaticTokenProvider(emu.token),
    });
    assert.deepEqual(await probe.order(true), ['next request', 'parsed']);
    assert.deepEqual(await probe.order(false), ['parsed', 'next request']);
  });
});
