/**
 * One emulator per state file: `FILE.lock` holds the owner's pid, a second emulator (in this process
 * or another) refuses to start, and a lock whose owner died is taken over.
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startEmulator, StateFileInUseError } from '../../../src/emulator';
import { lockPathOf } from '../../../src/emulator/store/state-lock';

describe('emulator: the state file lock', () => {
  let dir: string;
  let stateFile: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'state-lock-'));
    stateFile = path.join(dir, 'state.json');
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('is held while the emulator runs and released on close', async () => {
    const emu = await startEmulator({ files: 3, stateFile });
    assert.equal(fs.readFileSync(lockPathOf(stateFile), 'utf8'), String(process.pid));
    await emu.close();
    assert.equal(fs.existsSync(lockPathOf(stateFile)), false);
    const again = await startEmulator({ files: 3, stateFile });
    await again.close();
  });

  it('refuses a second emulator and leaves the first one working and locked', async () => {
    const emu = await startEmulator({ files: 3, stateFile });
    try {
      await assert.rejects(startEmulator({ files: 3, stateFile }), (e: unknown) => {
        assert.ok(e instanceof StateFileInUseError);
        assert.equal(e.pid, process.pid);
        assert.match(e.message, /in use by another emulator/);
        return true;
      });
      assert.equal(fs.readFileSync(lockPathOf(stateFile), 'utf8'), String(process.pid));
      const res = await fetch(`${emu.apiBase}/files/list`, {
        method: 'POST',
        headers: { authorization: `Bearer ${emu.token}`, 'content-type': 'application/json' },
        body: '{"limit":1}',
      });
      assert.equal(res.status, 200);
    } finally {
      await emu.close();
    }
  });

  it('refuses when another live process holds it', async () => {
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 20000)'], { stdio: 'ignore' });
    try {
      fs.writeFileSync(lockPathOf(stateFile), String(other.pid));
      await assert.rejects(startEmulator({ files: 3, stateFile }), new RegExp(`process ${other.pid}`));
      assert.equal(fs.existsSync(stateFile), false, 'nothing was written');
    } finally {
      other.kill();
    }
  });

  it('waits, when asked, for another process to let go (a reloading window closing its emulator)', async () => {
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 400)'], { stdio: 'ignore' });
    fs.writeFileSync(lockPathOf(stateFile), String(other.pid));
    const emu = await startEmulator({ files: 3, stateFile, stateLockWaitMs: 10_000 });
    assert.equal(fs.readFileSync(lockPathOf(stateFile), 'utf8'), String(process.pid));
    await emu.close();
    // It never waits for itself: this process's own lock is refused at once.
    const held = await startEmulator({ files: 3, stateFile });
    try {
      const started = Date.now();
      await assert.rejects(startEmulator({ files: 3, stateFile, stateLockWaitMs: 10_000 }), StateFileInUseError);
      assert.ok(Date.now() - started < 1000);
    } finally {
      await held.close();
    }
  });

  it('takes over the lock of a process that died', async () => {
    const dead = spawnSync(process.execPath, ['-e', '']).pid;
    fs.writeFileSync(lockPathOf(stateFile), String(dead));
    const emu = await startEmulator({ files: 3, stateFile });
    assert.equal(fs.readFileSync(lockPathOf(stateFile), 'utf8'), String(process.pid));
    await emu.close();
  });

  it('waits out a lock still being written (empty and fresh), takes over an old empty one', async () => {
    fs.writeFileSync(lockPathOf(stateFile), '');
    await assert.rejects(startEmulator({ files: 3, stateFile }), StateFileInUseError);
    const old = new Date(Date.now() - 60_000);
    fs.utimesSync(lockPathOf(stateFile), old, old);
    const emu = await startEmulator({ files: 3, stateFile });
    await emu.close();
  });
});
