/**
 * The arithmetic behind the benchmark's verdicts: a bulk-update scenario's floor (the time no client
 * can beat) and the median/min/max of repeated runs. A wrong floor would make every ratio wrong.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { RouteOccupancy } from '../../src/emulator';
import { bulkFloor, leastOccupancy } from '../bench/bulk-update/floor';
import { BULK_SCENARIOS, type BulkScenario } from '../bench/bulk-update/scenarios';
import { NODE_SCENARIOS, nodeFloor } from '../bench/node-update/scenarios';
import { comparedWith, floorTerms } from '../bench/report/markdown';
import { ratio, spread } from '../bench/support/stats';

const scenario = (over: Partial<BulkScenario>): BulkScenario => ({
  name: 't',
  title: 't',
  latencyMs: 600,
  latencyJitterMs: 400,
  throttle: {},
  ...over,
});

describe('bench: the floor of a bulk-update scenario', () => {
  it('the rate term: the requests past the burst / rate, then the last one’s shortest latency', () => {
    // The bucket starts with 7.5 tokens: the 100th request is admitted at (100 − 7.5) / 7.5 = 12.33 s
    // at the soonest, and answered no sooner than 600 ms later.
    const f = bulkFloor(scenario({ throttle: { requestsPerSecond: 7.5, concurrency: 23 } }), 100_000, 1000, 1000);
    assert.equal(f.requests, 100);
    assert.ok(Math.abs(f.rateMs - 12_933.33) < 0.01, `${f.rateMs}`);
    assert.equal(f.boundBy, 'rate');
    assert.equal(f.floorMs, f.rateMs);
    const noBurst = bulkFloor(scenario({ throttle: { requestsPerSecond: 10, burst: 1 } }), 10_000, 1000, 0);
    assert.equal(noBurst.rateMs, 900 + 600, 'a burst of one: the 10th request waits 9 refills');
  });

  it('the rate term is when a client that sends each request the moment its token is there gets its last answer', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 500 }),
        fc.double({ min: 0.5, max: 200, noNaN: true }),
        fc.double({ min: 1, max: 60, noNaN: true }),
        fc.integer({ min: 0, max: 2000 }),
        (requests, rate, burst, latency) => {
          // The emulator's bucket, request by request: wait for a whole token, take it.
          let tokens = burst;
          let at = 0;
          for (let k = 0; k < requests; k++) {
            if (tokens < 1) {
              at += ((1 - tokens) / rate) * 1000;
              tokens = 1;
            }
            tokens -= 1;
          }
          const f = bulkFloor(
            scenario({ latencyMs: latency, latencyJitterMs: 100, throttle: { requestsPerSecond: rate, burst } }),
            requests,
            1,
            0,
          );
          assert.ok(Math.abs(f.rateMs - (at + latency)) < 1e-6 * Math.max(1, at), `${f.rateMs} vs ${at + latency}`);
        },
      ),
    );
  });

  it('the concurrency term: requests × mean latency / concurrency (Little’s law)', () => {
    // Mean latency of 600–1000 ms is 800 ms; 100 × 800 / 23 = 3478 ms, above 100 / 30 per s = 3333 ms.
    const f = bulkFloor(
      BULK_SCENARIOS.find((s) => s.name === 'cdf-budget')!,
      100_000,
      1000,
      1000,
    );
    assert.equal(f.meanLatencyMs, 800);
    assert.ok(Math.abs(f.concurrencyMs - 80_000 / 23) < 1e-9);
    assert.ok(Math.abs(f.rateMs - (70_000 / 30 + 600)) < 1e-9, 'the 30 of the burst go at once');
    assert.equal(f.boundBy, 'concurrency');
  });

  it('the server term: the emulator’s busy time plus the shortest latency (no update is applied sooner)', () => {
    const f = bulkFloor(
      scenario({ latencyMs: 30, latencyJitterMs: 20, throttle: { requestsPerSecond: 120, concurrency: 23 } }),
      100_000,
      1000,
      4200,
    );
    // Not the mean (40 ms): a first wait of 30 ms and a server busy from then on finish at 4230 ms.
    assert.equal(f.minLatencyMs, 30);
    assert.equal(f.serverMs, 4230);
    assert.equal(f.boundBy, 'server');
    assert.equal(f.floorMs, 4230);
  });

  it('counts a last, partial chunk as a request; an unthrottled scenario has no rate or concurrency term', () => {
    const f = bulkFloor(scenario({}), 2500, 1000, 10);
    assert.equal(f.requests, 3);
    assert.deepEqual([f.rateMs, f.concurrencyMs], [0, 0]);
    assert.equal(f.floorMs, 610);
  });

  it('is always the largest term, and names it', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2_000_000 }),
        fc.integer({ min: 1, max: 1000 }),
        fc.double({ min: 0.1, max: 500, noNaN: true }),
        fc.integer({ min: 1, max: 100 }),
        fc.integer({ min: 0, max: 2000 }),
        fc.double({ min: 0, max: 60_000, noNaN: true }),
        (records, chunk, rate, concurrency, latency, busy) => {
          const f = bulkFloor(
            scenario({ latencyMs: latency, latencyJitterMs: 0, throttle: { requestsPerSecond: rate, concurrency } }),
            records,
            chunk,
            busy,
          );
          const terms = { rate: f.rateMs, concurrency: f.concurrencyMs, server: f.serverMs };
          assert.equal(f.floorMs, Math.max(...Object.values(terms)));
          assert.equal(terms[f.boundBy as keyof typeof terms], f.floorMs);
          assert.equal(f.requests, Math.ceil(records / chunk));
        },
      ),
    );
  });
});

describe('bench: median, min and max of repeated runs', () => {
  it('of an odd count the middle run, of an even count the lower middle one (a run that happened)', () => {
    assert.deepEqual(spread([9, 1, 5]), { medianMs: 5, minMs: 1, maxMs: 9, samples: 3 });
    assert.deepEqual(spread([4, 1, 3, 2]), { medianMs: 2, minMs: 1, maxMs: 4, samples: 4 });
    assert.deepEqual(spread([7]), { medianMs: 7, minMs: 7, maxMs: 7, samples: 1 });
    assert.throws(() => spread([]), /no samples/);
  });

  it('min ≤ median ≤ max, and the median is one of the runs, for any runs', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 15 }), (runs) => {
        const s = spread(runs);
        assert.ok(s.minMs <= s.medianMs && s.medianMs <= s.maxMs);
        assert.ok(runs.includes(s.medianMs));
        assert.equal(s.samples, runs.length);
      }),
    );
  });

  it('a ratio to the floor is rounded to hundredths, and undefined without a floor', () => {
    assert.equal(ratio(4350, 3478.26), 1.25);
    assert.equal(ratio(1, 0), undefined);
  });
});

describe('bench: comparing bulk-update peers', () => {
  const peer = (itemsNotApplied: number) => ({ itemsNotApplied }) as Parameters<typeof comparedWith>[0];

  it('gives a speed ratio only when both applied everything', () => {
    assert.equal(comparedWith(peer(0), peer(0), 1.43), '1.43× faster');
    assert.equal(comparedWith(peer(0), peer(0), 0.8), '1.25× slower');
  });

  it('says how many a peer (or ours) left unapplied instead of a ratio', () => {
    assert.equal(comparedWith(peer(25_000), peer(0), 0.94), '– (the peer left 25,000 not applied)');
    assert.equal(comparedWith(peer(0), peer(3), 2), '– (ours left 3 not applied)');
  });
});

describe('bench: the floor of a CogniteFile bulk update', () => {
  it('the write-limit term: upserts × mean latency / the concurrent write limit', () => {
    // 20 upserts of 1000 at 300–500 ms (mean 400), 4 at a time: 20 × 400 / 4 = 2000 ms.
    const f = nodeFloor(NODE_SCENARIOS[0]!, 20_000, 500);
    assert.equal(f.requests, 20);
    assert.equal(f.meanLatencyMs, 400);
    assert.equal(f.concurrencyMs, 2000);
    assert.equal(f.rateMs, 0, 'data modeling writes are bounded by concurrency, not a rate');
    assert.equal(f.boundBy, 'concurrency');
    assert.equal(nodeFloor(NODE_SCENARIOS[0]!, 20_000, 3000).boundBy, 'server', 'a busy emulator bounds it instead');
  });

  it('the slots term: a last, partial round of upserts still costs a whole shortest latency', () => {
    // 5 upserts, 4 at a time, 300–500 ms: one slot serves two upserts in a row, each at least 300 ms.
    // Little's law says 5 × 400 / 4 = 500 ms, below what any schedule takes (600 ms).
    const f = nodeFloor(NODE_SCENARIOS[0]!, 5000, 100);
    assert.equal(f.concurrencyMs, 500);
    assert.equal(f.slotsMs, 600);
    assert.equal(f.boundBy, 'slots');
    assert.equal(f.floorMs, 600);
  });

  it('the slots term never exceeds a schedule that exists: writeLimit at a time, each at the shortest latency', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 200 }), fc.integer({ min: 1, max: 64 }), (upserts, writeLimit) => {
        const latency = NODE_SCENARIOS[0]!.latencyMs;
        // Greedy rounds: every slot starts its next upsert the moment its last one ends.
        const ends = Array.from({ length: writeLimit }, () => 0);
        for (let k = 0; k < upserts; k++) ends[k % writeLimit]! += latency;
        const f = nodeFloor({ ...NODE_SCENARIOS[0]!, writeLimit }, upserts * 1000, 0);
        assert.equal(f.slotsMs, Math.max(...ends), 'the term equals the best schedule, so it is tight');
      }),
    );
  });

  it('is the largest of its terms for any size, limit and busy time', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2_000_000 }),
        fc.integer({ min: 1, max: 64 }),
        fc.double({ min: 0, max: 1e6, noNaN: true }),
        (records, writeLimit, busy) => {
          const f = nodeFloor({ ...NODE_SCENARIOS[0]!, writeLimit }, records, busy);
          assert.equal(f.requests, Math.ceil(records / 1000));
          assert.equal(f.floorMs, Math.max(f.concurrencyMs, f.serverMs, f.slotsMs!));
          assert.ok(Math.abs(f.concurrencyMs - (f.requests * 400) / writeLimit) < 1e-6);
        },
      ),
    );
  });
});

describe('bench: the floor counts each admitted request’s whole slot occupancy (latency drawn + own handling)', () => {
  const node = NODE_SCENARIOS[0]!;
  const held = (over: Partial<RouteOccupancy>): RouteOccupancy => ({
    admitted: 20,
    latencyMs: 8342,
    handlingMs: 800,
    minHandlingMs: 30,
    ...over,
  });

  it('the write-limit term: Σ (latency drawn + own handling) of the admitted upserts / the write limit', () => {
    // 20 upserts drew 8342 ms of latency and handled for 800 ms of their own: (8342 + 800) / 4 slots.
    const f = nodeFloor(node, 20_000, 500, held({}));
    assert.equal(f.concurrencyMs, 2285.5);
    assert.equal(f.boundBy, 'concurrency');
    assert.equal(f.floorMs, 2285.5);
    assert.deepEqual(f.occupancy, held({}), 'the report shows what the term used');
  });

  it('the slots term: rounds × (shortest latency + shortest own handling)', () => {
    // 5 upserts, 4 at a time: one slot serves two in a row, each at least 300 ms + 30 ms.
    const f = nodeFloor(node, 5000, 100, held({ admitted: 5, latencyMs: 1500, handlingMs: 200 }));
    assert.equal(f.slotsMs, 2 * 330);
    assert.equal(f.concurrencyMs, 1700 / 4);
    assert.equal(f.boundBy, 'slots');
  });

  it('the classic throttle holds its slot through latency and handling too: the same term for files/update', () => {
    const cdf = BULK_SCENARIOS.find((s) => s.name === 'cdf-budget')!;
    const f = bulkFloor(cdf, 100_000, 1000, 1000, {
      admitted: 100,
      latencyMs: 80_500,
      handlingMs: 4000,
      minHandlingMs: 20,
    });
    assert.ok(Math.abs(f.concurrencyMs - 84_500 / 23) < 1e-9);
  });

  it('takes the least occupancy of the runs that sent one request per chunk, and the shortest handling of them', () => {
    const a = held({ handlingMs: 900, minHandlingMs: 25 });
    const b = held({ handlingMs: 700, minHandlingMs: 31 });
    const more = held({ admitted: 21, latencyMs: 100, handlingMs: 0, minHandlingMs: 1 });
    assert.deepEqual(leastOccupancy([a, undefined, b, more], 20), { ...b, minHandlingMs: 25 });
    assert.equal(leastOccupancy([more, undefined], 20), undefined, 'none qualifies: the floor falls back to the mean');
    assert.equal(nodeFloor(node, 20_000, 500, undefined).concurrencyMs, 2000);
  });

  it('is never below the floor from the mean latency when the drawn latencies average at least the mean', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 200 }),
        fc.integer({ min: 1, max: 64 }),
        fc.double({ min: 0, max: 1e5, noNaN: true }),
        fc.double({ min: 0, max: 5000, noNaN: true }),
        fc.double({ min: 0, max: 200, noNaN: true }),
        fc.double({ min: 0, max: 1e5, noNaN: true }),
        (upserts, writeLimit, extraLatency, handling, minHandling, busy) => {
          const s = { ...node, writeLimit };
          const old = nodeFloor(s, upserts * 1000, busy);
          const occupancy = {
            admitted: upserts,
            latencyMs: upserts * old.meanLatencyMs + extraLatency,
            handlingMs: handling,
            minHandlingMs: minHandling,
          };
          assert.ok(nodeFloor(s, upserts * 1000, busy, occupancy).floorMs >= old.floorMs);
          const classic = { ...node, throttle: { concurrency: writeLimit } };
          const classicOld = bulkFloor(classic, upserts * 1000, 1000, busy);
          assert.ok(bulkFloor(classic, upserts * 1000, 1000, busy, occupancy).floorMs >= classicOld.floorMs);
        },
      ),
    );
  });

  it('is never above a schedule that exists: every slot starts its next request the moment its last one ends', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 16 }),
        fc.array(
          fc.record({
            jitter: fc.integer({ min: 0, max: 199 }),
            handling: fc.double({ min: 0, max: 80, noNaN: true }),
          }),
          {
            minLength: 1,
            maxLength: 60,
          },
        ),
        (writeLimit, requests) => {
          // Each request occupies its slot exactly latency + handling, and handlers may even overlap:
          // a relaxed schedule no real one beats, so a floor above it would be a lie.
          const ends = Array.from({ length: writeLimit }, () => 0);
          for (const r of requests) {
            const slot = ends.indexOf(Math.min(...ends));
            ends[slot]! += node.latencyMs + r.jitter + r.handling;
          }
          const occupancy: RouteOccupancy = {
            admitted: requests.length,
            latencyMs: requests.reduce((sum, r) => sum + node.latencyMs + r.jitter, 0),
            handlingMs: requests.reduce((sum, r) => sum + r.handling, 0),
            minHandlingMs: Math.min(...requests.map((r) => r.handling)),
          };
          const f = nodeFloor({ ...node, writeLimit }, requests.length * 1000, 0, occupancy);
          assert.ok(
            f.floorMs <= Math.max(...ends) + 1e-6,
            `floor ${f.floorMs} above a schedule of ${Math.max(...ends)}`,
          );
        },
      ),
    );
  });

  it('equals that schedule when every request takes as long (the floor is tight, not just low)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 16 }),
        fc.integer({ min: 1, max: 10 }),
        fc.integer({ min: 0, max: 80 }),
        (writeLimit, rounds, handling) => {
          const n = writeLimit * rounds;
          const each = node.latencyMs + handling;
          const occupancy = {
            admitted: n,
            latencyMs: n * node.latencyMs,
            handlingMs: n * handling,
            minHandlingMs: handling,
          };
          const f = nodeFloor({ ...node, writeLimit }, n * 1000, 0, occupancy);
          assert.ok(Math.abs(f.floorMs - rounds * each) < 1e-6, `${f.floorMs} vs ${rounds * each}`);
        },
      ),
    );
  });
});

describe('bench: the README table’s floor cell', () => {
  const node = NODE_SCENARIOS[0]!;
  const occupancy = { admitted: 20, latencyMs: 8342, handlingMs: 800, minHandlingMs: 30 };

  it('names the measured occupancy term and prints the ideal client beside the floor', () => {
    const floor = {
      ...nodeFloor(node, 20_000, 1000, occupancy),
      idealClient: { wallMs: 2640, wallMsMin: 2610, wallMsMax: 2690, runs: 3, itemsNotApplied: 0 },
    };
    const text = floorTerms(floor);
    assert.match(text, /^concurrency: /);
    assert.match(text, /Σ \(latency drawn \+ own handling\) \/ concurrency = 2\.29 s/);
    assert.match(text, /rounds × \(shortest latency \+ shortest own handling\) = 1\.65 s/);
    assert.match(text, /an ideal client \(prebuilt upserts, no reads\): 2\.64 s \(2\.61 s–2\.69 s\)$/);
  });

  it('says the term used the mean latency when nothing was measured, and prints no ideal client that did not run', () => {
    const text = floorTerms(nodeFloor(node, 20_000, 1000));
    assert.match(text, /× mean latency \/ concurrency = 2\.00 s/);
    assert.doesNotMatch(text, /ideal client/);
  });
});
