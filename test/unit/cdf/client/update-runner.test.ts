import assert from 'node:assert/strict';
import { StaticTokenProvider } from '../../../../src/cdf/auth/static-token';
import { CdfClient } from '../../helpers/cdf-client';
import type { UpdateProgress, UpdateReport } from '../../../../src/cdf/model';
import type { FileUpdateItem } from '../../../../src/cdf/model';
import { FakeFiles } from './helpers/fake-update-endpoint';
import { cdfError, json, startScriptedServer, type ScriptedServer } from './helpers/scripted-server';

const setSource = (id: number, source = `s-${id}`): FileUpdateItem => ({ id, update: { source: { set: source } } });
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
const itemCounts = (server: ScriptedServer) => server.seen.map((s) => (s.body as { items: unknown[] }).items.length);

/** Every item settled exactly once, and the counts add up. */
function assertConsistent(report: UpdateReport, total: number): void {
  assert.equal(report.items.length, total);
  assert.equal(report.applied.length + report.failed.length + report.unknown.length + report.notSent.length, total);
  report.items.forEach((o, i) => assert.equal(o.index, i));
  // The attempt log and the per-item send counts tell the same story.
  const sends = new Array<number>(total).fill(0);
  for (const a of report.attempts) for (const i of a.itemIndexes) sends[i]!++;
  assert.deepEqual(
    report.items.map((o) => o.sends),
    sends,
  );
}

