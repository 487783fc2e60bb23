// Attack (issue 11, classic bulk through the generic pipeline): a bulk target of refs that names the
// same file twice by id (a multi-selection holding one file twice; the kept action of a script).
// The planner has a rule for it (plan-batch.ts: "the file is listed more than once", refused per
// item) and applies it when the repeat is {id} + {externalId} of one file; but two {id} refs of one
// file make targetPages send both ids in one files/byids, which CDF refuses with 400 "Duplicate
// identifiers": the whole plan throws and no file is edited. Expected: the plan is made, the file
// changed once and the repeat refused as listed more than once.
import assert from 'node:assert/strict';
import { StaticTokenProvider } from '../../../src/cdf/auth/static-token';
import { CdfClient } from '../../../src/cdf/client';
import { classicBulkSource, filesApiOf } from '../../../src/app';
import { BulkJobs, type ActionStore } from '../../../src/core/bulk';
import { useEmulator } from '../emulator/helpers';

describe('attack: a bulk target naming one file twice by id', () => {
  const ctx = useEmulator({ files: 30, seed: 4 });

  it('plans the file once and refuses the repeat, as for {id} + {externalId}', async () => {
    const { baseUrl, project, token } = ctx.emulator;
    const client = new CdfClient({ baseUrl, project, tokenProvider: new StaticTokenProvider(token) });
    const scope = { ...classicBulkSource(filesApiOf(client)), project: { project, baseUrl } };
    const store = {
      save: () => Promise.resolve(),
      load: () => Promise.resolve({ kind: 'none' }),
      clear: () => Promise.resolve(),
    };
    const jobs = new BulkJobs(store as unknown as ActionStore);
    const id = [...ctx.emulator.store.files.values()][0]!.id;
    const job = await jobs
      .planEdit(scope, { kind: 'ids', label: 'two rows of one file', refs: [{ id }, { id }] }, [
        { op: 'set', field: 'source', value: 'bulk-src' },
      ])
      .catch((e: unknown) => e);
    assert.ok(!(job instanceof Error), `planning threw: ${String(job)}`);
    const counts = (job as { plan: { counts: { changed: number; refused: number } } }).plan.counts;
    assert.equal(counts.changed, 1);
    assert.equal(counts.refused, 1);
  });
});
