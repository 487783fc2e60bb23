/**
 * A node bulk update whose node is deleted (and maybe made again by someone) between the chunk's read
 * and its upsert (issue 14): an upsert with existingVersion creates an absent node, so the answer
 * is what tells. A node THIS write made (version 1, modified, another createdTime) is deleted again
 * at once; a node someone else made again is never deleted, and is not reported applied (undo must
 * not write the old node's values on it). Real emulator over HTTP; the store is changed right when
 * the chunk's read is answered, before the upsert is sent.
 */
import assert from 'node:assert/strict';
import { StaticTokenProvider } from '../../../src/cdf/auth/static-token';
import { CdfClient } from '../../../src/cdf/client';
import { nodeKeyOf } from '../../../src/cdf/model';
import { cogniteFileBulkSource, cogniteFileRecordsApi } from '../../../src/app';
import { BulkJobs, type BulkOperation } from '../../../src/core/bulk';
import { diffRecord } from '../../../src/core/diff';
import { COGNITE_FILE, type CogniteFileRecord } from '../../../src/core/records';
import type { RecordedRequest } from '../../../src/emulator';
import { useEmulator } from '../emulator/helpers';
import { MemoryStore } from '../support/memory-action-store';

type Ref = { space: string; externalId: string };
const DIR = '/made-again/dir';
const setDir = (records: readonly CogniteFileRecord[]) =>
  records.map((r) => COGNITE_FILE.encodeUpdate(r, diffRecord(COGNITE_FILE, r, { ...r, directory: DIR })!));