describe('bulk update runner (over real HTTP)', () => {
  let server: ScriptedServer;
  let fake: FakeFiles;
  const client = () =>
    new CdfClient({
      baseUrl: server.baseUrl,
      project: 'p',
      tokenProvider: new StaticTokenProvider('tok-123456'),
      retry: { sleep: () => Promise.resolve(), maxAttempts: 4, attemptTimeoutMs: 2000 },
    });

  before(async () => (server = await startScriptedServer()));
  after(() => server.close());
  beforeEach(() => {
    server.seen.length = 0;
    fake = new FakeFiles(5000);
    server.script((req, res) => void fake.handle(req, res));
  });

  it('sends any number of items in chunks of 1000 and reports each applied with its record', async () => {
    const progress: UpdateProgress[] = [];
    const report = await client().updateFiles(
      range(1, 2500).map((id) => setSource(id)),
      { onProgress: (p) => progress.push(p) },
    );
    assertConsistent(report, 2500);
    assert.equal(report.applied.length, 2500);
    assert.deepEqual(itemCounts(server).sort(), [1000, 1000, 500]);
    assert.equal(report.applied[1234]?.record?.source, 's-1235');
    assert.ok(report.items.every((o) => o.sends === 1));
    const last = progress.at(-1)!;
    assert.deepEqual([last.applied, last.pending, last.requestsSent], [2500, 0, 3]);
    // Progress only moves forward.
    for (let i = 1; i < progress.length; i++) assert.ok(progress[i]!.applied >= progress[i - 1]!.applied);
  });

  it('keeps going when the progress callback throws', async () => {
    const report = await client().updateFiles(
      range(1, 30).map((id) => setSource(id)),
      {
        chunkSize: 10,
        onProgress: () => {
          throw new Error('display broke');
        },
      },
    );
    assert.equal(report.applied.length, 30);
  });

  it('fails only the missing items of a rejected chunk and re-sends the rest', async () => {
    const items = range(1, 1000).map((id) => setSource(id));
    items[10] = setSource(90_001);
    items[500] = { externalId: 'nope', update: { source: { set: 'x' } } };
    const report = await client().updateFiles(items);
    assertConsistent(report, 1000);
    assert.deepEqual(
      report.failed.map((f) => [f.index, f.failure.reason, f.failure.status]),
      [
        [10, 'missing', 400],
        [500, 'missing', 400],
      ],
    );
    assert.equal(report.applied.length, 998);
    assert.deepEqual(itemCounts(server), [1000, 998]);
    assert.equal(report.items[0]?.sends, 2, 'the good items went twice, and the report says so');
    assert.equal(report.items[10]?.sends, 1);
    assert.equal(fake.applied.get(1), 1, 'but were applied once (the first request was rejected whole)');
  });

  it('fails items whose new external id is taken (409 duplicated) and applies the rest', async () => {
    const items = range(1, 20).map((id) => setSource(id));
    items[3] = { id: 4, update: { externalId: { set: 'ext-7' } } };
    const report = await client().updateFiles(items);
    assertConsistent(report, 20);
    assert.deepEqual(
      report.failed.map((f) => [f.index, f.failure.reason, f.failure.status, f.failure.message]),
      [[3, 'duplicated', 409, 'Duplicate external ids']],
    );
    assert.equal(report.applied.length, 19);
  });

  it('narrows a rejection that names no item down to the item, by halving', async () => {
    const items = range(1, 1000).map((id) => setSource(id));
    items[637] = setSource(638, 'INVALID');
    const report = await client().updateFiles(items);
    assertConsistent(report, 1000);
    assert.deepEqual(
      report.failed.map((f) => [f.index, f.failure.reason, f.failure.message]),
      [[637, 'invalid', 'Invalid source']],
    );
    assert.equal(report.applied.length, 999);
    assert.ok(server.seen.length <= 1 + 2 * 10, `${server.seen.length} requests`);
    assert.ok([...fake.applied.values()].every((n) => n === 1));
  });

  it('when too many items are rejected unnamed, stops halving and flags the undecided ones', async () => {
    const items = range(1, 1000).map((id) => setSource(id, id % 10 === 0 ? 'INVALID' : `s-${id}`));
    const report = await client().updateFiles(items);
    assertConsistent(report, 1000);
    assert.ok(server.seen.length <= 1 + 120 + 2, `${server.seen.length} requests`);
    for (const o of report.items) {
      const bad = (o.index + 1) % 10 === 0;
      if (o.outcome === 'applied') assert.ok(!bad);
      else {
        assert.equal(o.outcome, 'failed');
        // A good item is never blamed without saying that the client could not tell.
        if (!bad) assert.equal(o.failure.notIsolated, true);
      }
    }
    assert.ok(report.applied.length > 0 && report.failed.some((f) => !f.failure.notIsolated));
  });

  it('refuses items it can tell are wrong without sending them', async () => {
    const items: FileUpdateItem[] = [setSource(1), { id: -5, update: {} }, setSource(2), setSource(2, 'again')];
    const report = await client().updateFiles(items);
    assertConsistent(report, 4);
    assert.deepEqual(
      report.items.map((o) => o.outcome),
      ['applied', 'failed', 'failed', 'failed'],
    );
    assert.deepEqual(
      report.failed.map((f) => [f.failure.reason, f.sends]),
      [
        ['invalid', 0],
        ['duplicated', 0],
        ['duplicated', 0],
      ],
    );
    assert.deepEqual(itemCounts(server), [1]);
  });

  it('reports a chunk unknown after 5xx outlasts the retry budget, and the other chunks applied', async () => {
    server.script((req, res) => {
      const first = (req.body as { items: { id: number }[] }).items[0]!.id;
      if (first === 1001) json(res, 503, cdfError(503, 'Service unavailable'));
      else fake.handle(req, res);
    });
    const report = await client().updateFiles(
      range(1, 2500).map((id) => setSource(id)),
      { concurrency: { initial: 1 } },
    );
    assertConsistent(report, 2500);
    assert.equal(report.applied.length, 1500);
    assert.equal(report.unknown.length, 1000);
    assert.deepEqual([...new Set(report.unknown.map((u) => `${u.status} ${u.why}`))], ['503 Service unavailable']);
    assert.ok(report.unknown.every((u) => u.sends === 4 && u.index >= 1000 && u.index < 2000));
  });

  it('re-sends after a dropped connection and counts both sends', async () => {
    let dropped = false;
    server.script((req, res) => {
      if (!dropped) {
        dropped = true;
        fake.handle(req, { writeHead: () => undefined, end: () => res.destroy() } as never);
        return;
      }
      fake.handle(req, res);
    });
    const report = await client().updateFiles(range(1, 10).map((id) => setSource(id)));
    assertConsistent(report, 10);
    assert.equal(report.applied.length, 10);
    assert.ok(report.items.every((o) => o.sends === 2));
    assert.equal(report.attempts[0]?.noAnswer !== undefined, true);
    assert.equal(fake.applied.get(1), 2, 'applied twice, harmlessly: the same value set twice');
  });

  it('calls a "missing" after a possibly-applied attempt unknown: a rename by external id may have landed', async () => {
    let dropped = false;
    server.script((req, res) => {
      if (!dropped) {
        dropped = true;
        // Apply, then lose the answer: the item was renamed from ext-1 to renamed-1.
        fake.handle(req, { writeHead: () => undefined, end: () => res.destroy() } as never);
        return;
      }
      fake.handle(req, res);
    });
    const items: FileUpdateItem[] = [
      { externalId: 'ext-1', update: { externalId: { set: 'renamed-1' } } },
      setSource(2),
    ];
    const report = await client().updateFiles(items);
    assertConsistent(report, 2);
    assert.equal(report.items[0]?.outcome, 'unknown');
    assert.match(report.items[0]?.outcome === 'unknown' ? report.items[0].why : '', /earlier attempt/);
    assert.equal(report.items[1]?.outcome, 'applied');
  });

  it('retryUpdate re-sends only unknown and not-sent items and merges the outcomes', async () => {
    let failing = true;
    server.script((req, res) => {
      const first = (req.body as { items: { id: number }[] }).items[0]!.id;
      if (failing && first === 1) json(res, 502, cdfError(502, 'Bad gateway'));
      else fake.handle(req, res);
    });
    const c = client();
    const items = range(1, 1500).map((id) => setSource(id));
    items[1400] = setSource(99_999);
    const first = await c.updateFiles(items);
    assert.deepEqual([first.applied.length, first.unknown.length, first.failed.length], [499, 1000, 1]);
    failing = false;
    server.seen.length = 0;
    const merged = await c.retryUpdate(first);
    assertConsistent(merged, 1500);
    assert.deepEqual([merged.applied.length, merged.unknown.length, merged.failed.length], [1499, 0, 1]);
    assert.deepEqual(itemCounts(server), [1000], 'the missing item was not sent again');
    assert.equal(merged.items[0]?.sends, 5);
  });
});
