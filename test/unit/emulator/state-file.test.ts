import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startEmulator } from '../../../src/emulator';
import { journalPathOf, readJournal } from '../../../src/emulator/store/journal';
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

  it('journals a write before answering it, and folds the journal into the state file soon after', async () => {
    const stateFile = path.join(dir, 'state.json');
    const journal = journalPathOf(stateFile);
    const emulator = await startEmulator({ files: 50, stateFile });
    try {
      assert.ok(fs.existsSync(stateFile), 'a new state file is written at start (it records the seed)');
      const r = [...emulator.store.files.values()].find((x) => !x.instanceId)!;
      const res = await client(emulator).post('/files/update', {
        items: [{ id: r.id, update: { source: { set: 'saved' } } }],
      });
      assert.equal(res.status, 200);
      // Read at once, without giving the emulator a turn: the entry was written before the answer.
      const entries = readJournal(journal);
      assert.deepEqual(
        entries.map((e) => (e.t === 'files' ? e.put?.map((f) => [f.id, f.source]) : e.t)),
        [[[r.id, 'saved']]],
      );
      const deadline = Date.now() + 5000;
      const saved = () =>
        (JSON.parse(fs.readFileSync(stateFile, 'utf8')) as { changedFiles: { id: number; source: string }[] })
          .changedFiles;
      while (saved().length === 0 && Date.now() < deadline) await new Promise((res) => setTimeout(res, 50));
      assert.deepEqual(
        saved().map((f) => [f.id, f.source]),
        [[r.id, 'saved']],
      );
      assert.equal(fs.statSync(journal).size, 0, 'a compacted journal is empty');
    } finally {
      await emulator.close();
    }
  });

  it('replays a journal written up to a crash, skipping entries the state file already holds', async () => {
    const stateFile = path.join(dir, 'state.json');
    const journal = journalPathOf(stateFile);
    const first = await startEmulator({ files: 20, seed: 3, stateFile });
    const c = client(first);
    const a = await c.post('/files', { name: 'a.txt', externalId: 'shared' });
    assert.equal((await c.post('/files/delete', { items: [{ id: a.body.id }] })).status, 200);
    const b = await c.post('/files', { name: 'b.txt', externalId: 'shared' });
    const lines = fs.readFileSync(journal, 'utf8');
    assert.equal(lines.split('\n').length - 1, 3);
    await first.close();
    // A crash between the state file's rename and the journal's truncation: the journal is still
    // there, and every entry in it is already in the state file. Replaying them again would put
    // file a back with an externalId file b holds now.
    fs.writeFileSync(journal, lines);
    // Plus an entry being written when the process died (no newline): never answered, dropped.
    fs.appendFileSync(journal, '{"s":99,"t":"files","del":[');
    const second = await startEmulator({ stateFile });
    try {
      assert.equal(second.store.files.getByExternalId('shared')?.id, b.body.id);
      assert.equal(second.store.files.get(a.body.id), undefined);
      assert.equal(second.store.files.size, 21);
      assert.equal(fs.statSync(journal).size, 0, 'the replayed journal is folded into the state file at start');
    } finally {
      await second.close();
    }
  });

  it('refuses a journal with a corrupt entry before its end, and one without its state file', async () => {
    const stateFile = path.join(dir, 'state.json');
    const journal = journalPathOf(stateFile);
    const emulator = await startEmulator({ files: 5, stateFile });
    await emulator.close();
    fs.writeFileSync(journal, 'not json\n{"s":1,"t":"files","del":[1]}\n');
    await assert.rejects(startEmulator({ stateFile }), /line 1 is not a journal entry/);
    fs.rmSync(stateFile);
    fs.writeFileSync(journal, '{"s":1,"t":"files","del":[1]}\n');
    await assert.rejects(startEmulator({ stateFile }), /state.json is missing/);
  });

  it('refuses to start from a file that is not a state file', async () => {
    const stateFile = path.join(dir, 'state.json');
    fs.writeFileSync(stateFile, JSON.stringify({ hello: 'world' }));
    await assert.rejects(startEmulator({ files: 1, stateFile }), /not an emulator state file/);
  });
});
