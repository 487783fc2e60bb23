import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startEmulator } from '../../../src/emulator';
import { client } from './helpers';

describe('emulator: state file', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdf-emulator-state-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('keeps edits, creations, uploads and deletions across a restart', async () => {
    const stateFile = path.join(dir, 'state.json');
    const first = await startEmulator({ files: 400, seed: 9, stateFile });
    const c = client(first);
    const [edited, deleted] = [...first.store.files.values()].filter((r) => !r.instanceId);
    let createdId: number;
    try {
      assert.equal(first.demo.loadedStateFile, false);
      assert.equal(
        (await c.post('/files/update', { items: [{ id: edited!.id, update: { metadata: { add: { kept: 'yes' } } } }] }))
          .status,
        200,
      );
      assert.equal((await c.post('/files/delete', { items: [{ id: deleted!.id }] })).status, 200);
      const created = await c.post('/files', { name: 'kept.txt', externalId: 'kept-1', mimeType: 'text/plain' });
      createdId = created.body.id;
      await fetch(created.body.uploadUrl, { method: 'PUT', body: 'hello' });
      first.store.labels.put({ externalId: 'NEW_LABEL', name: 'New label', createdTime: 1 });
    } finally {
      await first.close();
    }
    const saved = fs.statSync(stateFile).size;
    assert.ok(saved < 20_000, `only the changes are saved (${saved} bytes)`);

    const second = await startEmulator({ files: 10, seed: 1, stateFile });
    try {
      assert.deepEqual(second.demo, { seed: 9, files: 400, loadedStateFile: true }, 'the state file’s settings win');
      assert.equal(second.store.files.size, 400);
      assert.equal(second.store.files.get(edited!.id)!.metadata!.kept, 'yes');
      assert.equal(second.store.files.get(deleted!.id), undefined);
      assert.equal(second.store.files.get(createdId)!.uploaded, true);
      assert.ok(second.store.labels.get('NEW_LABEL'));
      const links = await client(second).post('/files/downloadlink', { items: [{ externalId: 'kept-1' }] });
      assert.equal(await (await fetch(links.body.items[0].downloadUrl)).text(), 'hello');
    } finally {
      await second.close();
    }
  });

  it('saves soon after a write, without waiting for close', async () => {
    const stateFile = path.join(dir, 'state.json');
    const emulator = await startEmulator({ files: 50, stateFile });
    try {
      const r = [...emulator.store.files.values()].find((x) => !x.instanceId)!;
      await client(emulator).post('/files/update', { items: [{ id: r.id, update: { source: { set: 'saved' } } }] });
      const deadline = Date.now() + 3000;
      while (!fs.existsSync(stateFile) && Date.now() < deadline) await new Promise((res) => setTimeout(res, 25));
      const state = JSON.parse(fs.readFileSync(stateFile, 'utf8')) as {
        changedFiles: { id: number; source: string }[];
      };
      assert.deepEqual(
        state.changedFiles.map((f) => [f.id, f.source]),
        [[r.id, 'saved']],
      );
    } finally {
      await emulator.close();
    }
  });

  it('refuses to start from a file that is not a state file', async () => {
    const stateFile = path.join(dir, 'state.json');
    fs.writeFileSync(stateFile, JSON.stringify({ hello: 'world' }));
    await assert.rejects(startEmulator({ files: 1, stateFile }), /not an emulator state file/);
  });
});
