/**
 * Attack on the classic bulk update's per-chunk check (send-queue.ts): items that name no file at all
 * (no id, externalId or instanceId; a `__proto__` key from parsed JSON; `instanceId: null`) must fail
 * as invalid with their reason, and the rest of the update must still be sent. Duplicates are found
 * before any item is checked, so that pass must not trip over an item the check would refuse.
 */
import assert from 'node:assert/strict';
import { StaticTokenProvider } from '../../../src/cdf/auth/static-token';
import { CdfClient } from '../../../src/cdf/client/cdf-client';
import type { FileUpdateItem } from '../../../src/cdf/model';
import { startEmulator, type RunningEmulator } from '../../../src/emulator';

describe('attack: classic bulk update with an item that names no file', () => {
  let emu: RunningEmulator;
  let ids: number[];
  before(async () => {
    emu = await startEmulator({ files: 10, seed: 5 });
    ids = [...emu.store.files.values()].filter((r) => !r.instanceId).map((r) => r.id);
  });
  after(() => emu.close());

  const client = () =>
    new CdfClient({ baseUrl: emu.baseUrl, project: emu.project, tokenProvider: new StaticTokenProvider(emu.token) });
  const sentItems = () =>
    emu.requests.filter((r) => r.path.endsWith('/files/update')).flatMap((r) => (r.body as { items: unknown[] }).items);

  const hostile: [string, () => unknown][] = [
    ['no identifier', () => ({ update: { source: { set: 'nameless' } } })],
    [
      'only a __proto__ key naming an id',
      (): unknown => JSON.parse('{"__proto__":{"id":1},"update":{"source":{"set":"p"}}}') as unknown,
    ],
    ['instanceId null', () => ({ instanceId: null, update: { source: { set: 'null-instance' } } })],
    ['null in place of an item', () => null],
    ['a number in place of an item', () => 5],
  ];
  for (const [name, make] of hostile) {
    it(`${name}: fails as invalid, unsent, and the valid items around it are applied`, async () => {
      emu.requests.length = 0;
      const valid = (id: number): FileUpdateItem => ({ id, update: { source: { set: `around-${name}` } } });
      const items = [valid(ids[0] as number), make() as FileUpdateItem, valid(ids[1] as number)];
      const report = await client().updateFiles(items, { chunkSize: 2 });
      assert.equal(report.items[1]?.outcome, 'failed');
      const outcome = report.items[1];
      assert.ok(outcome?.outcome === 'failed' && outcome.failure.reason === 'invalid', JSON.stringify(outcome));
      assert.equal(report.applied.length, 2);
      assert.equal(sentItems().length, 2, 'only the two valid items reach the wire');
    });
  }
});
