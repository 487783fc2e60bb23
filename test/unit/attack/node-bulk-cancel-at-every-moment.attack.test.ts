// Attack (node bulk job, planned chunks): cancel right after the k-th request of the job is answered
// by the server, for every k. Promises at every moment: no item is reported applied that was not
// written, none notSent (or failed) that was written; one outcome per item in plan order; undo then
// restores exactly the nodes the job wrote.
import assert from 'node:assert/strict';
import { StaticTokenProvider } from '../../../src/cdf/auth/static-token';
import { CdfClient } from '../../../src/cdf/client';
import { nodeKeyOf } from '../../../src/cdf/model';
import { cogniteFileBulkSource } from '../../../src/app';
import { BulkJobs, type BulkOperation } from '../../../src/core/bulk';
import type { RecordedRequest } from '../../../src/emulator';
import { useEmulator } from '../emulator/helpers';
import { MemoryStore } from '../support/memory-action-store';

describe('attack: a node bulk job cancelled right after any request is answered', () => {
  let onRequest: (r: RecordedRequest) => void = () => undefined;
  const ctx = useEmulator({ files: 1500, seed: 8, onRequest: (r) => onRequest(r) });

  it('never reports applied what was not written, nor notSent what was', async () => {
    const { baseUrl, project, token } = ctx.emulator;
    const models = new CdfClient({ baseUrl, project, tokenProvider: new StaticTokenProvider(token) }).models;
    const all = (await models.listFileNodes({ limit: 200 })).items.map((n) => ({
      space: n.space,
      externalId: n.externalId,
    }));
    const scope = { ...cogniteFileBulkSource(models), project: { baseUrl, project } };
    const perRun = 4;
    assert.ok(all.length >= 15 * perRun, `only ${all.length} nodes`);
    for (let k = 1; k <= 14; k++) {
      const refs = all.slice(k * perRun, (k + 1) * perRun);
      const keys = refs.map(nodeKeyOf);
      const value = `/attack/cancel-${k}`;
      const jobs = new BulkJobs(new MemoryStore());
      const set = { op: 'set', field: 'directory', value } as BulkOperation;
      const job = await jobs.planEdit(scope, { kind: 'ids', label: `run ${k}`, refs }, [set]);
      const controller = new AbortController();
      let answered = 0;
      onRequest = () => {
        if (++answered === k) controller.abort();
      };
      const report = await jobs.run(job, scope, { signal: controller.signal, chunkSize: 1 });
      onRequest = () => undefined;
      assert.deepEqual(
        report.items.map((o) => o.index),
        [0, 1, 2, 3],
        `k=${k}`,
      );
      const now = await scope.api.retrieve(keys);
      now.forEach((r, i) => {
        const outcome = report.items[i]!.outcome;
        const written = r.directory === value;
        if (written) assert.ok(outcome === 'applied' || outcome === 'unknown', `k=${k} ${keys[i]} written, ${outcome}`);
        else assert.notEqual(outcome, 'applied', `k=${k} ${keys[i]} not written, reported applied`);
      });
      const { undo, job: undoJob } = await jobs.planUndo(scope).catch(() => ({ undo: undefined, job: undefined }));
      if (!undo || !undoJob) {
        assert.ok(
          now.every((r) => r.directory !== value),
          `k=${k}: no undo, yet the job wrote`,
        );
        continue;
      }
      if (undo.items.length) await jobs.run(undoJob, scope);
      const back = await scope.api.retrieve(keys);
      back.forEach((r, i) => assert.notEqual(r.directory, value, `k=${k} ${keys[i]} not restored`));
    }
  });
});
