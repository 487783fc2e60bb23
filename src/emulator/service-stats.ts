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
 * This is emulator-only API (on the object `startEmulator` returns); nothing of it is on the
 * emulated CDF HTTP surface.
 */
import { performance, type EventLoopUtilization } from 'node:perf_hooks';

export interface ServiceStats {
  /** Event-loop active time since the last reset, in ms. */
  busyMs: number;
  /** CPU time of the process (user + system, GC and libuv threads included) since the last reset, in ms. */
  cpuMs: number;
  /** Wall time since the last reset, in ms. */
  elapsedMs: number;
}

export class ServiceMeter {
  private loopSince: EventLoopUtilization = performance.eventLoopUtilization();
  private cpuSince: NodeJS.CpuUsage = process.cpuUsage();
  private startedAt = performance.now();

  /** Starts a new measurement (e.g. before each benchmark run). */
  reset(): void {
    this.loopSince = performance.eventLoopUtilization();
    this.cpuSince = process.cpuUsage();
    this.startedAt = performance.now();
  }

  read(): ServiceStats {
    const loop = performance.eventLoopUtilization(this.loopSince);
    const cpu = process.cpuUsage(this.cpuSince);
    return {
      busyMs: loop.active,
      cpuMs: (cpu.user + cpu.system) / 1000,
      elapsedMs: performance.now() - this.startedAt,
    };
  }
}
