/**
 * Attack (issue 10, "a write the emulator acknowledged survives"): the demo's state file lives in the
 * extension's global storage, which every VS Code window shares, so two windows that open the demo
 * run two emulators on the same state file and journal. Each acknowledged write must survive.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startEmulator } from '../../../src/emulator';

async function post(
  apiBase: string,
  p: string,
  body: unknown,
): Promise<{ items: { id: number; metadata?: Record<string, string> }[] }> {
  const res = await fetch(`${apiBase}${p}`, {
    method: 'POST',
    headers: { authorization: 'Bearer demo', 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  assert.equal(res.status, 200, await res.clone().text());
  return (await res.json()) as { items: { id: number; metadata?: Record<string, string> }[] };
}

describe('attack: two emulators on one state file (two windows, one global storage)', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'atk2-state-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('keeps the writes both acknowledged', async () => {
    const stateFile = path.join(dir, 'demo-project.json');
    const a = await startEmulator({ files: 20, seed: 1, stateFile });
    const b = await startEmulator({ files: 20, seed: 1, stateFile });
    const id = (await post(a.apiBase, '/files/list', { limit: 1 })).items[0]!.id;
    await post(a.apiBase, '/files/update', { items: [{ id, update: { metadata: { add: { fromA: 'saved' } } } }] });
    await post(b.apiBase, '/files/update', { items: [{ id, update: { metadata: { add: { fromB: 'saved' } } } }] });
    // Window A closes, then window B (or either is killed and compacted by the other: same result).
    await a.close();
    await b.close();

    const c = await startEmulator({ files: 20, seed: 1, stateFile });
    try {
      const [record] = (await post(c.apiBase, '/files/byids', { items: [{ id }] })).items;
      assert.equal(record?.metadata?.fromB, 'saved', 'B acknowledged this write');
      assert.equal(record?.metadata?.fromA, 'saved', 'A acknowledged this write');
    } finally {
      await c.close();
    }
  });
});
