/**
 * A filter-wide target is read the way the listing benchmark measures it: from parallel partitions,
 * a page at a time, every matching record exactly once (against the emulator over HTTP).
 */
import assert from 'node:assert/strict';
import { StaticTokenProvider } from '../../../../src/cdf/auth/static-token';
import { filesApiOf } from '../../../../src/app/files-api-adapter';
import { CdfClient } from '../../../../src/cdf/client/cdf-client';
import { collectMetadataKeys } from '../../../../src/core/bulk';
import { targetMetadataKeys, targetPages, type BulkTarget } from '../../../../src/core/bulk';
import { startEmulator, type RunningEmulator } from '../../../../src/emulator';
import { classicBulkSource } from '../../../../src/app';

describe('filter-wide targets: partitioned, streamed', function () {
  this.timeout(30_000);
  let emu: RunningEmulator;

  before(async () => {
    emu = await startEmulator({ files: 3500, seed: 11 });
  });
  after(() => emu.close());

  const api = () =>
    filesApiOf(
      new CdfClient({ baseUrl: emu.baseUrl, project: emu.project, tokenProvider: new StaticTokenProvider(emu.token) }),
    );
  const everything: BulkTarget = { kind: 'filter', label: 'all', filter: {} };

  it('reads every record once, from partitions, no page over 1000', async () => {
    emu.clearRequests();
    const seen = new Map<number, number>();
    let largestPage = 0;
    for await (const page of targetPages(classicBulkSource(api()), everything)) {
      largestPage = Math.max(largestPage, page.records.length);
      for (const r of page.records) seen.set(r.id, (seen.get(r.id) ?? 0) + 1);
    }
    assert.equal(seen.size, emu.store.files.size);
    assert.ok(
      [...seen.values()].every((n) => n === 1),
      'a record read twice',
    );
    assert.ok(largestPage <= 1000);
    const lists = emu.requests.filter((r) => r.path.endsWith('/files/list'));
    const partitions = new Set(lists.map((r) => (r.body as { partition?: string } | undefined)?.partition));
    assert.ok(partitions.size > 1 && !partitions.has(undefined), `partitions: ${[...partitions].join(', ')}`);
  });

  it("a CSV export's first pass finds every metadata key without keeping the records", async () => {
    const keys = await targetMetadataKeys(classicBulkSource(api()), everything);
    assert.deepEqual([...keys].sort(), [...collectMetadataKeys([...emu.store.files.values()])].sort());
  });
});
