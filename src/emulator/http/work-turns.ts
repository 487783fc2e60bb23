/**
 * The work that waited out an injected latency, run one request per turn of the event loop.
 *
 * WHY: Node's timers phase runs every timer that is due, those falling due while it runs included,
 * before it reads any socket. When the handlers behind latency waits cost more CPU than the gaps
 * between their timers, the emulator ran them all back to back and read no request meanwhile: a
 * request sent then was admitted, and its latency started, only once that backlog was done (up to
 * a second late), and every request of the batch then waited out its latency together while the
 * emulator idled. CDF admits a request when it arrives and spends its latency in parallel with
 * others; one handler per turn lets the poll phase between them admit what arrived.
 */
export class WorkTurns {
  private readonly waiting: (() => void)[] = [];
  private scheduled = false;

  /** Resolves on a turn of its own (a later `setImmediate` than any turn taken before it). */
  take(): Promise<void> {
    return new Promise((resolve) => {
      this.waiting.push(resolve);
      this.schedule();
    });
  }

  /** The emulator closes: work still waiting for a turn never runs (as a cleared latency timer). */
  clear(): void {
    this.waiting.length = 0;
  }

  private schedule(): void {
    if (this.scheduled || this.waiting.length === 0) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.waiting.shift()?.();
      // Queued from the check phase, the next turn runs in the next loop iteration, after its poll.
      this.schedule();
    });
  }
}
