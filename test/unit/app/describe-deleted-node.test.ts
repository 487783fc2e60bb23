// A node deleted in CDF while a person edits it is said to be a CogniteFile node that no longer
// exists, not "the file": the failure words take the record kind's noun. Real deletion, over HTTP.
import assert from 'node:assert/strict';
import { StaticTokenProvider } from '../../../src/cdf/auth/static-token';
import { CdfClient } from '../../../src/cdf/client';
import { cogniteFileRecordsApi } from '../../../src/app';
import { RecordsMissingError } from '../../../src/core/ports';
import { describeFailure } from '../../../src/app/describe-failure';
import { failuresOf } from '../../../src/app/describe-save-results';
import { CLASSIC_FILE, COGNITE_FILE, type CogniteFileRecord } from '../../../src/core/records';
import { recordSaveRequest, saveRecords } from '../../../src/core/save';
import { useEmulator } from '../emulator/helpers';

describe('app: a deleted node is described as a node', () => {
  const ctx = useEmulator({ files: 200, seed: 21 });
  let client: CdfClient;
  before(() => {
    const { baseUrl, project, token } = ctx.emulator;
    client = new CdfClient({ baseUrl, project, tokenProvider: new StaticTokenProvider(token) });
  });
  const deleteNode = async (node: { space: string; externalId: string }) => {
    const res = await fetch(`${ctx.emulator.apiBase}/models/instances/delete`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ctx.emulator.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ items: [{ instanceType: 'node', space: node.space, externalId: node.externalId }] }),
    });
    assert.equal(res.status, 200);
  };

  it('a read of a deleted node and a save of one say "the CogniteFile node no longer exists"', async () => {
    const api = cogniteFileRecordsApi(client.models);
    const [node] = (await client.models.listFileNodes({ limit: 1 })).items;
    const [record] = await api.retrieve([`${node!.space}:${node!.externalId}`]);
    await deleteNode(node!);

    const read = await api.retrieve([COGNITE_FILE.key(record!)]).catch((err: unknown) => err);
    const said = describeFailure(read, COGNITE_FILE.noun());
    assert.equal(said.code, 'record-deleted');
    assert.match(said.message, /the CogniteFile node no longer exists in CDF/);
    assert.doesNotMatch(said.message, /the file/);

    const edited: CogniteFileRecord = { ...record!, name: `${record!.name ?? 'x'} renamed` };
    const outcome = await saveRecords(
      recordSaveRequest({
        kind: COGNITE_FILE,
        base: record!,
        text: JSON.stringify(COGNITE_FILE.document.render(edited)),
        api,
        resolveConflicts: () => Promise.reject(new Error('no conflict expected')),
      }),
    ).catch((err: unknown) => err);
    const message =
      outcome instanceof Error
        ? describeFailure(outcome, COGNITE_FILE.noun()).message
        : failuresOf((outcome as { results: never[] }).results, COGNITE_FILE.noun())[0]?.message;
    assert.match(String(message), /the CogniteFile node no longer exists in CDF/);
  });

  it('a classic file keeps its words', () => {
    assert.match(describeFailure(new RecordsMissingError(['7'], 'x'), CLASSIC_FILE.noun()).message, /the file no/);
    const deleted = failuresOf([{ status: 'deleted', key: '1', label: 'a.pdf', broughtIn: [] } as never]);
    assert.match(deleted[0]!.message, /the file no longer exists in CDF/);
  });
});
