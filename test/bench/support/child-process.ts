/**
 * Runs a TypeScript module in a fresh Node process (through tsx) and talks to it over IPC.
 *
 * Why separate processes: the emulator and the client under test must not share one event loop
 * (on 2 cores, each gets its own), and peak memory (maxRSS) is only meaningful per process.
 */
import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';

export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');

/** A request to a child, answered by exactly one message with the same `id`. */
export interface RpcRequest {
  id: number;
  method: string;
  params?: unknown;
}
export type RpcReply = { id: number; ok: true; result: unknown } | { id: number; ok: false; error: string };

export interface ChildOptions {
  /** Extra `node` flags, e.g. `--max-old-space-size=8192`. */
  nodeFlags?: string[];
  /** Kill the child if a single call takes longer than this. */
  callTimeoutMs?: number;
}

/** The parent's side of a child started with {@link startChild}. */
export class ChildHandle {
  private nextId = 1;
  private readonly waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  private exited = false;

  constructor(
    private readonly child: ChildProcess,
    private readonly callTimeoutMs: number,
  ) {
    child.on('message', (message: RpcReply) => {
      const waiter = this.waiting.get(message.id);
      if (!waiter) return;
      this.waiting.delete(message.id);
      if (message.ok) waiter.resolve(message.result);
      else waiter.reject(new Error(message.error));
    });
    child.on('exit', (code, signal) => {
      this.exited = true;
      const error = new Error(`benchmark child exited (code ${code}, signal ${signal})`);
      for (const waiter of this.waiting.values()) waiter.reject(error);
      this.waiting.clear();
    });
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  call<T>(method: string, params?: unknown): Promise<T> {
    if (this.exited) return Promise.reject(new Error(`benchmark child is gone; cannot call ${method}`));
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting.delete(id);
        this.kill();
        reject(new Error(`benchmark child did not answer ${method} within ${this.callTimeoutMs} ms`));
      }, this.callTimeoutMs);
      this.waiting.set(id, {
        resolve: (v) => {
          clearTimeout(timer);
          resolve(v as T);
        },
        reject: (e) => {
          clearTimeout(timer);
          reject(e);
        },
      });
      this.child.send({ id, method, params } satisfies RpcRequest);
    });
  }

  /** Asks the child to finish (`close` call), then waits for it to exit; kills it if it does not. */
  async stop(): Promise<void> {
    if (this.exited) return;
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    try {
      await this.call('close');
    } catch {
      // Already gone or stuck: the kill below settles it.
    }
    const timer = setTimeout(() => this.kill(), 5_000);
    await exited;
    clearTimeout(timer);
  }

  /** Ends this child only (by its own pid). */
  kill(): void {
    if (!this.exited) this.child.kill('SIGKILL');
  }
}

/**
 * Starts `modulePath` (a .ts file exporting nothing; it calls {@link serveRpc}) in a new Node with
 * tsx, and resolves once the child says it is listening for calls.
 */
export async function startChild(modulePath: string, options: ChildOptions = {}): Promise<ChildHandle> {
  const child = fork(modulePath, [], {
    cwd: REPO_ROOT,
    execArgv: [...(options.nodeFlags ?? []), '--import', 'tsx'],
    // The child's output goes to our stderr: our stdout carries the Markdown report only.
    stdio: ['ignore', 2, 2, 'ipc'],
  });
  const handle = new ChildHandle(child, options.callTimeoutMs ?? 15 * 60_000);
  await handle.call('ping');
  return handle;
}

/**
 * The child's side: answers calls with `handlers`, and exits after `close` or when the parent goes
 * away (so no emulator outlives an interrupted run).
 */
export function serveRpc(handlers: Record<string, (params: unknown) => unknown>): void {
  const send = (reply: RpcReply): Promise<void> =>
    new Promise((resolve) => {
      if (!process.send) return resolve();
      process.send(reply, undefined, {}, () => resolve());
    });
  process.on('disconnect', () => process.exit(0));
  process.on('message', (request: RpcRequest) => {
    void (async () => {
      try {
        if (request.method === 'ping') return await send({ id: request.id, ok: true, result: 'pong' });
        const handler = handlers[request.method];
        if (!handler) throw new Error(`unknown call ${request.method}`);
        const result = await handler(request.params);
        await send({ id: request.id, ok: true, result: result ?? null });
        if (request.method === 'close') process.disconnect();
      } catch (error) {
        const text = error instanceof Error ? (error.stack ?? error.message) : String(error);
        await send({ id: request.id, ok: false, error: text });
      }
    })();
  });
}
