/**
 * Attack across the whole job: a node is deleted while its chunk is between read and upsert (the
 * upsert makes it again, the run deletes it again), the kept action is saved as the editor saves it
 * (the fast text, parsed back after a window reload), then Undo runs from the store. The undo must
 * restore the other nodes and leave the deleted one deleted: never make it again.
 */
import { strict as assert } from 'node:assert';
import { nodeKeyOf } from '../../../src/cdf/model';
import { cogniteFileBulkSource } from '../../../src/app/cognite-file-bulk-source';
import {
  BulkJobs,
  restoreAction,
  savedActionText,
  type ActionStore,
  type BulkActionRecord,
  type LoadedAction,
} from '../../../src/core/bulk';
import { COGNITE_FILE_BULK } from '../../../src/core/cognite-file';

/** The kept action as text, as the editor's store writes it; each load parses it anew (a reload). */
class TextStore implements ActionStore {
  text: string | undefined;
  save(record: BulkActionRecord): Promise<void> {
    this.text = savedActionText(record);
    return Promise.resolve();
  }
  load(): Promise<LoadedAction> {
    if (this.text === undefined) return Promise.resolve({ kind: 'none' });
    const record = restoreAction(JSON.parse(this.text), COGNITE_FILE_BULK) as unknown as BulkActionRecord;
    return Promise.resolve({ kind: 'found', record });
  }
  clear(): Promise<void> {
    this.text = undefined;
    return Promise.resolve();
  }
}
import { useNodeEmulator } from './support/node-attack';

describe('attack: node bulk edit with a node made again, then reload and undo', function () {
  this.timeout(30_000);
  const { env, client } = useNodeEmulator(500);

  it('undoes the others and leaves the node deleted', async () => {
    const colleague = client();
    const nodes = (await colleague.models.listFileNodes({ limit: 5 })).items;
    assert.equal(nodes.length, 5);
    const gone = nodes[2]!;
    let upserts = 0;
    const deleting: typeof globalThis.fetch = async (input, init) => {
      const url = input instanceof Request ? input.url : String(input);
      if (url.endsWith('/models/instances') && upserts++ === 0)
        await colleague.models.deleteFileNodes([{ space: gone.space, externalId: gone.externalId }]);
      return globalThis.fetch(input, init);
    };
    const project = { baseUrl: env.emulator.baseUrl, project: env.emulator.project };
    const scope = { ...cogniteFileBulkSource(client(deleting).models), project };
    const store = new TextStore();
    const refs = nodes.map(({ space, externalId }) => ({ space, externalId }));
    const target = { kind: 'ids' as const, label: 'five nodes', refs };
    const operations = [{ op: 'add' as const, field: 'tags', values: ['attack-tag'] }];

    const jobs = new BulkJobs(store);
    const job = await jobs.planEdit(scope, target, operations);
    const report = await jobs.run(job, scope);
    assert.equal(report.applied.length, 4);
    const goneOutcome = report.items[2];
    assert.equal(goneOutcome?.outcome === 'failed' && goneOutcome.failure.reason, 'missing');
    const tagged = await colleague.models.retrieveFileNodes(nodes, { ignoreUnknownIds: true });
    assert.deepEqual(
      tagged.map(nodeKeyOf),
      nodes.filter((n) => n !== gone).map(nodeKeyOf),
      'the node made again was deleted again',
    );

    const reloaded = new BulkJobs(store);
    const { undo, job: undoJob } = await reloaded.planUndo(scope);
    assert.equal(undo.items.length, 4);
    const undone = await reloaded.run(undoJob, scope);
    assert.equal(undone.applied.length, 4);
    const now = await colleague.models.retrieveFileNodes(nodes, { ignoreUnknownIds: true });
    assert.deepEqual(now.map(nodeKeyOf), tagged.map(nodeKeyOf), 'undo made nothing again');
    const before = new Map(nodes.map((n) => [nodeKeyOf(n), n.properties]));
    for (const n of now) assert.deepEqual(n.properties, before.get(nodeKeyOf(n)), `${nodeKeyOf(n)} restored`);
  });

  /**
   * Skipped: a gap, reported. When the delete-again fails, the node this write made stays (holding
   * only what the write sent) and the item is reported failed, asking a person to check it; undo
   * does not know of it (a failed item wrote nothing, as far as the kept action knows). Undo could
   * delete it at version 1 only if the kept action held that node's stamp: a new entry kind, not a
   * local fix.
   */
  it.skip('undo deletes the node the run made again when its delete-again failed', async () => {
    const colleague = client();
    const nodes = (await colleague.models.listFileNodes({ limit: 3 })).items;
    const gone = nodes[1]!;
    let upserts = 0;
    const hostile: typeof globalThis.fetch = async (input, init) => {
      const url = input instanceof Request ? input.url : String(input);
      if (url.endsWith('/models/instances') && upserts++ === 0)
        await colleague.models.deleteFileNodes([{ space: gone.space, externalId: gone.externalId }]);
      if (url.endsWith('/models/instances/delete') && upserts < 2)
        return new Response('{"error":{"code":400,"message":"refused"}}', { status: 400 });
      return globalThis.fetch(input, init);
    };
    const project = { baseUrl: env.emulator.baseUrl, project: env.emulator.project };
    const scope = { ...cogniteFileBulkSource(client(hostile).models), project };
    const store = new TextStore();
    const refs = nodes.map(({ space, externalId }) => ({ space, externalId }));
    const operations = [{ op: 'add' as const, field: 'tags', values: ['attack-tag'] }];
    const jobs = new BulkJobs(store);
    await jobs.run(await jobs.planEdit(scope, { kind: 'ids', label: 'three nodes', refs }, operations), scope);
    const [made] = await colleague.models.retrieveFileNodes([gone], { ignoreUnknownIds: true });
    assert.ok(made, 'the delete-again failed: the node this write made is there');

    const reloaded = new BulkJobs(store);
    const { job } = await reloaded.planUndo(scope);
    await reloaded.run(job, scope);
    const now = await colleague.models.retrieveFileNodes([gone], { ignoreUnknownIds: true });
    assert.equal(now.length, 0, 'undo removed the node only the action made');
  });
});
