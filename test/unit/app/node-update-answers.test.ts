/**
 * What updateManyPlanned does with an upsert's answer: a 2xx whose body cannot be read still means
 * CDF applied the chunk (one transaction), so it is never split and sent again.
 */
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { StaticTokenProvider } from '../../../src/cdf/auth/static-token';
import { CdfClient } from '../../../src/cdf/client';
import { cogniteFileRecordsApi } from '../../../src/app';
import { diffRecord } from '../../../src/core/diff';
import { COGNITE_FILE, type CogniteFileRecord } from '../../../src/core/records';
import { useEmulator } from '../emulator/helpers';

const withTag = (tag: string) => (records: readonly CogniteFileRecord[]) =>
  records.map((r) =>
    COGNITE_FILE.encodeUpdate(r, diffRecord(COGNITE_FILE, r, { ...r, tags: [...(r.tags ?? []), tag] })!),
  );

/** A real HTTP proxy to `target` that answers the first upsert's 2xx with a body that is not an answer. */
async function garblingProxy(target: string): Promise<{ url: string; close: () => Promise<void> }> {
  let garbled = false;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => void answerThrough(req, Buffer.concat(chunks), res));
  });
  const answerThrough = async (req: http.IncomingMessage, body: Buffer, res: http.ServerResponse) => {
    const answer = await fetch(new URL(req.url!, target), {
      method: req.method,
      headers: Object.fromEntries(
        Object.entries(req.headers).filter(([k]) => !['host', 'content-length', 'connection'].includes(k)),
      ) as Record<string, string>,
      body: req.method === 'GET' ? undefined : new Uint8Array(body),
    });
    let text = await answer.text();
    if (!garbled && req.url!.endsWith('/models/instances') && answer.ok) {
      garbled = true;
      text = '{"items": "not a list"}';
    }
    res.writeHead(answer.status, { 'content-type': 'application/json' });
    res.end(text);
  };
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

describe('app: node updateManyPlanned and the upsert’s answer', () => {
  const ctx = useEmulator({
    files: 2000,
    seed: 43,
    faults: { seed: 3, routes: { 'POST /models/instances': { latencyMs: 100 } } },
  });
  const upserts = (mark: number) =>
    ctx.emulator.requests.slice(mark).filter((r) => r.method === 'POST' && r.path.endsWith('/models/instances'));

  it('a 2xx whose body cannot be read is applied: the chunk is not split and sent again', async () => {
    const proxy = await garblingProxy(ctx.emulator.baseUrl);
    try {
      const { project, token } = ctx.emulator;
      const client = new CdfClient({ baseUrl: proxy.url, project, tokenProvider: new StaticTokenProvider(token) });
      const keys = (await client.models.listFileNodes({ limit: 4 })).items.map((n) => `${n.space}:${n.externalId}`);
      const api = cogniteFileRecordsApi(client.models);
      const mark = ctx.emulator.requests.length;
      const report = await api.updateManyPlanned(keys, withTag('garbled'), { chunkSize: 4 });
      assert.deepEqual(
        report.items.map((i) => i.outcome),
        ['applied', 'applied', 'applied', 'applied'],
        JSON.stringify(report.items.map((i) => ('why' in i ? i.why : i.outcome))),
      );
      assert.equal(upserts(mark).length, 1, 'one upsert: what CDF applied is not sent again');
      const now = await api.retrieve(keys);
      for (const record of now)
        assert.deepEqual(
          record.tags?.filter((t) => t === 'garbled'),
          ['garbled'],
          'each node tagged once',
        );
    } finally {
      await proxy.close();
    }
  });
});
