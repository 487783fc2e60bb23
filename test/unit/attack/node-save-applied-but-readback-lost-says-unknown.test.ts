// Attack (issue 12, outcome reporting): a node's upsert is answered 200 (CDF applied it: versions in
// the answer), then the read-back of the written node (instances/byids, for the record the document
// reloads to) gets no answer. The write is KNOWN applied; only its new content is unknown. The single
// record save (update = upsert + answered(retrieve)) turns the lost read into OutcomeUnknownError, and
// the selection path (nodeUpdateMany: applied without record) into status 'unknown': both tell the
// user the save may not have happened, and "Failures keep the document dirty". Expected: the save
// reports the node saved (it was), e.g. 'saved' with the record it can know, never 'may not be saved'.
import assert from 'node:assert/strict';
import { StaticTokenProvider } from '../../../src/cdf/auth/static-token';
import { CdfClient } from '../../../src/cdf/client';
import { cogniteFileRecordsApi } from '../../../src/app';
import { COGNITE_FILE } from '../../../src/core/records';
import { planSelectionSave, recordSaveRequest, saveRecords } from '../../../src/core/save';
import { useEmulator } from '../emulator/helpers';

describe('attack: a node save whose upsert was answered but whose read-back was lost', () => {
  const ctx = useEmulator({ files: 500, seed: 10 });

  function setup() {
    const { baseUrl, project, token } = ctx.emulator;
    const client = new CdfClient({
      baseUrl,
      project,
      tokenProvider: new StaticTokenProvider(token),
      retry: { maxAttempts: 1 },
    });
    const api = cogniteFileRecordsApi(client.models);
    const models = client.models as unknown as { upsertFileNodes: (...a: unknown[]) => Promise<unknown> };
    const upsert = models.upsertFileNodes.bind(client.models);
    // Once the upsert is answered, every later read of the node gets no answer.
    models.upsertFileNodes = async (...a: unknown[]) => {
      const answer = await upsert(...a);
      ctx.emulator.setFaults({ routes: { 'POST /models/instances/byids': { dropRate: 1 } } });
      return answer;
    };
    return { api, client };
  }
  afterEach(() => ctx.emulator.setFaults(undefined));

  it('one record: the save does not say "may not have been saved"', async () => {
    const { api, client } = setup();
    const key = (await client.models.listFileNodes({ limit: 3 })).items.map((n) => `${n.space}:${n.externalId}`)[0]!;
    const [base] = await api.retrieve([key]);
    const doc = { ...COGNITE_FILE.document.render(base!), name: 'applied.pdf' };
    const outcome = await saveRecords(
      recordSaveRequest({
        kind: COGNITE_FILE,
        base: base!,
        text: JSON.stringify(doc),
        api,
        resolveConflicts: () => Promise.resolve('cancel' as const),
      }),
    ).catch((e: unknown) => ({ kind: 'threw' as const, error: `${(e as Error).name}: ${(e as Error).message}` }));
    ctx.emulator.setFaults(undefined);
    assert.equal((await api.retrieve([key]))[0]!.name, 'applied.pdf', 'CDF applied it');
    assert.equal(outcome.kind, 'done', `the applied save is reported as: ${JSON.stringify(outcome)}`);
  });

  it('a selection: the applied node is not reported unknown', async () => {
    const { api, client } = setup();
    const keys = (await client.models.listFileNodes({ limit: 3 })).items.map((n) => `${n.space}:${n.externalId}`);
    const bases = await api.retrieve(keys.slice(1, 3));
    const text = JSON.stringify(bases.map((b, i) => ({ ...COGNITE_FILE.document.render(b), name: `sel-${i}.pdf` })));
    const plan = planSelectionSave(COGNITE_FILE, new Map(bases.map((b) => [COGNITE_FILE.key(b), b])), text);
    const outcome = await saveRecords({
      kind: COGNITE_FILE,
      plan,
      api,
      resolveConflicts: () => Promise.resolve('cancel' as const),
    }).catch((e: unknown) => ({ kind: 'threw' as const, error: String(e) }));
    ctx.emulator.setFaults(undefined);
    assert.equal((await api.retrieve([keys[1]!]))[0]!.name, 'sel-0.pdf', 'CDF applied it');
    const statuses = ((outcome as { results?: { status: string }[] }).results ?? []).map((r) => r.status);
    assert.deepEqual(statuses, ['saved', 'saved'], `reported: ${JSON.stringify(outcome).slice(0, 300)}`);
  });
});
