/**
 * How long admitted requests held the server, per route, for a benchmark's floor. A request that
 * counts against a concurrency limit (CDF's per-identity throttle, data modeling's write limit) holds
 * its slot from admission until its answer is written, and for at least that long it is waiting out
 * its injected latency or doing its own work: parsing its body, running its handler, writing its answer.
 *
 * Own work is the sum of synchronous stretches of that request alone, each timed around one call
 * that does not yield (OwnWork.time). So the time a request spent waiting for OTHER requests' work
 * (its latency timer firing while another handler ran, its turn behind others', work-turns.ts) is not
 * counted. An asynchronous remainder of a call (none today: the handlers are synchronous) would go
 * uncounted too: the figure errs low, never high, as a floor needs.
 *
 * Emulator-only (serviceStats()); nothing of it is on the emulated HTTP API.
 */
import { performance } from 'node:perf_hooks';

export interface RouteOccupancy {
  /** Requests admitted to the route that reached it (a 429, or any refusal before the route ran, is not counted). */
  admitted: number;
  /** Σ of the injected latency drawn for them, in ms. */
  latencyMs: number;
  /** Σ of their own handling time, in ms. */
  handlingMs: number;
  /** The shortest own handling time of any one of them, in ms. */
  minHandlingMs: number;
}

/** One request's own work: the synchronous stretches it ran, added up. */
export class OwnWork {
  ms = 0;

  /** Runs `work` and adds the time until it returns (a returned promise's later part is not counted). */
  time<T>(work: () => T): T {
    const started = performance.now();
    try {
      return work();
    } finally {
      this.ms += performance.now() - started;
    }
  }
}

export class OccupancyMeter {
  private routes = new Map<string, RouteOccupancy>();

  record(route: string, latencyMs: number, handlingMs: number): void {
    const entry = this.routes.get(route);
    if (!entry) {
      this.routes.set(route, { admitted: 1, latencyMs, handlingMs, minHandlingMs: handlingMs });
      return;
    }
    entry.admitted++;
    entry.latencyMs += latencyMs;
    entry.handlingMs += handlingMs;
    entry.minHandlingMs = Math.min(entry.minHandlingMs, handlingMs);
  }

  /** Per `METHOD template` (e.g. `POST /models/instances`), a copy. */
  read(): Record<string, RouteOccupancy> {
    return Object.fromEntries([...this.routes].map(([route, entry]) => [route, { ...entry }]));
  }

  reset(): void {
    this.routes = new Map();
  }
}
