/**
 * How long the emulator was busy, for a benchmark's floor: the emulator serves every request on one
 * thread, so once that thread is busy all the time, no client strategy makes a job finish sooner.
 *
 * Busy time is the event loop's active time (running request code: parsing, handlers, answers,
 * and the garbage collection they cause), measured with `performance.eventLoopUtilization`; idle
 * time (waiting for sockets or for injected latency) does not count. The event loop is the
 * process's, so the figure is the emulator's own only when it runs in a process of its own (the
 * CLI, a benchmark's emulator process); in a test that hosts it in-process it includes the test.
 *
 * Per route it also reports how long admitted requests held the server (http/occupancy.ts): the
 * latency drawn for them and their own handling time, what a concurrency slot is held for at least.
 *
 * This is emulator-only API (on the object `startEmulator` returns); nothing of it is on the
 * emulated CDF HTTP surface.
 */
import { performance, type EventLoopUtilization } from 'node:perf_hooks';
import { OccupancyMeter, type RouteOccupancy } from './http/occupancy';

export type { RouteOccupancy } from './http/occupancy';

export interface ServiceStats {
  /** Event-loop active time since the last reset, in ms. */
  busyMs: number;
  /** CPU time of the process (user + system, GC and libuv threads included) since the last reset, in ms. */
  cpuMs: number;
  /** Wall time since the last reset, in ms. */
  elapsedMs: number;
  /** Admitted requests per `METHOD template` (e.g. `POST /models/instances`): latency drawn and own handling. */
  routes: Record<string, RouteOccupancy>;
}

export class ServiceMeter {
  private loopSince: EventLoopUtilization = performance.eventLoopUtilization();
  private cpuSince: NodeJS.CpuUsage = process.cpuUsage();
  private startedAt = performance.now();
  /** The request pipeline records each admitted request here. */
  readonly occupancy = new OccupancyMeter();

  /** Starts a new measurement (e.g. before each benchmark run). */
  reset(): void {
    this.loopSince = performance.eventLoopUtilization();
    this.cpuSince = process.cpuUsage();
    this.startedAt = performance.now();
    this.occupancy.reset();
  }

  read(): ServiceStats {
    const loop = performance.eventLoopUtilization(this.loopSince);
    const cpu = process.cpuUsage(this.cpuSince);
    return {
      busyMs: loop.active,
      cpuMs: (cpu.user + cpu.system) / 1000,
      elapsedMs: performance.now() - this.startedAt,
      routes: this.occupancy.read(),
    };
  }
}
