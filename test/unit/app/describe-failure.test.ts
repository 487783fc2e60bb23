/**
 * Every failure of a save, produced for real (the emulator over HTTP, a closed port, a sign-in that
 * fails), turned into words by the one function. The bug this guards: an error without an HTTP status
 * used to be "could not reach CDF", so an answer that lacked the record was shown as a network failure.
 */
import assert from 'node:assert/strict';
import { describeFailure, FAILURE_CODES, isFailureCode } from '../../../src/app/describe-failure';
import { filesApiOf } from '../../../src/app/files-api-adapter';
import { StaticTokenProvider } from '../../../src/cdf/auth/static-token';
import { AuthError, type TokenProvider } from '../../../src/cdf/auth/token-provider';
import { CdfClient } from '../helpers/cdf-client';
import type { FileRecord } from '../../../src/cdf/model';
import { renderDocument } from '../../../src/core/records';
import { RecordsMissingError, VersionConflictError, type FilesApi } from '../../../src/core/ports';
import { failuresOf } from '../../../src/app/describe-save-results';
import { recordSaveRequest } from '../helpers/classic-save';
import { saveRecords } from '../../../src/core/save';
import { startEmulator, type RunningEmulator } from '../../../src/emulator';

describe('one function turns a failed save into words, by the error type', () => {
  let emulator: RunningEmulator;
  let api: FilesApi;
  let records: FileRecord[];
  const clientFor = (baseUrl: string, tokenProvider: TokenProvider = new StaticTokenProvider('demo')) =>
    new CdfClient({ baseUrl, project: emulator.project, tokenProvider, retry: { maxAttempts: 1 } });

  before(async () => {
    emulator = await startEmulator({ files: 40, seed: 11 });
    api = filesApiOf(clientFor(emulator.baseUrl));
    records = (await api.listFiles({ limit: 40 })).items.filter((r) => !r.instanceId && r.externalId);
  });
  after(() => emulator.close());

  /**
   * The save of `record` with its directory changed, through `port`, as a record document saves: what
   * it threw, or what it says of the record it did not save.
   */
  async function failedSave(
    record: FileRecord,
    port: Pick<FilesApi, 'retrieveExisting' | 'updateFiles'>,
    edit?: object,
  ) {
    const doc = { ...(JSON.parse(renderDocument(record)) as object), directory: '/described', ...edit };
    try {
      const outcome = await saveRecords(
        recordSaveRequest({
          base: record,
          text: JSON.stringify(doc),
          api: port,
          resolveConflicts: () => Promise.resolve('cancel'),
        }),
      );
      const [failure] = outcome.kind === 'done' ? failuresOf(outcome.results) : [];
      if (failure) return failure;
    } catch (err) {
      return describeFailure(err);
    }
    assert.fail('the save should have failed');
  }

  it('an answer without the record is said as such, not as "could not reach CDF"', async () => {
    const record = records[0]!;
    // The API answered (200) but left the record out: only a port can be made to break its contract.
    // (A read that leaves a file out says it is gone: that is the deleted case below.)
    const answersWithout: Pick<FilesApi, 'retrieveExisting' | 'updateFiles'> = {
      retrieveExisting: (refs, signal) => api.retrieveExisting(refs, signal),
      updateFiles: async (items, signal) => (await api.updateFiles(items, signal)).filter((r) => r.id !== record.id),
    };
    const failure = await failedSave(record, answersWithout);
    assert.equal(failure.code, 'record-not-returned');
    assert.doesNotMatch(failure.message, /could not reach/i);
    assert.match(failure.message, new RegExp(`update of file ${record.id} returned no record`));
  });

  it('no answer at all is "could not reach CDF"', async () => {
    const closed = await startEmulator({ files: 1, seed: 1 });
    const url = closed.baseUrl;
    await closed.close();
    const failure = await failedSave(records[1]!, filesApiOf(clientFor(url)));
    assert.equal(failure.code, 'unreachable');
    assert.match(failure.message, /could not reach CDF/);
  });

  it('a failed sign-in is a sign-in failure, not a network failure', async () => {
    const failing: TokenProvider = {
      getToken: () => Promise.reject(new AuthError('the identity provider refused the client secret')),
      invalidate: () => undefined,
    };
    const failure = await failedSave(records[1]!, filesApiOf(clientFor(emulator.baseUrl, failing)));
    assert.equal(failure.code, 'sign-in-failed');
    assert.match(failure.message, /could not sign in.*refused the client secret/);
  });

  it('a file deleted meanwhile, and an external id taken, are the API refusals they are', async () => {
    const [kept, deleted, other] = [records[2]!, records[3]!, records[4]!];
    await clientFor(emulator.baseUrl).deleteFiles([{ id: deleted.id }]);
    assert.equal((await failedSave(deleted, api)).code, 'record-deleted');
    const taken = await failedSave(kept, api, { externalId: other.externalId });
    assert.equal(taken.code, 'external-id-taken');
    assert.equal(taken.field, 'externalId');
    assert.match(taken.message, /already used by another file/);
  });

  it('a request the client refuses to send, and a cancelled one, are neither network failures', async () => {
    const invalid = await failedSave({ ...records[5]!, id: -1 }, api);
    assert.equal(invalid.code, 'request-invalid');
    assert.match(invalid.message, /Nothing was sent/);
    const aborted = new AbortController();
    aborted.abort();
    const cancelled = describeFailure(
      await api.retrieveFiles([records[5]!.id], aborted.signal).catch((e: unknown) => e),
    );
    assert.equal(cancelled.code, 'cancelled');
    for (const f of [invalid, cancelled]) assert.doesNotMatch(f.message, /could not reach/);
  });

  it('failure codes are typed and told apart from document problem codes without a prefix', () => {
    for (const code of FAILURE_CODES) assert.ok(isFailureCode(code));
    for (const problem of ['instance-linked', 'name-not-updatable', 'read-only', 'api-400', 'network', undefined])
      assert.equal(isFailureCode(problem), false, String(problem));
  });

  it("a port's typed refusals of any record kind: a missing record is deleted, a stale version changed meanwhile", () => {
    const missing = describeFailure(new RecordsMissingError(['site:a'], 'no such node'));
    assert.equal(missing.code, 'record-deleted');
    assert.deepEqual(missing.missing, ['site:a']);
    const stale = describeFailure(new VersionConflictError(['site:a'], 'version 3 is older than 4'));
    assert.equal(stale.code, 'changed-during-save');
    assert.doesNotMatch(stale.message, /could not reach/i);
  });
});
