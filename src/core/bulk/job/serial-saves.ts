/**
 * The kept action's saves, one at a time: chunks planned side by side each ask for a save before
 * they are sent, and two writes of one store racing could leave the older one last. A save asked
 * while one runs waits for the next one, which starts after it and so holds what the asker changed;
 * every asker waiting then shares that one save (saved before sent, never once per asker).
 */
export class SerialSaves {
  private running: Promise<void> | undefined;
  private next: Promise<void> | undefined;

  /** `saveNow` saves what is kept at the moment it is called, and does not throw. */
  constructor(private readonly saveNow: () => Promise<void>) {}

  save(): Promise<void> {
    if (!this.running) return this.start();
    const after = () => {
      this.next = undefined;
      return this.start();
    };
    this.next ??= this.running.then(after, after);
    return this.next;
  }

  private start(): Promise<void> {
    const run: Promise<void> = this.saveNow().finally(() => {
      if (this.running === run) this.running = undefined;
    });
    this.running = run;
    return run;
  }
}
