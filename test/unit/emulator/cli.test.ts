import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startEmulator } from '../../../src/emulator';
import { parseCliArgs } from '../../../src/emulator/cli-args';

const repoRoot = path.resolve(__dirname, '..', '..', '..');

/**
 * Spawns the CLI with tsx's loader (what `npx tsx src/emulator/main.ts` runs) as one node process,
 * so the signals the test sends reach the emulator itself: npm's `npx` wrapper does not forward
 * them, and its children would outlive the test.
 */
function spawnCli(args: string[]): Promise<{ child: ChildProcess; baseUrl: string; output: () => string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/emulator/main.ts', ...args], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ready line: ${output}`)), 15_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /http:\/\/127\.0\.0\.1:\d+/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve({ child, baseUrl: match[0], output: () => output });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`exited with ${code}: ${output}`));
    });
  });
}

/** The exit code; a process still alive after 10 s is killed (and the test fails on its null code). */
const exited = (child: ChildProcess) =>
  new Promise<number | null>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve(child.exitCode);
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve(code);
    });
  });

describe('emulator: command line', function () {
  this.timeout(30_000);

  it('serves the given project, token and demo size, and stops cleanly on SIGTERM', async () => {
    const { child, baseUrl } = await spawnCli([
      '--port',
      '0',
      '--project',
      'plantx',
      '--token',
      'tok',
      '--files',
      '42',
      '--seed',
      '3',
    ]);
    try {
      const res = await fetch(`${baseUrl}/api/v1/projects/plantx/files/aggregate`, {
        method: 'POST',
        headers: { authorization: 'Bearer tok', 'content-type': 'application/json' },
        body: '{}',
      });
      assert.deepEqual(await res.json(), { items: [{ count: 42 }] });
    } finally {
      child.kill('SIGTERM');
    }
    assert.equal(await exited(child), 0);
  });

  it('saves its state on SIGINT and throttles when asked', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdf-emulator-cli-'));
    const state = path.join(dir, 'state.json');
    try {
      const { child, baseUrl } = await spawnCli([
        '--files=5',
        `--state=${state}`,
        '--throttle-rps',
        '1',
        '--throttle-burst',
        '1',
      ]);
      try {
        const post = (p: string, body: unknown) =>
          fetch(`${baseUrl}/api/v1/projects/demo${p}`, {
            method: 'POST',
            headers: { authorization: 'Bearer demo', 'content-type': 'application/json' },
            body: JSON.stringify(body),
          });
        assert.equal((await post('/files', { name: 'cli.txt' })).status, 201);
        assert.equal((await post('/files/list', {})).status, 429);
      } finally {
        child.kill('SIGINT');
      }
      assert.equal(await exited(child), 0);
      const saved = JSON.parse(fs.readFileSync(state, 'utf8')) as { changedFiles: { name: string }[] };
      assert.deepEqual(
        saved.changedFiles.map((f) => f.name),
        ['cli.txt'],
      );
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses to start on a state file another emulator holds, saying so, and leaves it alone', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'emu-cli-lock-'));
    const stateFile = path.join(dir, 'state.json');
    const holder = await startEmulator({ files: 3, stateFile });
    try {
      const saved = fs.readFileSync(stateFile, 'utf8');
      await assert.rejects(
        spawnCli(['--files', '3', '--state', stateFile]),
        new RegExp(`exited with 1: .*in use by another emulator \\(process ${process.pid}\\)`, 's'),
      );
      assert.equal(fs.readFileSync(stateFile, 'utf8'), saved, 'the refused emulator wrote nothing');
    } finally {
      await holder.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('parses every flag, and refuses unknown ones', () => {
    const parsed = parseCliArgs([
      '--port=8123',
      '--project',
      'p',
      '--files',
      '10',
      '--throttle-rps',
      '5',
      '--throttle-concurrency',
      '2',
      '--latency-ms',
      '30',
      '--error-rate',
      '0.1',
      '--fault-seed',
      '4',
      '--faults',
      '{"/files/update":{"dropRate":0.2}}',
      '--log',
    ]);
    assert.deepEqual(parsed.emulator, {
      port: 8123,
      project: 'p',
      files: 10,
      throttle: { requestsPerSecond: 5, concurrency: 2 },
      faults: { seed: 4, routes: { '*': { latencyMs: 30, errorRate: 0.1 }, '/files/update': { dropRate: 0.2 } } },
    });
    assert.equal(parsed.log, true);
    assert.throws(() => parseCliArgs(['--bogus']), /Unknown option --bogus/);
    assert.throws(() => parseCliArgs(['--files', 'many']), /--files needs a number/);
    assert.throws(() => parseCliArgs(['--project']), /--project needs a value/);
  });
});
