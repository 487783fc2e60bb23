/**
 * Undo's store while a 20,000-node CogniteFile bulk job runs chunk by chunk (against the emulator
 * over HTTP): the kept action is saved before anything is sent and whenever a chunk's fresh images
 * differ from what is kept, so the bytes written stay a few times one save, not one whole save per
 * chunk (20 chunks would write the action 20 times over: quadratic in the job's size). What a chunk
 * changed is kept before that chunk is sent.
 */
import assert from 'node:assert/strict';
import { StaticTokenProvider } from '../../../src/cdf/auth/static-token';
import { CdfClient, type DataModelingRequests } from '../../../src/cdf/client';
import { COGNITE_FILE_VIEW, type CogniteFileUpsertItem } from '../../../src/cdf/model';
import { cogniteFileBulkSource } from '../../../src/app';
import { toInstanceFilter } from '../../../src/core/browse';
import { BulkJobs, saveAction, type BulkActionRecord, type JobScope, type SavedAction } from '../../../src/core/bulk';
import type { CogniteFileRecord } from '../../../src/core/records';
import { client as http, useEmulator } from '../emulator/helpers';
import { MemoryStore } from '../support/memory-action-store';

const SPACE = 'saves';
const COUNT = 20_000;
const xid = (i: number) => `s-${String(i).padStart(5, '0')}`;

/** Keeps the action as the editor's store does (its JSON), counting the bytes of each save. */
class CountingStore extends MemoryStore {
  readonly bytes: number[] = [];
  /** The entries as last written (the record itself changes on after the save). */
  written = new Map<string, { before: CogniteFileRecord }>();
  override async save(record: BulkActionRecord) {
    const text = JSON.stringify(saveAction(record));
    this.bytes.push(text.length);
    // A disk is slow: what is sent before this resolves is sent before it is kept.
    await new Promise((resolve) => setTimeout(resolve, 150));
    this.written = new Map((JSON.parse(text) as SavedAction).entries as [string, { before: CogniteFileRecord }][]);
    return super.save(record);
  }
}

describe('app: undo is kept while a 20,000-node CogniteFile bulk job runs, without writing it once per chunk', function () {
  this.timeout(120_000);
  const ctx = useEmulator({ files: 0, seed: 9 });
  let models: DataModelingRequests;

  before(async () => {
    const { baseUrl, project, token } = ctx.emulator;
    models = new CdfClient({ baseUrl, project, tokenProvider: new StaticTokenProvider(token) }).models;
    const api = http(ctx.emulator);
    assert.equal((await api.post('/models/spaces', { items: [{ space: SPACE }] })).status, 200);
    for (let from = 0; from < COUNT; from += 1000) {
      const items = Array.from({ length: 1000 }, (_, k) => ({
        instanceType: 'node',
        space: SPACE,
        externalId: xid(from + k),
        sources: [{ source: COGNITE_FILE_VIEW, properties: { name: `${xid(from + k)}.pdf` } }],
      }));
      assert.equal((await api.post('/models/instances', { items })).status, 200);
    }
  });

  it('saves a few times one action in all, and a node changed since the preview is kept before its chunk is sent', async () => {
    const store = new CountingStore();
    const changed = xid(15_500);
    const jobModels = Object.create(models) as DataModelingRequests;
    let first = true;
    let keptAtFirstUpsert = 0;
    const keptBefore: (string | undefined)[] = [];
    jobModels.upsertFileNodes = async (items, options) => {
      if (first) {
        first = false;
        keptAtFirstUpsert = store.written.size;
        const write = await http(ctx.emulator).post('/models/instances', {
          items: [
            {
              instanceType: 'node',
              space: SPACE,
              externalId: changed,
              sources: [{ source: COGNITE_FILE_VIEW, properties: { description: 'meanwhile' } }],
            },
          ],
        });
        assert.equal(write.status, 200);
      }
      if (items.some((i) => i.externalId === changed)) {
        keptBefore.push(store.written.get(`${SPACE}:${changed}`)?.before.description);
      }
      return models.upsertFileNodes(items, options);
    };
    const scope: JobScope<CogniteFileRecord, CogniteFileUpsertItem> = {
      ...cogniteFileBulkSource(jobModels),
      project: { baseUrl: ctx.emulator.baseUrl, project: ctx.emulator.project },
    };
    const jobs = new BulkJobs(store);
    const target = { kind: 'filter' as const, label: 'saves', filter: toInstanceFilter({ spaces: [SPACE] })! };
    const job = await jobs.planEdit(scope, target, [{ op: 'add', field: 'tags', values: ['kept'] }]);
    const report = await jobs.run(job, scope, { concurrency: { max: 2 } });
    assert.equal(report.applied.length, COUNT, JSON.stringify(report.failed.slice(0, 2)));
    assert.equal(keptAtFirstUpsert, COUNT, 'every node kept (as may be changed) before the first upsert');
    assert.deepEqual(keptBefore, ['meanwhile'], 'the fresh before-image was kept before its chunk went out');
    const one = store.bytes.at(-1)!;
    const total = store.bytes.reduce((a, b) => a + b, 0);
    assert.ok(
      total <= 4 * one,
      `${store.bytes.length} saves wrote ${(total / 1e6).toFixed(1)} MB, one save is ${(one / 1e6).toFixed(1)} MB`,
    );
  });
});
