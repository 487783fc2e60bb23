// Attack (node bulk job, planned chunks): a colleague deletes a node right after the job's chunk read
// is answered, before the chunk's upsert. The upsert (existingVersion only refuses a NEWER node)
// creates the node again holding only what the job sent. The window is one round trip and the API
// has no update-only flag (node-written.ts documents the residual race); what the job can still do
// is not call that node "applied": the upsert's answer names a createdTime other than the read's.
import assert from 'node:assert/strict';
import { StaticTokenProvider } from '../../../src/cdf/auth/static-token';
import { CdfClient } from '../../../src/cdf/client';
import { nodeKeyOf } from '../../../src/cdf/model';
import { cogniteFileBulkSource } from '../../../src/app';
import { BulkJobs, type BulkOperation } from '../../../src/core/bulk';
import type { RecordedRequest } from '../../../src/emulator';
import { useEmulator } from '../emulator/helpers';
import { MemoryStore } from '../support/memory-action-store';

type Ref = { space: string; externalId: string };

describe('attack: a node deleted between its chunk read and the upsert', () => {
  let onRequest: (r: RecordedRequest) => void = () => undefined;
  const ctx = useEmulator({ files: 200, seed: 16, onRequest: (r) => onRequest(r) });

  it('is not reported applied when the upsert made it again', async () => {
    const { baseUrl, project, token } = ctx.emulator;
    const models = new CdfClient({ baseUrl, project, tokenProvider: new StaticTokenProvider(token) }).models;
    const refs: Ref[] = (await models.listFileNodes({ limit: 2 })).items.map((n) => ({
      space: n.space,
      externalId: n.externalId,
    }));
    const [goneKey] = refs.map(nodeKeyOf) as [string, string];
    const scope = { ...cogniteFileBulkSource(models), project: { baseUrl, project } };
    const jobs = new BulkJobs(new MemoryStore());
    const set = { op: 'set', field: 'directory', value: '/attack/deleted-late' } as BulkOperation;
    const job = await jobs.planEdit(scope, { kind: 'ids', label: 'two nodes', refs }, [set]);
    let deleted = false;
    onRequest = (r) => {
      // The job's chunk read (versions only: the preview read the nodes whole).
      const body = r.body as { items?: Ref[] } | undefined;
      if (deleted || !r.path.endsWith('/models/instances/byids')) return;
      if (!body?.items?.some((i) => nodeKeyOf(i) === goneKey)) return;
      deleted = ctx.emulator.store.nodes.delete(goneKey);
    };
    const report = await jobs.run(job, scope);
    onRequest = () => undefined;
    assert.ok(deleted);
    const now = ctx.emulator.store.nodes.get(goneKey);
    if (now)
      assert.notEqual(
        report.items[0]!.outcome,
        'applied',
        `made again by the upsert: ${JSON.stringify(now).slice(0, 200)}`,
      );
  });
});
