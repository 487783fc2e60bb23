/**
 * The client against the emulator with throttling and faults switched on: nothing lost, nothing
 * sent twice without the report saying so, every item accounted for.
 */
import assert from 'node:assert/strict';
import { StaticTokenProvider } from '../../../../src/cdf/auth/static-token';
import { CachingTokenProvider } from '../../../../src/cdf/auth/token-cache';
import { CdfClient } from '../../helpers/cdf-client';
import type { UpdateProgress, UpdateReport } from '../../../../src/cdf/model';
import type { FileUpdateItem } from '../../../../src/cdf/model';
import { startEmulator, type RunningEmulator } from '../../../../src/emulator';
import { captureLogger } from './helpers/log-capture';

const UPDATE_PATH = /\/files\/update$/;
const TOKEN = 'emulator-token-5d1e';

function updateRequests(emu: RunningEmulator) {
  return emu.requests.filter((r) => r.method === 'POST' && UPDATE_PATH.test(r.path));
}

/** The ids a recorded request carried (throttled requests are refused before their body is read). */
const idsIn = (body: unknown): number[] =>
  ((body as { items?: { id: number }[] } | undefined)?.items ?? []).map((i) => i.id);

function assertEveryItemAccountedFor(report: UpdateReport, emu: RunningEmulator): void {
  const total = report.items.length;
  assert.equal(report.applied.length + report.failed.length + report.unknown.length + report.notSent.length, total);
  // The emulator saw no request the client did not make, and every attempt the client has an answer to.
  // An attempt abandoned while it was still being sent (cancelled with no grace) may never have been
  // read by the server: its items are reported unknown, which the checks below hold it to.
  const seen = updateRequests(emu);
  const answered = report.attempts.filter((a) => a.status !== undefined).length;
  assert.ok(seen.length <= report.attempts.length, `${seen.length} requests received, ${report.attempts.length} made`);
  assert.ok(seen.length >= answered, `${seen.length} requests received, ${answered} answered`);
  const unseen = report.attempts.filter((a) => a.status === undefined && !a.noAnswer);
  assert.deepEqual(unseen, [], 'an attempt without an answer says why');
  const answeredIds = new Set(report.attempts.map((a) => a.requestId).filter(Boolean));
  const outcomeOf = new Map(report.items.map((o) => ['id' in o.item ? o.item.id : NaN, o.outcome]));
  for (const r of seen) {
    if (r.status === 0 || answeredIds.has(r.requestId)) continue;
    // The server answered a request the client had already given up on (cancelled, timed out): the
    // client cannot know it applied, so every item in it must be reported unknown, never applied or not sent.
    for (const id of idsIn(r.body))
      assert.ok(
        outcomeOf.get(id) === 'unknown' || outcomeOf.get(id) === 'applied',
        `item ${id} of abandoned request ${r.requestId} is ${outcomeOf.get(id)}`,
      );
  }
  // No item reached the server more often than the report says it was sent.
  const serverSends = new Map<number, number>();
  for (const r of seen) for (const id of idsIn(r.body)) serverSends.set(id, (serverSends.get(id) ?? 0) + 1);
  for (const o of report.items) {
    const id = 'id' in o.item ? o.item.id : NaN;
    assert.ok(
      (serverSends.get(id) ?? 0) <= o.sends,
      `item ${id}: server saw it ${serverSends.get(id)} times, report says ${o.sends}`,
    );
  }
}

