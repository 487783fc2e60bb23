/**
 * A bulk update checks each chunk's items as it sends it, not the whole input first: the first
 * request does not wait for 100,000 items to be checked (the server would idle meanwhile). Every
 * guarantee of the check stays: an invalid item fails with its reason and is never sent, also when
 * the job is cancelled before its chunk was reached; duplicates fail wherever the other copy is.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { StaticTokenProvider } from '../../../../src/cdf/auth/static-token';
import { CdfClient } from '../../../../src/cdf/client/cdf-client';
import { identityKey } from '../../../../src/cdf/client/update/item-references';
import { duplicatePositions } from '../../../../src/cdf/client/update/send-queue';
import type { FileUpdateItem, UpdateProgress } from '../../../../src/cdf/model';
import { startEmulator, type RunningEmulator } from '../../../../src/emulator';

describe('bulk update: items checked chunk by chunk as they are sent', () => {
  let emu: RunningEmulator;
  let ids: number[];
  before(async () => {
    emu = await startEmulator({ files: 60, seed: 3 });
    ids = [...emu.store.files.values()].filter((r) => !r.instanceId).map((r) => r.id);
  });
  after(() => emu.close());

  const client = () =>
    new CdfClient({ baseUrl: emu.baseUrl, project: emu.project, tokenProvider: new StaticTokenProvider(emu.token) });
  const setSource = (id: number, source: string): FileUpdateItem => ({ id, update: { source: { set: source } } });
  const sentIds = () =>
    emu.requests
      .filter((r) => r.path.endsWith('/files/update'))
      .flatMap((r) => (r.body as { items: { id: number }[] }).items.map((i) => i.id));

  it('sends the first chunk before a later chunk is checked, and still fails the invalid item unsent', async () => {
    emu.requests.length = 0;
    const items = ids.slice(0, 30).map((id) => setSource(id, 'queue-test'));
    items[25] = { id: ids[25] as number, update: { source: { set: 'x'.repeat(500) } } };
    const progress: UpdateProgress[] = [];
    const report = await client().updateFiles(items, { chunkSize: 10, onProgress: (p) => progress.push({ ...p }) });

    const atFirstSend = progress.find((p) => p.requestsSent === 1);
    assert.equal(atFirstSend?.failed, 0, 'the invalid item in the third chunk was not checked before the first send');
    assert.deepEqual(
      report.failed.map((f) => [f.index, f.failure.reason, f.sends]),
      [[25, 'invalid', 0]],
    );
    assert.match(report.failed[0]?.failure.message ?? '', /^update\.source\.set: /);
    assert.equal(report.applied.length, 29);
    assert.ok(!sentIds().includes(ids[25] as number), 'the invalid item never went on the wire');
  });

  it('cancelled before later chunks: their invalid items still fail with the reason, the rest are not sent', async () => {
    emu.requests.length = 0;
    const items = ids.slice(0, 30).map((id) => setSource(id, 'queue-cancel'));
    items[27] = { id: -4, update: { source: { set: 'y' } } };
    const controller = new AbortController();
    const report = await client().updateFiles(items, {
      chunkSize: 10,
      concurrency: { initial: 1, max: 1 },
      signal: controller.signal,
      onProgress: (p) => {
        if (p.requestsSent === 1) controller.abort();
      },
    });
    assert.equal(report.cancelled, true);
    assert.deepEqual(
      report.failed.map((f) => [f.index, f.failure.reason]),
      [[27, 'invalid']],
    );
    assert.equal(report.notSent.length, 19);
    assert.ok(report.notSent.every((o) => o.index >= 10 && o.index !== 27));
    assert.equal(sentIds().length, 10);
  });

  it('fails both copies of a file named twice, even when they are chunks apart', async () => {
    emu.requests.length = 0;
    const items = ids.slice(0, 30).map((id) => setSource(id, 'queue-dup'));
    items[28] = setSource(ids[2] as number, 'again');
    const report = await client().updateFiles(items, { chunkSize: 10 });
    assert.deepEqual(
      report.failed.map((f) => [f.index, f.failure.reason, f.sends]),
      [
        [2, 'duplicated', 0],
        [28, 'duplicated', 0],
      ],
    );
    assert.equal(sentIds().filter((id) => id === ids[2]).length, 0);
  });
});

describe('duplicatePositions', () => {
  /** The plain definition: two items name the same file when their identity keys are equal. */
  function byIdentityKey(items: readonly FileUpdateItem[]): Set<number> {
    const first = new Map<string, number>();
    const out = new Set<number>();
    items.forEach((item, i) => {
      const at = first.get(identityKey(item));
      if (at === undefined) first.set(identityKey(item), i);
      else out.add(at).add(i);
    });
    return out;
  }

  // Few distinct values, so that collisions (and the string "5" next to the number 5) are common.
  const anyId = fc.oneof(
    fc.integer({ min: -1, max: 6 }),
    fc.constantFrom(0.5, Number.NaN, -0, 2 ** 53),
    fc.constantFrom('3', '5', '5.0', ''),
  );
  const item = fc.oneof(
    anyId.map((id) => ({ id, update: {} }) as unknown as FileUpdateItem),
    fc.constantFrom('a', 'b', '5').map((externalId) => ({ externalId, update: {} })),
    fc.constantFrom('a', 'b').map((externalId) => ({ instanceId: { space: 's', externalId }, update: {} })),
  );

  it('finds exactly the items whose identity keys collide', () => {
    fc.assert(
      fc.property(fc.array(item, { maxLength: 40 }), (items) => {
        assert.deepEqual(
          [...duplicatePositions(items)].sort((a, b) => a - b),
          [...byIdentityKey(items)].sort((a, b) => a - b),
        );
      }),
      { numRuns: 500 },
    );
  });
});
