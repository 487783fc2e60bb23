/**
 * One timed bulk run, the same for every bulk benchmark: `work` between the clock's start and stop,
 * the client's CPU over it, then what the emulator saw of `route` and how many records the store
 * shows changed (`applied`: counted in the store, not what the client believes).
 */
import type { BulkRunFigures } from '../bulk-update/bulk-update-bench';
import { routeTotals, type EmulatorProcess } from './emulator-process';

export async function timedRun(
  emulator: EmulatorProcess,
  route: string,
  work: () => Promise<BulkRunFigures['clientView']>,
  applied: () => Promise<number>,
): Promise<BulkRunFigures> {
  const cpuBefore = process.cpuUsage();
  const start = performance.now();
  const clientView = await work();
  const wallMs = performance.now() - start;
  const cpu = process.cpuUsage(cpuBefore);
  const busy = await emulator.busy();
  const { requests, throttled } = routeTotals(await emulator.counts(), route);
  return {
    wallMs,
    serverBusyMs: busy.busyMs,
    serverCpuMs: busy.cpuMs,
    clientCpuMs: (cpu.user + cpu.system) / 1000,
    requests,
    throttled,
    itemsApplied: await applied(),
    clientView,
    ...(busy.routes[route] ? { occupancy: busy.routes[route] } : {}),
  };
}