describe('reliability against the emulator (throttling and faults on)', function () {
  this.timeout(60_000);
  let emu: RunningEmulator;
  let ids: number[];

  before(async () => {
    emu = await startEmulator({ files: 10_000, seed: 7, token: TOKEN });
    ids = [...emu.store.files.values()].map((f) => f.id);
  });
  after(() => emu.close());
  beforeEach(() => {
    emu.clearRequests();
    emu.setThrottle(undefined);
    emu.setFaults(undefined);
  });

  const client = (extra: Partial<ConstructorParameters<typeof CdfClient>[0]> = {}) =>
    new CdfClient({
      baseUrl: emu.baseUrl,
      project: emu.project,
      tokenProvider: new StaticTokenProvider(TOKEN),
      ...extra,
    });
  const tagAll = (tag: string, list = ids): FileUpdateItem[] =>
    list.map((id) => ({ id, update: { metadata: { add: { bulk: tag } } } }));

  it('updates 10,000 items under a tight rate limit: every item applied, no error', async () => {
    emu.setThrottle({ requestsPerSecond: 2, burst: 2, concurrency: 2 });
    emu.setFaults({ routes: { 'POST /files/update': { latencyMs: 150, latencyJitterMs: 100 } } });
    const progress: UpdateProgress[] = [];
    const started = Date.now();
    const report = await client().updateFiles(tagAll('run-1'), { onProgress: (p) => progress.push(p) });
    const wallMs = Date.now() - started;

    assert.equal(report.applied.length, 10_000);
    assert.deepEqual([report.failed.length, report.unknown.length, report.notSent.length], [0, 0, 0]);
    for (const f of emu.store.files.values()) assert.equal(f.metadata?.bulk, 'run-1');
    assertEveryItemAccountedFor(report, emu);
    const throttledAtServer = updateRequests(emu).filter((r) => r.status === 429).length;
    assert.equal(report.stats.throttled, throttledAtServer);
    // Each item was applied once: the only re-sends were of throttled (refused) requests.
    const appliedRequests = updateRequests(emu).filter((r) => r.status === 200);
    assert.equal(
      appliedRequests.reduce((n, r) => n + idsIn(r.body).length, 0),
      10_000,
    );
    const last = progress.at(-1)!;
    assert.deepEqual([last.applied, last.pending], [10_000, 0]);
    console.log(
      `      10,000 items: ${wallMs} ms, ${report.stats.requestsSent} requests, ${report.stats.throttled} × 429, ` +
        `concurrency peak ${report.stats.peakConcurrency}, final ${report.stats.finalConcurrency}`,
    );
  });

  it('survives 5xx, dropped connections (before and after the change), slow bodies and latency', async () => {
    emu.setFaults({
      seed: 3,
      routes: {
        'POST /files/update': {
          errorRate: 0.15,
          errorStatus: 503,
          dropRate: 0.1,
          latencyMs: 5,
          latencyJitterMs: 20,
          slowBodyMs: 30,
        },
      },
    });
    emu.setThrottle({ requestsPerSecond: 200, concurrency: 6 });
    const items = tagAll('run-2', ids.slice(0, 4000));
    const report = await client({ retry: { baseDelayMs: 20, maxDelayMs: 500 } }).updateFiles(items, { chunkSize: 100 });
    assertEveryItemAccountedFor(report, emu);
    assert.equal(report.applied.length, 4000, JSON.stringify(report.unknown.slice(0, 2)));
    for (const id of ids.slice(0, 4000)) assert.equal(emu.store.files.get(id)?.metadata?.bulk, 'run-2');
    const faults = updateRequests(emu).filter((r) => r.fault !== undefined).length;
    assert.ok(faults > 10, `only ${faults} faults injected`);
    const resent = report.items.filter((o) => o.sends > 1).length;
    assert.ok(resent > 0, 'some items were re-sent, and the report shows which');
  });

  it('a drop after the change was applied is retried; the item lands once in effect and is counted twice', async () => {
    emu.setFaults({ seed: 5, routes: { 'POST /files/update': { dropRate: 0.5, dropAfterHandling: true } } });
    // Every attempt is dropped with chance 1/2, whichever request draws it (the order of concurrent
    // requests decides that): with the default 10 attempts, one of 20 chunks runs out about once in 50
    // runs. 30 attempts make that one in 50 million; what is tested is the count, not the budget.
    const report = await client({ retry: { baseDelayMs: 5, maxDelayMs: 50, maxAttempts: 30 } }).updateFiles(
      tagAll('run-3', ids.slice(0, 1000)),
      {
        chunkSize: 50,
      },
    );
    assertEveryItemAccountedFor(report, emu);
    assert.equal(report.applied.length, 1000, `unknown ${report.unknown.length}, failed ${report.failed.length}`);
    const dropped = updateRequests(emu).filter((r) => r.fault === 'dropped');
    assert.ok(dropped.length > 0);
    for (const r of dropped) for (const id of idsIn(r.body)) assert.ok(report.items[ids.indexOf(id)]!.sends >= 2);
  });

  it('after a retry budget runs out, says "unknown" (not failed) and resends only those on retryUpdate', async () => {
    emu.setFaults({ routes: { 'POST /files/update': { errorRate: 1, errorStatus: 502 } } });
    const c = client({ retry: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 5 } });
    const first = await c.updateFiles(tagAll('run-4', ids.slice(0, 300)), { chunkSize: 100 });
    assert.equal(first.unknown.length, 300);
    assert.ok(first.unknown.every((u) => u.status === 502 && u.sends === 2));
    emu.setFaults(undefined);
    const merged = await c.retryUpdate(first);
    assert.equal(merged.applied.length, 300);
    assert.ok(merged.items.every((o) => o.sends === 3));
  });

  for (const graceMs of [0, 5000]) {
    it(`cancellation reports exactly what was applied, never sent, or in flight (grace ${graceMs} ms)`, async () => {
      emu.setFaults({ routes: { 'POST /files/update': { latencyMs: 80, latencyJitterMs: 40 } } });
      const controller = new AbortController();
      const items = tagAll(`cancel-${graceMs}`, ids.slice(0, 6000));
      const report = await client().updateFiles(items, {
        chunkSize: 100,
        signal: controller.signal,
        cancelGraceMs: graceMs,
        concurrency: { initial: 4, max: 8 },
        onProgress: (p) => {
          if (p.applied >= 1000) controller.abort();
        },
      });
      // Give requests the client abandoned time to finish on the server before looking at the store.
      await new Promise((r) => setTimeout(r, 300));
      assert.equal(report.cancelled, true);
      assert.ok(report.applied.length >= 1000 && report.notSent.length > 0, `${report.applied.length} applied`);
      if (graceMs > 0) assert.equal(report.unknown.length, 0, 'in-flight requests were allowed to finish');
      // With no grace, whatever was in flight at the abort is unknown (how much that is depends on timing).
      else for (const u of report.unknown) assert.match(u.why, /cancel|abort|no answer/i);

      const seenIds = new Set(updateRequests(emu).flatMap((r) => idsIn(r.body)));
      for (const o of report.items) {
        const id = 'id' in o.item ? o.item.id : NaN;
        const changed = emu.store.files.get(id)?.metadata?.bulk === `cancel-${graceMs}`;
        if (o.outcome === 'applied') assert.ok(changed, `applied item ${id} is not changed`);
        if (o.outcome === 'notSent') {
          assert.ok(!changed, `not-sent item ${id} was changed`);
          assert.ok(!seenIds.has(id), `not-sent item ${id} reached the server`);
        }
        assert.notEqual(o.outcome, 'failed');
      }
      assertEveryItemAccountedFor(report, emu);
    });
  }

  it('on 401 gets one fresh token and retries, also when many requests fail at once', async () => {
    let issued = 0;
    const provider = new CachingTokenProvider(async () => {
      issued++;
      await new Promise((r) => setTimeout(r, 20));
      return {
        accessToken: issued === 1 ? 'stale-token-1' : `fresh-token-${issued}`,
        expiresAt: Date.now() + 3600_000,
      };
    });
    const local = await startEmulator({
      files: 2000,
      seed: 2,
      token: 'unused-demo-token',
      verifyToken: (t) => t.startsWith('fresh-'),
    });
    try {
      const c = new CdfClient({ baseUrl: local.baseUrl, project: local.project, tokenProvider: provider });
      const localIds = [...local.store.files.values()].map((f) => f.id);
      const report = await c.updateFiles(
        localIds.map((id) => ({ id, update: { metadata: { add: { step: 'after-401' } } } })),
        { chunkSize: 100, concurrency: { initial: 8 } },
      );
      assert.equal(
        report.applied.length,
        2000,
        JSON.stringify([...report.failed, ...report.unknown].slice(0, 1).map((o) => ({ ...o, item: undefined }))),
      );
      assert.equal(issued, 2, 'one refresh for a crowd of 401s');
      const unauthorized = local.requests.filter((r) => r.status === 401).length;
      assert.ok(unauthorized >= 1 && unauthorized <= 8, `${unauthorized} × 401`);
    } finally {
      await local.close();
    }
  });

  it('writes no token or Authorization header into the log of a faulty run', async () => {
    const logger = captureLogger();
    emu.setFaults({ seed: 9, routes: { '*': { errorRate: 0.2, errorStatus: 503, dropRate: 0.1 } } });
    const c = client({ logger, retry: { baseDelayMs: 1, maxDelayMs: 10 } });
    await c.updateFiles(tagAll('logged', ids.slice(0, 500)), { chunkSize: 50 });
    await c.listFilesPage({ limit: 5 }).catch(() => undefined);
    await c.getFile(1).catch((e: unknown) => logger.error(e as Error));
    assert.ok(logger.lines.length > 20);
    const text = logger.text();
    assert.ok(!text.includes(TOKEN) && !/authorization|bearer/i.test(text), text.slice(0, 2000));
  });
});
