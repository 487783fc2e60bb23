import fs from 'node:fs';

/** The lock beside a state file: `FILE.lock`, holding the pid of the process whose emulator owns FILE. */
export const lockPathOf = (stateFile: string): string => `${stateFile}.lock`;

/**
 * Another live emulator owns this state file. Two emulators on one state file (two VS Code windows
 * opening the demo, which keeps its state in the shared global storage) would each journal and
 * compact their own copy of the project, and the last to compact would erase the other's
 * acknowledged writes; so the second one refuses to start.
 */
export class StateFileInUseError extends Error {
  constructor(
    readonly stateFile: string,
    readonly pid: number | undefined,
  ) {
    super(
      `${stateFile} is in use by another emulator${pid === undefined ? '' : ` (process ${pid})`}: stop it, or use another state file`,
    );
    this.name = 'StateFileInUseError';
  }
}

/**
 * A lock file still being written (created, pid not yet in it) is younger than this; an empty or
 * unreadable one older than this was left by a process that died in between, and is taken over.
 */
const UNFINISHED_LOCK_MS = 5000;

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: the process exists but belongs to someone else.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The pid in a lock file that is held, or 'stale' when it can be taken over (its owner is gone). */
function holder(lockFile: string): number | 'stale' | 'unfinished' | 'gone' {
  let text: string;
  let age: number;
  try {
    text = fs.readFileSync(lockFile, 'utf8').trim();
    age = Date.now() - fs.statSync(lockFile).mtimeMs;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return 'gone';
    throw e;
  }
  const pid = /^\d+$/.test(text) ? Number(text) : undefined;
  if (pid === undefined) return age < UNFINISHED_LOCK_MS ? 'unfinished' : 'stale';
  return isAlive(pid) ? pid : 'stale';
}

/**
 * Takes the state file's lock: `FILE.lock` created exclusively (O_EXCL) with this process's pid. A
 * lock whose process is dead (a crashed extension host, a killed CLI) is taken over. Returns the
 * release function; throws `StateFileInUseError` when a live process holds it, including another
 * emulator in this very process.
 */
export function acquireStateLock(stateFile: string): () => void {
  const lockFile = lockPathOf(stateFile);
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = fs.openSync(lockFile, 'wx');
      try {
        fs.writeSync(fd, String(process.pid));
      } finally {
        fs.closeSync(fd);
      }
      return releaser(lockFile);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    const held = holder(lockFile);
    if (typeof held === 'number') throw new StateFileInUseError(stateFile, held);
    if (held === 'unfinished') throw new StateFileInUseError(stateFile, undefined);
    if (held === 'stale') fs.rmSync(lockFile, { force: true });
    // 'gone' or removed: try to create it again.
  }
  throw new StateFileInUseError(stateFile, undefined);
}

function releaser(lockFile: string): () => void {
  let released = false;
  return () => {
    if (released) return;
    released = true;
    try {
      // Only our own lock: if it was taken over meanwhile (it should not be), it is not ours to remove.
      if (fs.readFileSync(lockFile, 'utf8').trim() === String(process.pid)) fs.rmSync(lockFile, { force: true });
    } catch {
      // Already gone.
    }
  };
}

/**
 * `acquireStateLock`, waiting up to `waitMs` for another process to let go: a window reload starts
 * the new extension host while the old one may still be closing its emulator. A lock held by this
 * very process is refused at once (nothing here will release it while we wait).
 */
export async function acquireStateLockWaiting(stateFile: string, waitMs: number): Promise<() => void> {
  const deadline = Date.now() + waitMs;
  for (;;) {
    try {
      return acquireStateLock(stateFile);
    } catch (e) {
      const otherProcess = e instanceof StateFileInUseError && e.pid !== process.pid;
      if (!otherProcess || Date.now() >= deadline) throw e;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}
