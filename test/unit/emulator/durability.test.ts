import assert from 'node:assert/strict';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Json } from './helpers';

const repoRoot = path.resolve(__dirname, '..', '..', '..');
const builtEmulator = path.join(repoRoot, 'dist', 'emulator.js');

interface Running {
  child: ChildProcess;
  apiBase: string;
}

/** The built emulator (`dist/emulator.js`, what `npm run emulator` runs) as its own process. */
function spawnBuilt(args: string[]): Promise<Running> {
  const child = spawn(process.execPath, [builtEmulator, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ready line: ${output}`)), 15_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /API base: (\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve({ child, apiBase: match[1] as string });
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

function killHard(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

async function call(
  apiBase: string,
  method: string,
  route: string,
  body?: unknown,
): Promise<{ status: number; body: Json }> {
  const res = await fetch(`${apiBase}${route}`, {
    method,
    headers: { authorization: 'Bearer demo', 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}

describe('emulator: an acknowledged write survives kill -9 (--state)', function () {
  this.timeout(60_000);
  let dir: string;
  before(() => {
    // The test is about the shipped process, so it runs the bundle built from this source.
    execFileSync(process.execPath, ['esbuild.js'], { cwd: repoRoot, stdio: 'ignore' });
  });
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdf-emulator-durable-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('keeps every update, creation, upload and deletion answered before the kill', async () => {
    const stateFile = path.join(dir, 'state.json');
    const args = ['--port', '0', '--files', '300', '--seed', '4', '--state', stateFile];
    const first = await spawnBuilt(args);
    const acknowledged = new Map<number, string>();
    let createdId = 0;
    let deletedId = 0;
    try {
      const listed = await call(first.apiBase, 'POST', '/files/list', { limit: 100 });
      const ids: number[] = listed.body.items
        .filter((r: { instanceId?: unknown }) => !r.instanceId)
        .map((r: { id: number }) => r.id);
      deletedId = ids.pop() as number;
      // Sequential updates, then a burst in parallel: only the answered ones are promised.
      for (const id of ids.slice(0, 10)) {
        const res = await call(first.apiBase, 'POST', '/files/update', {
          items: [{ id, update: { metadata: { add: { durable: `seq-${id}` } } } }],
        });
        if (res.status === 200) acknowledged.set(id, `seq-${id}`);
      }
      await Promise.all(
        ids.slice(10).map(async (id) => {
          const res = await call(first.apiBase, 'POST', '/files/update', {
            items: [{ id, update: { metadata: { add: { durable: `par-${id}` } } } }],
          });
          if (res.status === 200) acknowledged.set(id, `par-${id}`);
        }),
      );
      const created = await call(first.apiBase, 'POST', '/files', { name: 'durable.txt', externalId: 'durable-1' });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      createdId = created.body.id;
      const upload = await fetch(created.body.uploadUrl, { method: 'PUT', body: 'survives' });
      assert.equal(upload.status, 200);
      assert.equal((await call(first.apiBase, 'POST', '/files/delete', { items: [{ id: deletedId }] })).status, 200);
    } finally {
      // Straight after the last answer: no close, no flush, no timer gets to run.
      await killHard(first.child);
    }
    assert.ok(acknowledged.size >= 90, `${acknowledged.size} updates were answered`);

    const second = await spawnBuilt(args);
    try {
      const ids = [...acknowledged.keys()];
      const read = await call(second.apiBase, 'POST', '/files/byids', { items: ids.map((id) => ({ id })) });
      assert.equal(read.status, 200);
      for (const record of read.body.items as { id: number; metadata?: Record<string, string> }[])
        assert.equal(record.metadata?.durable, acknowledged.get(record.id), `file ${record.id}`);
      const created = await call(second.apiBase, 'POST', '/files/byids', { items: [{ externalId: 'durable-1' }] });
      assert.equal(created.body.items[0].id, createdId);
      assert.equal(created.body.items[0].uploaded, true);
      const link = await call(second.apiBase, 'POST', '/files/downloadlink', { items: [{ id: createdId }] });
      assert.equal(await (await fetch(link.body.items[0].downloadUrl)).text(), 'survives');
      const gone = await call(second.apiBase, 'POST', '/files/byids', { items: [{ id: deletedId }] });
      assert.equal(gone.status, 400, 'the deletion survived too');
    } finally {
      await killHard(second.child);
    }
  });
});
