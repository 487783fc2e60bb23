/**
 * A request that arrives while the emulator works through handlers whose latency waits fell due
 * together is admitted between those handlers, not once the whole backlog is done (work-turns.ts).
 * Before, a request sent during such a backlog started its own latency only after it, so a bulk
 * job's requests moved in waves and the emulator idled while each wave waited out its latency.
 */
import assert from 'node:assert/strict';
import { Worker } from 'node:worker_threads';
import { startEmulator, type RunningEmulator } from '../../../src/emulator';
import { WorkTurns } from '../../../src/emulator/http/work-turns';

const UPDATES = 16;
const ITEMS_PER_UPDATE = 1000;
const LATENCY_MS = 300;

/**
 * A GET sent at `atMs` (epoch) from a thread of its own: the test's own timers run on the
 * emulator's event loop, so they would wait out the backlog with it and could not tell.
 */
function probeFromWorker(url: string, token: string, atMs: number): Promise<{ sentAt: number }> {
  const code = `
    const { parentPort, workerData } = require('node:worker_threads');
    setTimeout(async () => {
      const sentAt = Date.now();
      const answer = await fetch(workerData.url, { headers: { authorization: 'Bearer ' + workerData.token } });
      await answer.text();
      parentPort.postMessage({ sentAt, status: answer.status });
    }, Math.max(0, workerData.atMs - Date.now()));`;
  const worker = new Worker(code, { eval: true, workerData: { url, token, atMs } });
  return new Promise((resolve, reject) => {
    worker.once('message', (m: { sentAt: number; status: number }) => {
      void worker.terminate();
      if (m.status === 200) resolve(m);
      else reject(new Error(`the probe was answered ${m.status}`));
    });
    worker.once('error', reject);
  });
}

describe('emulator: work behind injected latency', () => {
  let emulator: RunningEmulator;
  /** Server-side: when each request was admitted and when it was answered. */
  const seen: { path: string; admittedAt: number; answeredAt: number }[] = [];

  before(async () => {
    emulator = await startEmulator({
      files: UPDATES * ITEMS_PER_UPDATE,
      seed: 1,
      maxRecordedRequests: 0,
      onRequest: (r) => seen.push({ path: r.path, admittedAt: r.time, answeredAt: Date.now() }),
      faults: { seed: 1, routes: { 'POST /files/update': { latencyMs: LATENCY_MS } } },
    });
  });
  after(() => emulator.close());

  it('admits and answers a request that arrives during a backlog between the backlog handlers', async () => {
    const ids = [...emulator.store.files.ids.from(0)];
    const headers = { authorization: `Bearer ${emulator.token}`, 'content-type': 'application/json' };
    // Sent together: their waits fall due together, and each handler (1000 records) costs the
    // emulator's one thread tens of milliseconds, so the last one runs hundreds of ms after the first.
    const updates = Array.from({ length: UPDATES }, async (_, u) => {
      const items = ids
        .slice(u * ITEMS_PER_UPDATE, (u + 1) * ITEMS_PER_UPDATE)
        .map((id) => ({ id, update: { metadata: { add: { backlog: 'yes' } } } }));
      const answer = await fetch(`${emulator.apiBase}/files/update`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ items }),
      });
      await answer.text();
      assert.equal(answer.status, 200);
    });
    const probe = probeFromWorker(`${emulator.apiBase}/files?limit=1`, emulator.token, Date.now() + LATENCY_MS + 80);
    await Promise.all(updates);
    const { sentAt } = await probe;

    const updateAnswers = seen.filter((s) => s.path.endsWith('/files/update')).map((s) => s.answeredAt);
    const probeSeen = seen.find((s) => s.path.endsWith('/files'));
    assert.ok(probeSeen, 'the emulator answered the probe');
    const pendingWhenSent = updateAnswers.filter((t) => t > sentAt).length;
    assert.ok(
      pendingWhenSent >= 4,
      `the probe must arrive during the backlog to say anything (${pendingWhenSent} updates were still unanswered)`,
    );
    const answeredAfterProbe = updateAnswers.filter((t) => t > probeSeen.answeredAt).length;
    assert.ok(
      answeredAfterProbe >= pendingWhenSent / 2,
      `the probe waited for the backlog: ${answeredAfterProbe} of the ${pendingWhenSent} updates pending when it was sent were answered after it; admitted ${probeSeen.admittedAt - sentAt} ms after it was sent`,
    );
  });

  it('gives waiting work one turn of the event loop each, in order, and drops what waits when the emulator closes', async () => {
    const turns = new WorkTurns();
    const ran: number[] = [];
    for (const n of [1, 2, 3]) void turns.take().then(() => ran.push(n));
    const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));
    await nextTurn();
    assert.deepEqual(ran, [1], 'one piece of work per turn, not the whole queue at once');
    await nextTurn();
    assert.deepEqual(ran, [1, 2]);
    turns.clear();
    for (let i = 0; i < 5; i++) await nextTurn();
    assert.deepEqual(ran, [1, 2], 'work still waiting at close never runs, as a cleared latency timer');
  });
});
