/**
 * Random fault scenarios for the emulator and matching client retry settings. Every scenario is
 * small and fast (milliseconds of latency, a few retries) so a few hundred fit in one `npm test`,
 * yet each kind of trouble appears often: 429 storms, 5xx bursts, connections dropped before and
 * after the change was made, slow bodies that outlast the client's attempt timeout, and expiring
 * tokens.
 */
import fc from 'fast-check';
import type { RetryPolicy } from '../../../../src/cdf/client/retry-policy';
import type { FaultOptions, RouteFaults, ThrottleOptions } from '../../../../src/emulator';
// A seeded [0, 1) source, so the client's backoff jitter repeats with the scenario: the emulator's own.
import { seededRandom } from '../../../../src/emulator/util/random';

export interface TokenExpiry {
  /** The token in use stops working after the emulator has accepted this many requests with it. */
  afterRequests: number;
  /** Whether the identity provider hands out a working token afterwards. */
  refreshWorks: boolean;
}

export interface FaultScenario {
  /** A short name, so a failing counterexample reads at a glance. */
  kind: string;
  faults: FaultOptions;
  throttle: ThrottleOptions | undefined;
  retry: Partial<RetryPolicy>;
  tokenExpiry: TokenExpiry | undefined;
}

/** No trouble at all: the "once the trouble is over" of a retry. */
export const CALM: FaultScenario = {
  kind: 'calm',
  faults: { routes: {} },
  throttle: undefined,
  retry: {},
  tokenExpiry: undefined,
};

const rate = (max: number) => fc.double({ min: 0, max, noNaN: true });

/** Anything can happen to a route, in any mix. */
const mixedRoute: fc.Arbitrary<RouteFaults> = fc.record({
  errorRate: fc.oneof(fc.constant(0), rate(0.5)),
  errorStatus: fc.constantFrom(429, 500, 502, 503, 504),
  dropRate: fc.oneof(fc.constant(0), rate(0.3)),
  dropAfterHandling: fc.boolean(),
  latencyMs: fc.integer({ min: 0, max: 3 }),
  latencyJitterMs: fc.integer({ min: 0, max: 5 }),
  slowBodyMs: fc.oneof(fc.constant(0), fc.integer({ min: 4, max: 24 })),
  slowBodyChunks: fc.integer({ min: 1, max: 6 }),
});

/** Named storms: one kind of trouble, hard. */
const storms: fc.Arbitrary<{ kind: string; route: RouteFaults }> = fc.oneof(
  rate(0.9).map((r) => ({ kind: '429 storm', route: { errorRate: 0.3 + r * 0.6, errorStatus: 429 } })),
  fc
    .tuple(rate(0.7), fc.constantFrom(500, 502, 503, 504))
    .map(([r, s]) => ({ kind: `${s} burst`, route: { errorRate: 0.2 + r, errorStatus: s } })),
  rate(0.6).map((r) => ({ kind: 'drops before handling', route: { dropRate: 0.1 + r } })),
  rate(0.6).map((r) => ({ kind: 'drops after handling', route: { dropRate: 0.1 + r, dropAfterHandling: true } })),
  fc.integer({ min: 5, max: 30 }).map((ms) => ({ kind: 'slow bodies', route: { slowBodyMs: ms, slowBodyChunks: 4 } })),
);

const throttle: fc.Arbitrary<ThrottleOptions | undefined> = fc.oneof(
  { weight: 3, arbitrary: fc.constant(undefined) },
  {
    weight: 1,
    arbitrary: fc.record({
      requestsPerSecond: fc.integer({ min: 100, max: 1000 }),
      burst: fc.integer({ min: 1, max: 6 }),
      concurrency: fc.integer({ min: 1, max: 3 }),
    }),
  },
);

const tokenExpiry: fc.Arbitrary<TokenExpiry | undefined> = fc.oneof(
  { weight: 4, arbitrary: fc.constant(undefined) },
  {
    weight: 1,
    arbitrary: fc.record({ afterRequests: fc.integer({ min: 0, max: 6 }), refreshWorks: fc.boolean() }),
  },
);

const retry: fc.Arbitrary<Partial<RetryPolicy>> = fc
  .record({
    maxAttempts: fc.integer({ min: 1, max: 7 }),
    maxDelayMs: fc.integer({ min: 1, max: 6 }),
    // Mostly generous; sometimes shorter than a slow body, so attempts time out after the change was made.
    attemptTimeoutMs: fc.oneof(
      { weight: 3, arbitrary: fc.constant(5000) },
      { weight: 1, arbitrary: fc.integer({ min: 10, max: 40 }) },
    ),
    jitterSeed: fc.integer(),
  })
  .map(({ jitterSeed, ...policy }) => ({ ...policy, baseDelayMs: 1, random: seededRandom(jitterSeed) }));

/**
 * A scenario for the routes named in `routes` (e.g. `POST /files/update`, `POST /files/byids`):
 * each gets either a named storm or a random mix.
 */
export function faultScenarioArb(routes: readonly string[]): fc.Arbitrary<FaultScenario> {
  const routeArb = fc.oneof(
    storms,
    mixedRoute.map((route) => ({ kind: 'mixed', route })),
    fc.constant({ kind: 'calm', route: {} }),
  );
  return fc
    .record({
      seed: fc.integer({ min: 1, max: 2 ** 31 - 1 }),
      perRoute: fc.array(routeArb, { minLength: routes.length, maxLength: routes.length }),
      throttle,
      retry,
      tokenExpiry,
    })
    .map(({ seed, perRoute, throttle: t, retry: r, tokenExpiry: e }) => {
      const kinds = perRoute.map((p, i) => `${routes[i]}: ${p.kind}`);
      if (t) kinds.push('throttled');
      if (e) kinds.push(`token expires after ${e.afterRequests}${e.refreshWorks ? '' : ', no refresh'}`);
      return {
        kind: kinds.join('; '),
        faults: { seed, routes: Object.fromEntries(routes.map((route, i) => [route, perRoute[i]!.route])) },
        throttle: t,
        retry: r,
        tokenExpiry: e,
      };
    });
}

/** The longest a request can stay in the emulator before its handler runs (latency plus jitter). */
export function longestHandlerDelayMs(scenario: FaultScenario): number {
  return Math.max(
    0,
    ...Object.values(scenario.faults.routes).map((r) => (r.latencyMs ?? 0) + (r.latencyJitterMs ?? 0)),
  );
}
