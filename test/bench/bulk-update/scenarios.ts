/**
 * The conditions every bulk-update peer meets, each on a fresh emulator with the same data.
 *
 * CDF's figures (the Files API docs, https://api-docs.cognite.com/20230101/tag/Files): 120,000
 * items/s for a single identity, 120 requests/s at 1000 per request. Its Files concurrency figure
 * is published only as an image, so the per-identity CRUD concurrency of the Assets table, 23,
 * stands in for it. By Little's law, 23 requests in flight at 120/s means about 190 ms per request:
 * we take 150–250 ms.
 *
 * The emulator cannot serve that: it spends about 30–40 ms of its one core on each 1000-item
 * update and does them one at a time, where CDF runs them in parallel on many machines. So the
 * main scenarios slow CDF's clock down 4 times (latency × 4, rate ÷ 4, concurrency unchanged),
 * which keeps the emulator's CPU below saturation; what carries over to CDF is the ratio between
 * clients, not the seconds. The `low-latency` scenario shows what happens without that: every
 * client waits on the emulator's CPU and strategy hardly matters.
 */
import type { ThrottleOptions } from '../../../src/emulator';

export interface BulkScenario {
  name: string;
  title: string;
  latencyMs: number;
  latencyJitterMs: number;
  throttle: ThrottleOptions;
}

/** How much slower than CDF the emulated service runs in the main scenarios. */
export const TIME_STRETCH = 4;

export const BULK_SCENARIOS: readonly BulkScenario[] = [
  {
    name: 'cdf-budget',
    title: `CDF's per-identity budget, time ×${TIME_STRETCH}: 30 req/s, 23 concurrent, 0.6–1.0 s per request`,
    latencyMs: 150 * TIME_STRETCH,
    latencyJitterMs: 100 * TIME_STRETCH,
    throttle: { requestsPerSecond: 120 / TIME_STRETCH, burst: 120 / TIME_STRETCH, concurrency: 23 },
  },
  {
    name: 'shared-budget',
    title: `A quarter of that budget (others use the rest): 7.5 req/s, 6 concurrent, 0.6–1.0 s per request`,
    latencyMs: 150 * TIME_STRETCH,
    latencyJitterMs: 100 * TIME_STRETCH,
    throttle: { requestsPerSecond: 30 / TIME_STRETCH, burst: 30 / TIME_STRETCH, concurrency: 6 },
  },
  {
    name: 'low-latency',
    title: "CDF's budget, 30–50 ms per request: the emulator's CPU is the bottleneck",
    latencyMs: 30,
    latencyJitterMs: 20,
    throttle: { requestsPerSecond: 120, burst: 120, concurrency: 23 },
  },
];

/** The smoke test's only scenario: a throttle and some latency, small enough to run in a second. */
export const SMOKE_SCENARIO: BulkScenario = {
  name: 'smoke',
  title: 'Smoke: 50 req/s, 4 concurrent, 5–10 ms per request',
  latencyMs: 5,
  latencyJitterMs: 5,
  throttle: { requestsPerSecond: 50, burst: 50, concurrency: 4 },
};
