/**
 * Undo's save before a CogniteFile bulk job's first upsert (against the emulator over HTTP) joins
 * JSON made off the wire's path: the images' texts are made while the person reads the preview, so
 * that save only joins them. What is saved restores equal.
 * Applied before the preview's texts are made, their idle work stops: the run's turns are its own.
 */
import assert from 'node:assert/strict';
import { StaticTokenProvider } from '../../../src/cdf/auth/static-token';
import { CdfClient } from '../../../src/cdf/client';
import { COGNITE_FILE_VIEW } from '../../../src/cdf/model';
import { cogniteFileBulkSource } from '../../../src/app';
import { BulkJobs, restoreAction, savedActionText, type BulkActionRecord } from '../../../src/core/bulk';
import { hasImageText } from '../../../src/core/bulk/job/image-texts';
import { COGNITE_FILE_BULK } from '../../../src/core/cognite-file';
import { client as http, useEmulator } from '../emulator/helpers';
import { MemoryStore } from '../support/memory-action-store';

const SPACE = 'texts';
const COUNT = 3000;
const xid = (i: number) => `t-${String(i).padStart(5, '0')}`;
const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Writes the action's text as the editor's store does; notes, as each save begins, how many images had no text yet. */
class TextStore extends MemoryStore {
  readonly unmade: number[] = [];
  text = '';
  override save(record: BulkActionRecord) {
    const images = [...record.entries.values()].flatMap((e) => [e.before, e.after]);
    this.unmade.push(images.filter((image) => !hasImageText(image)).length);
    this.text = savedActionText(record);
    return super.save(record);
  }
}

describe('app: the kept action of a CogniteFile bulk job is saved from JSON made off the wire', function () {
  this.timeout(60_000);
  // Each upsert takes a while on the wire, as CDF's do.
  const ctx = useEmulator({ files: 0, seed: 3, faults: { routes: { 'POST /models/instances': { latencyMs: 40 } } } });

  before(async () => {
    const api = http(ctx.emulator);
    assert.equal((await api.post('/models/spaces', { items: [{ space: SPACE }] })).status, 200);
    for (let from = 0; from < COUNT; from += 1000) {
      const items = Array.from({ length: 1000 }, (_, k) => ({
        instanceType: 'node',
        space: SPACE,
        externalId: xid(from + k),
        sources: [{ source: COGNITE_FILE_VIEW, properties: { name: `${xid(from + k)}.pdf`, tags: ['a'] } }],
      }));
      assert.equal((await api.post('/models/instances', { items })).status, 200);
    }
  });

  it('the first save joins texts made while the preview was read; what is saved restores equal', async () => {
    const { baseUrl, project, token } = ctx.emulator;
    const models = new CdfClient({ baseUrl, project, tokenProvider: new StaticTokenProvider(token) }).models;
    const scope = { ...cogniteFileBulkSource(models), project: { baseUrl, project } };
    const store = new TextStore();
    const jobs = new BulkJobs(store);
    const refs = Array.from({ length: COUNT }, (_, i) => ({ space: SPACE, externalId: xid(i) }));
    const job = await jobs.planEdit(scope, { kind: 'ids', label: 'texts', refs }, [
      { op: 'add', field: 'tags', values: ['b'] },
    ]);
    await tick(300); // the person reads the preview
    const report = await jobs.run(job, scope);
    await jobs.settled(); // the run's outcomes kept (after its report)
    assert.equal(report.applied.length, COUNT);
    assert.equal(store.unmade[0], 0, 'the save before the first upsert stringified images itself');
    const restored = restoreAction(JSON.parse(store.text), COGNITE_FILE_BULK);
    assert.deepEqual(
      [...restored.entries].map(([k, e]) => [k, e.outcome, e.after.tags]),
      [...job.record.entries].map(([k, e]) => [k, e.outcome, e.after.tags]),
    );
    assert.equal([...restored.entries.values()].filter((e) => e.outcome === 'applied').length, COUNT);
    assert.deepEqual(restored.entries.get(`${SPACE}:${xid(7)}`)?.after.tags, ['a', 'b']);
  });

  it('Apply pressed before the preview images are all made: their idle work stops, the run keeps its turns', async () => {
    const { baseUrl, project, token } = ctx.emulator;
    const models = new CdfClient({ baseUrl, project, tokenProvider: new StaticTokenProvider(token) }).models;
    const scope = { ...cogniteFileBulkSource(models), project: { baseUrl, project } };
    const jobs = new BulkJobs(new MemoryStore());
    const refs = Array.from({ length: COUNT }, (_, i) => ({ space: SPACE, externalId: xid(i) }));
    const job = await jobs.planEdit(scope, { kind: 'ids', label: 'at once', refs }, [
      { op: 'add', field: 'tags', values: ['c'] },
    ]);
    const report = await jobs.run(job, scope); // at once: no time to read the preview
    assert.equal(report.applied.length, COUNT);
    await jobs.settled(); // the run's outcomes kept (after its report)
    await tick(50);
    const made = job.plan.afterImages.filter((image) => hasImageText(image)).length;
    assert.ok(made < COUNT / 3, `${made} of the preview's ${COUNT} after-images were made while the job ran`);
  });
});
