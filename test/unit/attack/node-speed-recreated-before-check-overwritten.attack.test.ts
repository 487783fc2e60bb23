// Attack (issue 12 bulk, issue 14 speed work): right before each upsert, node-update-many.ts checks
// that each node still exists, reading only its version and createdTime (node-stamps.ts). A colleague
// deletes a node after the job read it and creates a new node under the same key (version 1, a new
// createdTime) before that check. The check sees a node, and sees that it is another incarnation
// (createdTime differs from the read the item was planned on), but only asks whether it exists: the
// upsert's existingVersion (the old node's version, >= 1) does not refuse a node at version 1, so the
// colleague's new node gets the job's tags, computed from the OLD node, and the report says applied.
// Issue 12: "a node changed by someone else meanwhile is re-read and re-planned, never overwritten,
// and the report says so". Expected: the new node keeps its own tags; the item is not reported applied.
import assert from 'node:assert/strict';
import { StaticTokenProvider } from '../../../src/cdf/auth/static-token';
import { CdfClient } from '../../../src/cdf/client';
import { COGNITE_FILE_VIEW } from '../../../src/cdf/model';
import { cogniteFileRecordsApi } from '../../../src/app';
import { diffRecord } from '../../../src/core/diff';
import { COGNITE_FILE, type CogniteFileRecord } from '../../../src/core/records';
import { client as http, useEmulator } from '../emulator/helpers';

const itemFor = (base: CogniteFileRecord, changes: Partial<CogniteFileRecord>) =>
  COGNITE_FILE.encodeUpdate(base, diffRecord(COGNITE_FILE, base, { ...base, ...changes })!);

describe('attack: a bulk node update never overwrites a node re-created under the same key', () => {
  const ctx = useEmulator({ files: 300, seed: 5 });

  it('updateMany: the re-created node keeps its own tags and the item is not reported applied', async () => {
    const { baseUrl, project, token } = ctx.emulator;
    const models = new CdfClient({ baseUrl, project, tokenProvider: new StaticTokenProvider(token) }).models;
    const api = cogniteFileRecordsApi(models);
    const colleague = http(ctx.emulator);
    const [first] = (await models.listFileNodes({ limit: 1 })).items;
    const key = `${first!.space}:${first!.externalId}`;
    const ref = { space: first!.space, externalId: first!.externalId };
    // The job's read (it plans on it); a version above 1 makes the old node's history visible.
    const [read0] = await api.retrieve([key]);
    await api.update([itemFor(read0!, { description: 'reviewed' })]);
    const [planned] = await api.retrieve([key]);
    assert.ok(planned!.version >= 2);
    const item = itemFor(planned!, { tags: [...(planned!.tags ?? []), 'bulk-tag'] });

    // The colleague deletes the node and makes a new one under the key, with tags of its own.
    assert.equal(
      (await colleague.post('/models/instances/delete', { items: [{ instanceType: 'node', ...ref }] })).status,
      200,
    );
    const made = await colleague.post('/models/instances', {
      items: [
        {
          instanceType: 'node',
          ...ref,
          sources: [{ source: COGNITE_FILE_VIEW, properties: { name: 'new file.pdf', tags: ['theirs'] } }],
        },
      ],
    });
    assert.equal(made.status, 200, JSON.stringify(made.body));
    assert.equal(made.body.items[0].version, 1);

    const report = await api.updateMany([item], {});
    const [now] = await api.retrieve([key]);
    assert.deepEqual(
      now!.tags,
      ['theirs'],
      `the colleague's new node was overwritten: tags ${JSON.stringify(now!.tags)}`,
    );
    assert.notEqual(report.items[0]!.outcome, 'applied');
  });
});
