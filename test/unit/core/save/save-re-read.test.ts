/**
 * CDF files carry no version to send with an update, so the save's guarantee is "re-read right
 * before each request": a record that changed since the read a decision (a conflict answer, a
 * merge) was based on is merged again, and asked about again, never overwritten with a stale diff.
 * Over real HTTP against the emulator; the colleague writes straight into its store.
 */
import assert from 'node:assert/strict';
import { describeFailure } from '../../../../src/app/describe-failure';
import { filesApiOf } from '../../../../src/app/files-api-adapter';
import { StaticTokenProvider } from '../../../../src/cdf/auth/static-token';
import { CdfClient } from '../../../../src/cdf/client/cdf-client';
import type { FileRecord } from '../../../../src/cdf/model';
import { documentFromRecord, renderDocument } from '../../../../src/core/records';
import type { FilesApi } from '../../../../src/core/ports';
import { recordSaveRequest } from '../../helpers/classic-save';
import { saveRecords } from '../../../../src/core/save';
import { type ClassicConflict as RecordConflict } from '../../helpers/classic-save';
import { selectionSaveRequest } from '../../helpers/classic-save';
import { startEmulator, type RunningEmulator } from '../../../../src/emulator';

describe('the save re-reads right before each request', () => {
  let emu: RunningEmulator;
  let api: FilesApi;
  let records: FileRecord[];
  before(async () => {
    emu = await startEmulator({ files: 30, seed: 21 });
    const client = new CdfClient({
      baseUrl: emu.baseUrl,
      project: emu.project,
      tokenProvider: new StaticTokenProvider(emu.token),
    });
    api = filesApiOf(client);
    records = (await api.listFiles({ limit: 30 })).items.filter((r) => !r.instanceId).slice(0, 6);
  });
  after(() => emu.close());

  const stored = (id: number) => emu.store.files.get(id) as FileRecord;
  const colleague = (id: number, change: Partial<FileRecord>) => {
    const r = stored(id);
    emu.store.files.put({ ...r, ...change, lastUpdatedTime: r.lastUpdatedTime + 1000 });
  };

  it('a plain record save, with nothing to ask, costs one read and one update (the re-read is no extra request)', async () => {
    const base = stored(records[5]!.id);
    const before = emu.requests.length;
    const outcome = await saveRecords(
      recordSaveRequest({
        base,
        text: renderDocument({ ...base, source: 'one read, one update' }),
        api,
        resolveConflicts: () => Promise.reject(new Error('nothing to ask')),
      }),
    );
    assert.equal(outcome.kind, 'done');
    assert.deepEqual(
      emu.requests.slice(before).map((r) => r.path.replace(/^.*\/files/, '/files')),
      ['/files/byids', '/files/update'],
    );
    assert.equal(stored(base.id).source, 'one read, one update');
  });

  it('a chunk whose record changed after an earlier chunk was sent asks again, and keeps their value', async () => {
    const [a, b, c] = records.map((r) => stored(r.id));
    const docs = [a!, b!, c!].map((r) => documentFromRecord(r) as Record<string, unknown>);
    docs.forEach((d, i) => (d.directory = `/mine/${i}`));
    const asked: RecordConflict[][] = [];
    let chunks = 0;
    const outcome = await saveRecords({
      ...selectionSaveRequest({
        bases: new Map([a!, b!, c!].map((r) => [r.id, r])),
        text: JSON.stringify(docs, null, 2) + '\n',
        api: {
          retrieveExisting: (refs, s) => api.retrieveExisting(refs, s),
          updateMany: async (items, o) => {
            const report = await api.updateMany(items, o);
            // Between the first chunk and the next, a colleague changes the last file's directory.
            if (++chunks === 1) colleague(c!.id, { directory: '/colleague' });
            return report;
          },
        },
        resolveConflicts: (conflicts) => (asked.push(conflicts), Promise.resolve('theirs')),
      }),
      chunkSize: 2,
    });
    assert.equal(outcome.kind, 'done');
    assert.deepEqual(
      asked.map((round) => round.map((r) => [r.file.id, r.conflicts.map((x) => x.field)])),
      [[[c!.id, ['directory']]]],
      'asked once, about the file that changed between chunks',
    );
    assert.equal(stored(c!.id).directory, '/colleague', "the colleague's value is kept, as answered");
    assert.deepEqual([stored(a!.id).directory, stored(b!.id).directory], ['/mine/0', '/mine/1']);
  });

  it('a record that keeps changing while the user answers is refused after a few rounds, nothing sent', async () => {
    const base = stored(records[4]!.id);
    const text = renderDocument({ ...base, source: 'mine' });
    colleague(base.id, { source: 'colleague 0' });
    let asked = 0;
    const sent: unknown[] = [];
    const save = saveRecords(
      recordSaveRequest({
        base,
        text,
        api: {
          retrieveExisting: (refs, s) => api.retrieveExisting(refs, s),
          updateFiles: (items, s) => (sent.push(items), api.updateFiles(items, s)),
        },
        // Every answer comes too late: the colleague has written again.
        resolveConflicts: () => (colleague(base.id, { source: `colleague ${++asked}` }), Promise.resolve('overwrite')),
      }),
    );
    const failure = describeFailure(
      await save.then(
        () => assert.fail('saved'),
        (e: unknown) => e,
      ),
    );
    assert.equal(failure.code, 'changed-during-save');
    assert.match(failure.message, new RegExp(`file ${base.id} kept changing in CDF`));
    assert.ok(asked >= 2, `asked again after CDF moved (asked ${asked} times)`);
    assert.deepEqual(sent, [], 'nothing was sent on a stale read');
    assert.equal(stored(base.id).source, `colleague ${asked}`);
  });
});
