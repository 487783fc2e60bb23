/**
 * A save whose requests hang can be cancelled: the signal reaches the requests, so the save stops at
 * once rather than at the end of the retry policy. Cancelled before the write: "Not saved:
 * cancelled"; during the write: the change may or may not be in CDF, and the words say so.
 */
import assert from 'node:assert/strict';
import { describeFailure } from '../../../../src/app/describe-failure';
import { filesApiOf } from '../../../../src/app/files-api-adapter';
import { StaticTokenProvider } from '../../../../src/cdf/auth/static-token';
import { CdfClient } from '../../../../src/cdf/client/cdf-client';
import type { FileRecord } from '../../../../src/cdf/model';
import { renderDocument } from '../../../../src/core/records';
import { recordSaveRequest } from '../../helpers/classic-save';
import { saveRecords } from '../../../../src/core/save';
import { startEmulator, type RunningEmulator } from '../../../../src/emulator';

describe('cancelling a save whose requests hang', () => {
  let emu: RunningEmulator;
  let client: CdfClient;
  let records: FileRecord[];
  before(async () => {
    emu = await startEmulator({ files: 10, seed: 8 });
    client = new CdfClient({
      baseUrl: emu.baseUrl,
      project: emu.project,
      tokenProvider: new StaticTokenProvider(emu.token),
    });
    records = [...(await client.listFilesPage({ limit: 3 })).items];
  });
  afterEach(() => emu.setFaults(undefined));
  after(() => emu.close());

  /** Saves `base` with a new source; the route hangs, and the save is cancelled after 200 ms. */
  async function cancelledSave(base: FileRecord, route: string) {
    emu.setFaults({ routes: { [route]: { latencyMs: 60_000 } } });
    const abort = new AbortController();
    const started = Date.now();
    setTimeout(() => abort.abort(), 200);
    const error = await saveRecords(
      recordSaveRequest({
        base,
        text: renderDocument({ ...base, source: 'cancelled?' }),
        api: filesApiOf(client),
        resolveConflicts: () => Promise.resolve('cancel'),
        signal: abort.signal,
      }),
    ).then(
      () => assert.fail('the save finished'),
      (e: unknown) => e,
    );
    assert.ok(Date.now() - started < 5000, `stopped ${Date.now() - started} ms after it started`);
    return describeFailure(error);
  }

  it('a hung read: not saved, cancelled, nothing sent', async () => {
    const failure = await cancelledSave(records[0]!, 'POST /files/byids');
    assert.equal(failure.code, 'cancelled');
    assert.match(failure.message, /^Not saved: cancelled/);
  });

  it('a hung write: the change may or may not be in CDF', async () => {
    const failure = await cancelledSave(records[1]!, 'POST /files/update');
    assert.equal(failure.code, 'outcome-unknown');
    assert.match(failure.message, /may or may not have been saved/);
  });
});