describe('app: a node deleted between its chunk read and the upsert', () => {
  let onRequest: (r: RecordedRequest) => void = () => undefined;
  const ctx = useEmulator({ files: 300, seed: 23, onRequest: (r) => onRequest(r) });
  let models: CdfClient['models'];
  let refs: Ref[];
  before(async () => {
    const { baseUrl, project, token } = ctx.emulator;
    models = new CdfClient({ baseUrl, project, tokenProvider: new StaticTokenProvider(token) }).models;
    refs = (await models.listFileNodes({ limit: 8 })).items.map(({ space, externalId }) => ({ space, externalId }));
  });
  afterEach(() => {
    onRequest = () => undefined;
    ctx.emulator.setFaults(undefined);
  });
  const nodes = () => ctx.emulator.store.nodes;
  const deletes = (mark: number) =>
    ctx.emulator.requests.slice(mark).filter((r) => r.path.endsWith('/models/instances/delete'));
  const upserts = (mark: number) =>
    ctx.emulator.requests.slice(mark).filter((r) => r.method === 'POST' && r.path.endsWith('/models/instances'));
  /**
   * Runs `change` once, right when the run's first read of `ref` is answered: the port's alone reads
   * it whole; the job's reads its version only (the preview read it whole).
   */
  const whenRead = (ref: Ref, change: () => void) => {
    let done = false;
    onRequest = (r) => {
      const body = r.body as { items?: Ref[] } | undefined;
      if (done || !r.path.endsWith('/models/instances/byids')) return;
      if (!body?.items?.some((i) => nodeKeyOf(i) === nodeKeyOf(ref))) return;
      done = true;
      change();
    };
    return () => done;
  };
  /** Deletes `ref` and makes it again as someone else would (a later createdTime, version 1). */
  const madeAgainBySomeone = (ref: Ref, directory?: string) => () => {
    const old = structuredClone(nodes().get(nodeKeyOf(ref))!);
    assert.ok(nodes().delete(nodeKeyOf(ref)));
    const file = old.data['cdf_cdm/CogniteFile']!;
    if (directory) file['directory'] = directory;
    nodes().put({ ...old, version: 1, createdTime: old.createdTime + 60_000 });
  };

  it('deletes again the node its upsert made, and says nothing of it remains', async () => {
    const [ref] = refs;
    const mark = ctx.emulator.requests.length;
    const changed = whenRead(ref!, () => assert.ok(nodes().delete(nodeKeyOf(ref!))));
    const api = cogniteFileRecordsApi(models);
    const report = await api.updateManyPlanned([nodeKeyOf(ref!)], setDir, {});
    assert.ok(changed());
    assert.equal(upserts(mark).length, 1, 'the upsert was sent (and made the node)');
    assert.equal(nodes().get(nodeKeyOf(ref!)), undefined, 'the node made by the upsert is deleted again');
    const [item] = report.items;
    assert.equal(item!.outcome, 'failed');
    assert.ok(item!.outcome === 'failed' && item!.failure.reason === 'missing');
    assert.match(item!.failure.message, /made it again and it was deleted again; nothing of it remains/);
    assert.deepEqual(
      (deletes(mark)[0]?.body as { items: unknown[] } | undefined)?.items,
      [{ instanceType: 'node', ...ref, existingVersion: 1 }],
      'deleted at the version the upsert made: a node written since would be refused',
    );
  });

  it('keeps the node and says to check it when that delete fails', async () => {
    const [, ref] = refs;
    ctx.emulator.setFaults({ routes: { 'POST /models/instances/delete': { errorRate: 1, errorStatus: 403 } } });
    const changed = whenRead(ref!, () => assert.ok(nodes().delete(nodeKeyOf(ref!))));
    const report = await cogniteFileRecordsApi(models).updateManyPlanned([nodeKeyOf(ref!)], setDir, {});
    assert.ok(changed());
    assert.equal(nodes().get(nodeKeyOf(ref!))?.version, 1, 'made by the upsert, not deleted');
    const [item] = report.items;
    assert.ok(item!.outcome === 'failed' && item!.failure.reason === 'missing');
    assert.match(item!.failure.message, /check it, and delete it if it should stay deleted/);
  });

  it('deletes the others when one node it made was written since (refused 409): that one is kept', async () => {
    const [, , , , , a, b] = refs;
    const mark = ctx.emulator.requests.length;
    let written = false;
    let deleted = false;
    onRequest = (r) => {
      const body = r.body as { items?: Ref[]; sources?: unknown } | undefined;
      const names = (ref: Ref) => body?.items?.some((i) => nodeKeyOf(i) === nodeKeyOf(ref));
      if (!deleted && r.path.endsWith('/models/instances/byids') && body?.sources !== undefined && names(a!))
        deleted = nodes().delete(nodeKeyOf(a!)) && nodes().delete(nodeKeyOf(b!));
      // Someone writes b right after the upsert that made it again, before it is deleted again.
      if (!written && r.method === 'POST' && r.path.endsWith('/models/instances') && r.status === 200 && names(b!)) {
        const made = nodes().get(nodeKeyOf(b!))!;
        nodes().put({ ...made, version: made.version + 1 });
        written = true;
      }
    };
    const keys = [a!, b!].map(nodeKeyOf);
    const report = await cogniteFileRecordsApi(models).updateManyPlanned(keys, setDir, {});
    assert.ok(deleted && written);
    assert.equal(nodes().get(keys[0]!), undefined, 'the node nobody wrote since is deleted again');
    assert.equal(nodes().get(keys[1]!)?.version, 2, 'the node written since is kept');
    const [first, second] = report.items;
    assert.ok(first!.outcome === 'failed' && second!.outcome === 'failed');
    assert.match(first!.failure.message, /nothing of it remains/);
    assert.match(second!.failure.message, /check it, and delete it if it should stay deleted/);
    assert.ok(
      deletes(mark).some((r) => r.status === 409),
      'the node written since was refused, not deleted',
    );
  });

  it('never deletes a node someone made again that the write did not modify', async () => {
    const [, , ref] = refs;
    const mark = ctx.emulator.requests.length;
    const changed = whenRead(ref!, madeAgainBySomeone(ref!, DIR));
    const report = await cogniteFileRecordsApi(models).updateManyPlanned([nodeKeyOf(ref!)], setDir, {});
    assert.ok(changed());
    const now = nodes().get(nodeKeyOf(ref!));
    assert.equal(now?.version, 1, "someone's node is kept as they made it");
    assert.equal(deletes(mark).length, 0, 'no delete was sent');
    const [item] = report.items;
    assert.ok(item!.outcome === 'failed' && item!.failure.reason === 'missing', JSON.stringify(item));
    assert.match(item!.failure.message, /made again by someone else .* changed nothing/);
  });

  it('reports a write on a node someone made again not applied, and undo leaves that node alone', async () => {
    const [, , , ref, kept] = refs;
    const { baseUrl, project } = ctx.emulator;
    const scope = { ...cogniteFileBulkSource(models), project: { baseUrl, project } };
    const jobs = new BulkJobs(new MemoryStore());
    const set = { op: 'set', field: 'directory', value: DIR } as BulkOperation;
    const job = await jobs.planEdit(scope, { kind: 'ids', label: 'two nodes', refs: [ref!, kept!] }, [set]);
    const mark = ctx.emulator.requests.length;
    const changed = whenRead(ref!, madeAgainBySomeone(ref!));
    const report = await jobs.run(job, scope);
    assert.ok(changed());
    assert.equal(deletes(mark).length, 0, 'no delete was sent');
    const now = nodes().get(nodeKeyOf(ref!))!;
    assert.equal(now.version, 2, 'the write was applied to the node someone made again');
    const [item, other] = report.items;
    assert.equal(other!.outcome, 'applied');
    assert.ok(item!.outcome === 'failed' && item!.failure.reason === 'other', JSON.stringify(item));
    assert.match(item!.failure.message, /made again by someone else .* this write was applied to that new node/);

    const { undo } = await jobs.planUndo(scope);
    const restored = undo.items.map((i) => nodeKeyOf(i as Ref));
    assert.deepEqual(restored, [nodeKeyOf(kept!)], "undo would write the old node's values on the new node");
  });
});
