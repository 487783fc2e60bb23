import type { FaultOptions, RouteFaults } from '../options';
import { hashInts, hashString, seededRandom } from '../util/random';

/** What happens to one request. */
export interface FaultDecision {
  latencyMs: number;
  /** Answer this status instead of running the handler. */
  errorStatus?: number;
  /** Destroy the socket: before the handler runs, or after it ran. */
  drop?: 'before' | 'after';
  slowBody?: { ms: number; chunks: number };
}

const NONE: FaultDecision = { latencyMs: 0 };

/**
 * Seeded fault injection per route. The n-th request to a route always meets the same fate under
 * the same seed, whatever other routes do meanwhile, so a benchmark or a reliability test repeats.
 */
export class Faults {
  private counters = new Map<string, number>();

  constructor(private options: FaultOptions | undefined) {}

  set(options: FaultOptions | undefined): void {
    this.options = options;
    this.counters = new Map();
  }

  /** The merged settings for a route: '*', then the template, then method + template. */
  settingsFor(method: string, template: string): RouteFaults | undefined {
    const routes = this.options?.routes;
    if (!routes) return undefined;
    const parts = [routes['*'], routes[template], routes[`${method} ${template}`]].filter(
      (r): r is RouteFaults => r !== undefined,
    );
    return parts.length === 0 ? undefined : parts.reduce<RouteFaults>((merged, r) => ({ ...merged, ...r }), {});
  }

  decide(method: string, template: string): FaultDecision {
    const settings = this.settingsFor(method, template);
    if (!settings) return NONE;
    const key = `${method} ${template}`;
    const n = (this.counters.get(key) ?? 0) + 1;
    this.counters.set(key, n);
    const rnd = seededRandom(hashInts(this.options?.seed ?? 1, hashString(key), n));
    const [dropDraw, errorDraw, jitterDraw] = [rnd(), rnd(), rnd()];
    const decision: FaultDecision = {
      latencyMs: (settings.latencyMs ?? 0) + Math.floor(jitterDraw * (settings.latencyJitterMs ?? 0)),
    };
    if (dropDraw < (settings.dropRate ?? 0)) decision.drop = settings.dropAfterHandling ? 'after' : 'before';
    else if (errorDraw < (settings.errorRate ?? 0)) decision.errorStatus = settings.errorStatus ?? 503;
    if (settings.slowBodyMs !== undefined && settings.slowBodyMs > 0)
      decision.slowBody = { ms: settings.slowBodyMs, chunks: Math.max(1, settings.slowBodyChunks ?? 8) };
    return decision;
  }
}
