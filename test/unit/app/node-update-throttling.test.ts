// The node bulk update over HTTP against a throttling emulator: it starts from the concurrent write
// limit GET /models/statistics reports and, when CDF admits fewer (another client's share, an
// identity budget), adapts to the 429s instead of retrying each refused chunk in its own slot.
import assert from 'node:assert/strict';
import { StaticTokenProvider } from '../../../src/cdf/auth/static-token';
import { CdfClient } from '../../../src/cdf/client';
import { COGNITE_FILE_VIEW } from '../../../src/cdf/model';
import { cogniteFileRecordsApi, type CogniteFileRecordsApi } from '../../../src/app';
import { diffRecord } from '../../../src/core/diff';
import { COGNITE_FILE, type CogniteFileRecord } from '../../../src/core/records';
import { client as http, useEmulator } from '../emulator/helpers';

type Body = { items: { space: string; externalId: string }[] };

const SPACE = 'throttled_writes';
const COUNT = 1240;

const tagged = (base: CogniteFileRecord, tag: string) =>
  COGNITE_FILE.encodeUpdate(base, diffRecord(COGNITE_FILE, base, { ...base, tags: [...(base.tags ?? []), tag] })!);

describe('app: node updateMany follows /models/statistics and adapts to 429s', function () {
  this.timeout(60_000);
  const ctx = useEmulator({ files: 0, seed: 31 });
  let api: CogniteFileRecordsApi;
  let client: CdfClient;
  let keys: string[];
  before(async () => {
    const { baseUrl, project, token } = ctx.emulator;
    client = new CdfClient({ baseUrl, project, tokenProvider: new StaticTokenProvider(token) });
    api = cogniteFileRecordsApi(client.models);
    const raw = http(ctx.emulator);
    assert.equal((await raw.post('/models/spaces', { items: [{ space: SPACE }] })).status, 200);
    keys = Array.from({ length: COUNT }, (_, i) => `${SPACE}:f${i}`);
    for (let from = 0; from < COUNT; from += 1000) {
      const items = keys.slice(from, from + 1000).map((key) => ({
        instanceType: 'node',
        space: SPACE,
        externalId: key.slice(SPACE.length + 1),
        sources: [{ source: COGNITE_FILE_VIEW, properties: { name: `${key}.pdf` } }],
      }));
      assert.equal((await raw.post('/models/instances', { items })).status, 200);
    }
  });
  afterEach(() => {
    ctx.emulator.setThrottle(undefined);
    ctx.emulator.setFaults(undefined);
  });
  const answersSince = (from: number, status: number) =>
    ctx.emulator.requests
      .slice(from)
      .filter((r) => r.method === 'POST' && r.path.endsWith('/models/instances') && r.status === status);

  it('starts with as many writes at once as the statistics allow, and no 429 when they are right', async () => {
    ctx.emulator.store.modelLimits = { ...ctx.emulator.store.modelLimits, concurrentWriteLimit: 3 };
    ctx.emulator.setFaults({ routes: { 'POST /models/instances': { latencyMs: 60 } } });
    const bases = await api.retrieve(keys.slice(0, 240));
    const from = ctx.emulator.requests.length;
    const report = await api.updateMany(
      bases.map((b) => tagged(b, 'stats')),
      { chunkSize: 20 },
    );
    assert.equal(report.applied.length, 240);
    assert.equal(report.stats.peakConcurrency, 3, 'the statistics limit, from the first request');
    assert.equal(answersSince(from, 429).length, 0);
    assert.equal(report.stats.throttled, 0);
  });

  it('meets fewer admitted writes than the statistics say: lowers its limit, no storm, each node once', async () => {
    ctx.emulator.store.modelLimits = { ...ctx.emulator.store.modelLimits, concurrentWriteLimit: 8 };
    // Right after the statistics were read, the project admits only 2 writes at once (the rest of
    // its share taken by other clients): every answer after that is what CDF admits now.
    const { baseUrl, project, token } = ctx.emulator;
    const shrinking: typeof fetch = async (input, init) => {
      const answer = await fetch(input, init);
      if ((input instanceof Request ? input.url : input.toString()).endsWith('/models/statistics'))
        ctx.emulator.store.modelLimits = { ...ctx.emulator.store.modelLimits, concurrentWriteLimit: 2 };
      return answer;
    };
    const api = cogniteFileRecordsApi(
      new CdfClient({ baseUrl, project, tokenProvider: new StaticTokenProvider(token), fetch: shrinking }).models,
    );
    ctx.emulator.setFaults({ routes: { 'POST /models/instances': { latencyMs: 40 } } });
    const targets = keys.slice(240, 1240);
    const bases = await api.retrieve(targets);
    const versions = new Map(bases.map((b) => [COGNITE_FILE.key(b), b.version]));
    const from = ctx.emulator.requests.length;
    const report = await api.updateMany(
      bases.map((b) => tagged(b, 'throttled')),
      { chunkSize: 25 },
    );
    const chunks = 1000 / 25;

    assert.equal(report.applied.length, 1000, `${report.notSent.length} not sent, ${report.failed.length} failed`);
    assert.deepEqual(
      report.items.map((i) => i.index),
      bases.map((_, i) => i),
      'every item reported once, in order',
    );
    const throttled = answersSince(from, 429).length;
    assert.equal(report.stats.throttled, throttled, 'the report counts the 429s CDF answered');
    // The first wave meets 6 refusals (8 sent, 2 admitted); after that a probe now and then, not a
    // 429 per round (retrying each chunk in its own slot answered 22 here).
    assert.ok(throttled <= 6 + chunks / 6, `${throttled} x 429 for ${chunks} chunks: adapted, no storm`);
    assert.ok(report.stats.finalConcurrency <= 3, `final limit ${report.stats.finalConcurrency}`);
    // Nothing written twice: each node is in exactly one applied upsert, one version up.
    const written = answersSince(from, 200).flatMap((r) =>
      (r.body as Body).items.map((i) => `${i.space}:${i.externalId}`),
    );
    assert.equal(written.length, 1000);
    assert.equal(new Set(written).size, 1000);
    for (const now of await api.retrieve(targets)) {
      assert.equal(now.version, versions.get(COGNITE_FILE.key(now))! + 1);
      assert.equal(now.tags?.filter((t) => t === 'throttled').length, 1);
    }
  });
});
