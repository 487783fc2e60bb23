// Attack (classic bulk update, items checked per chunk as sent): duplicates thousands of items apart,
// id 5 beside externalId "5", -0, NaN, an id past 2^53, and an invalid item in the last chunk with a
// cancel before that chunk is reached. Promise: an invalid or duplicated item fails with its reason
// and is never sent; nothing invalid reaches the wire.
import assert from 'node:assert/strict';
import { StaticTokenProvider } from '../../../src/cdf/auth/static-token';
import { CdfClient } from '../../../src/cdf/client/cdf-client';
import type { FileUpdateItem } from '../../../src/cdf/model';
import { useEmulator } from '../emulator/helpers';

describe('attack: hostile classic update items far apart, and a cancel before the last chunk', () => {
  const ctx = useEmulator({ files: 2600, seed: 21 });
  const client = () =>
    new CdfClient({
      baseUrl: ctx.emulator.baseUrl,
      project: ctx.emulator.project,
      tokenProvider: new StaticTokenProvider(ctx.emulator.token),
    });
  const wire = () =>
    ctx.emulator.requests
      .filter((r) => r.path.endsWith('/files/update'))
      .flatMap((r) => (r.body as { items: Record<string, unknown>[] }).items);

  it('fails each hostile item with its reason, sends none of them, and cancel leaves the rest notSent', async () => {
    const files = [...ctx.emulator.store.files.values()].filter((r) => !r.instanceId);
    const ids = files.map((r) => r.id);
    const set = (id: number): FileUpdateItem => ({ id, update: { source: { set: 'far-apart' } } });
    const n = Math.min(ids.length, 2500);
    assert.ok(n > 2000, `only ${n} classic files`);
    const [far, last] = [n - 100, n - 1];
    const items: FileUpdateItem[] = ids.slice(0, n).map(set);
    const hostile = new Map<number, string>([
      [3, 'duplicated'],
      [far, 'duplicated'],
      [10, 'invalid'],
      [11, 'invalid'],
      [12, 'invalid'],
      [last, 'invalid'],
    ]);
    items[far] = set(ids[3]!); // the same file as item 3, thousands of items later
    items[10] = set(-0);
    items[11] = set(Number.NaN);
    items[12] = set(2 ** 53 + 2);
    items[last] = { id: ids[last]!, update: { source: { set: 'x'.repeat(300) } } };
    items[20] = { externalId: String(ids[21]), update: { source: { set: 'external' } } };
    items[21] = set(ids[21]!); // id N beside externalId "N": two different names, no duplicate

    ctx.emulator.requests.length = 0;
    const controller = new AbortController();
    const report = await client().updateFiles(items, {
      chunkSize: 1000,
      concurrency: { initial: 1, max: 1, min: 1 },
      onProgress: (p) => {
        if (p.requestsSent >= 1) controller.abort();
      },
      signal: controller.signal,
    });
    for (const [i, reason] of hostile) {
      const o = report.items[i]!;
      assert.ok(o.outcome === 'failed' && o.failure.reason === reason, `item ${i}: ${JSON.stringify(o).slice(0, 300)}`);
    }
    assert.notEqual(report.items[21]!.outcome, 'failed', 'id N and externalId "N" are not the same name');
    const sent = wire();
    for (const item of sent) {
      const id = item['id'];
      if (id !== undefined) assert.ok(Number.isSafeInteger(id) && (id as number) >= 1, `sent id ${JSON.stringify(id)}`);
      assert.ok(!(id === ids[3]), 'a duplicated item was sent');
    }
    assert.ok(report.items.every((o) => o.outcome !== 'applied' || o.sends > 0));
    assert.ok(report.notSent.length > 0, 'the cancel left the later chunks unsent');
  });
});
