/**
 * A bulk edit of listed records (selected, pasted, a file of ids) names those not in CDF, in the
 * "nothing to change" notice and in the confirmation; they matched nothing, and "0 matched" alone
 * gives no hint which id was mistyped.
 */
import assert from 'node:assert/strict';
import { StaticTokenProvider } from '../../../../src/cdf/auth/static-token';
import { filesApiOf } from '../../../../src/app/files-api-adapter';
import { classicBulkSource } from '../../../../src/app';
import { CdfClient } from '../../../../src/cdf/client/cdf-client';
import { BulkJobs, confirmDetail, nothingToDo, type BulkTarget } from '../../../../src/core/bulk';
import { COGNITE_FILE } from '../../../../src/core/records';
import { listedMissingText } from '../../../../src/core/bulk/texts/listed-missing';
import { startEmulator, type RunningEmulator } from '../../../../src/emulator';
import { MemoryStore } from '../../support/memory-action-store';

describe('a bulk edit names the listed records that are not in CDF', () => {
  let emu: RunningEmulator;
  before(async () => (emu = await startEmulator({ files: 10, seed: 7 })));
  after(() => emu.close());

  const scope = () => {
    const client = new CdfClient({
      baseUrl: emu.baseUrl,
      project: emu.project,
      tokenProvider: new StaticTokenProvider(emu.token),
      retry: { maxAttempts: 1 },
    });
    return { ...classicBulkSource(filesApiOf(client)), project: { baseUrl: emu.baseUrl, project: emu.project } };
  };
  const existing = () => [...emu.store.files.values()].find((r) => !r.instanceId)!;
  const edit = [{ op: 'metadataAdd' as const, key: 'k', value: 'v' }];

  it('only missing ones: nothing to change, and which ids were not found', async () => {
    const target: BulkTarget = { kind: 'ids', label: '2 listed files', refs: [{ id: 42 }, { externalId: 'no-such' }] };
    const job = await new BulkJobs(new MemoryStore()).planEdit(scope(), target, edit);
    assert.equal(job.plan.counts.changed, 0);
    assert.match(nothingToDo(job), /2 listed files are not in CDF: id 42; externalId "no-such"\.$/, nothingToDo(job));
  });

  it('some found: the confirmation says which were not; none missing says nothing of it', async () => {
    const found = { id: existing().id };
    const job = await new BulkJobs(new MemoryStore()).planEdit(
      scope(),
      { kind: 'ids', label: 'two', refs: [found, { id: 42 }] },
      edit,
    );
    assert.equal(job.plan.counts.changed, 1);
    assert.match(confirmDetail(job, []), /^1 listed file is not in CDF: id 42\.$/m);
    const all = await new BulkJobs(new MemoryStore()).planEdit(
      scope(),
      { kind: 'ids', label: 'one', refs: [found] },
      edit,
    );
    assert.doesNotMatch(confirmDetail(all, []), /not in CDF/);
  });

  it("names at most five, in the kind's words", () => {
    const refs = Array.from({ length: 7 }, (_, i) => ({ space: 'sp', externalId: `x${i}` }));
    assert.equal(
      listedMissingText(COGNITE_FILE, refs),
      '7 listed CogniteFile nodes are not in CDF: space "sp", externalId "x0"; space "sp", externalId "x1"; ' +
        'space "sp", externalId "x2"; space "sp", externalId "x3"; space "sp", externalId "x4"; ….',
    );
  });
});
