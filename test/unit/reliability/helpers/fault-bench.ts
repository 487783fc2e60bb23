/**
 * One emulator shared by a suite's randomized runs, with the knobs each run turns: faults, throttle,
 * a fresh token authority (tokens that may expire part-way), an empty request log and write counts.
 */
import { CdfClient, type CdfClientOptions } from '../../helpers/cdf-client';
import type { UpdateReport } from '../../../../src/cdf/model';
import type { FileRecord } from '../../../../src/cdf/model';
import { startEmulator, type RunningEmulator } from '../../../../src/emulator';
import { longestHandlerDelayMs, type FaultScenario } from './fault-scenario';
import { TokenAuthority } from './token-authority';
import { spyOnWrites, type WriteSpy } from './write-spy';

export interface FaultBench {
  readonly emulator: RunningEmulator;
  readonly spy: WriteSpy;
  /** Sets up one run: its faults, throttle and tokens; clears the request log and the write counts. */
  arrange(scenario: FaultScenario, afterExpiry?: 'rejected' | 'unavailable'): TokenAuthority;
  /** A client of the emulator that gets its tokens from `authority`. */
  client(authority: TokenAuthority, extra?: Partial<CdfClientOptions>, scenario?: FaultScenario): CdfClient;
  /**
   * Waits until requests the client gave up on (timed out, cancelled) have finished in the emulator,
   * so the store is final; then switches faults off (checks read the store directly anyway).
   */
  settle(scenario: FaultScenario, report?: UpdateReport): Promise<void>;
  /** Copies of the records as they are now. */
  snapshot(ids: Iterable<number>): Map<number, FileRecord>;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function useFaultBench(options: { files: number; seed: number }): FaultBench {
  let emulator: RunningEmulator | undefined;
  let spy: WriteSpy | undefined;
  let authority: TokenAuthority | undefined;

  before(async () => {
    emulator = await startEmulator({
      files: options.files,
      seed: options.seed,
      // The default token is never handed out: only the current authority's tokens work.
      token: `unused-${Math.random()}`,
      verifyToken: (token) => authority?.verify(token) ?? false,
      maxRecordedRequests: 100_000,
    });
    spy = spyOnWrites(emulator.store);
  });
  after(async () => {
    spy?.restore();
    await emulator?.close();
  });

  const running = (): RunningEmulator => {
    if (!emulator) throw new Error('the emulator has not started');
    return emulator;
  };

  return {
    get emulator() {
      return running();
    },
    get spy() {
      if (!spy) throw new Error('the emulator has not started');
      return spy;
    },
    arrange(scenario, afterExpiry = 'rejected') {
      const emu = running();
      emu.setFaults(scenario.faults);
      emu.setThrottle(scenario.throttle);
      emu.clearRequests();
      spy?.reset();
      authority = new TokenAuthority(scenario.tokenExpiry, afterExpiry);
      return authority;
    },
    client(tokens, extra = {}, scenario) {
      const emu = running();
      return new CdfClient({
        baseUrl: emu.baseUrl,
        project: emu.project,
        tokenProvider: tokens.provider(),
        ...(scenario ? { retry: scenario.retry } : {}),
        ...extra,
      });
    },
    async settle(scenario, report) {
      // Only a timed-out or cancelled attempt leaves work behind in the emulator: its handler may
      // still be waiting out the injected latency. Everything else was answered or dropped already.
      const mayHaveAbandoned = (scenario.retry.attemptTimeoutMs ?? Infinity) < 5000 || report?.cancelled === true;
      const emu = running();
      if (mayHaveAbandoned) {
        await sleep(longestHandlerDelayMs(scenario) + 50);
        // On a loaded machine a handler can finish later than its delay: wait until the log stops
        // growing, so a late one is not counted in the next scenario.
        for (let seen = -1, waited = 0; seen !== emu.requests.length && waited < 5000; waited += 200) {
          seen = emu.requests.length;
          await sleep(200);
        }
      }
      emu.setFaults(undefined);
      emu.setThrottle(undefined);
    },
    snapshot(ids) {
      const emu = running();
      const out = new Map<number, FileRecord>();
      for (const id of ids) {
        const r = emu.store.files.get(id);
        if (r) out.set(id, structuredClone(r));
      }
      return out;
    },
  };
}
