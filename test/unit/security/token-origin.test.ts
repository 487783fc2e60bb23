/**
 * The token goes to the configured CDF origin and nowhere else: not to a download URL on another
 * host (a second emulator plays the storage service), not to the same server under another name,
 * not along a redirect, in either direction.
 */
import assert from 'node:assert/strict';
import { StaticTokenProvider } from '../../../src/cdf/auth/static-token';
import { CdfClient } from '../helpers/cdf-client';
import { CdfApiError } from '../../../src/cdf/client/errors';
import { startEmulator, type RunningEmulator } from '../../../src/emulator';
import { fakeJwt } from './helpers/jwt';
import { startLocalServer, type LocalServer } from './helpers/local-server';

const CDF_TOKEN = fakeJwt('origin-test');

describe('security: tokens go only to the configured host', () => {
  let cdf: RunningEmulator;
  let storage: RunningEmulator;
  let elsewhere: LocalServer;

  before(async () => {
    cdf = await startEmulator({ files: 30, seed: 2, token: CDF_TOKEN });
    storage = await startEmulator({ files: 30, seed: 2, token: 'storage-own-token' });
    elsewhere = await startLocalServer(() => ({ status: 200, body: '{}' }));
  });
  after(async () => {
    await cdf.close();
    await storage.close();
    await elsewhere.close();
  });
  beforeEach(() => {
    cdf.clearRequests();
    storage.clearRequests();
    elsewhere.seen.length = 0;
  });

  const client = (baseUrl = cdf.baseUrl) =>
    new CdfClient({
      baseUrl,
      project: cdf.project,
      tokenProvider: new StaticTokenProvider(CDF_TOKEN),
      retry: { maxAttempts: 1 },
    });
  const uploadedId = (emu: RunningEmulator) => [...emu.store.files.values()].find((r) => r.uploaded)!.id;

  /** A download URL the storage emulator hands out (pre-signed: its secret is in the URL). */
  async function storageLink(): Promise<string> {
    const res = await fetch(`${storage.apiBase}/files/downloadlink`, {
      method: 'POST',
      headers: { authorization: 'Bearer storage-own-token', 'content-type': 'application/json' },
      body: JSON.stringify({ items: [{ id: uploadedId(storage) }] }),
    });
    const body = (await res.json()) as { items: { downloadUrl: string }[] };
    storage.clearRequests();
    return body.items[0]!.downloadUrl;
  }

  it('a download URL on another origin is fetched without the token, and works', async () => {
    const res = await client().fetchDownload(await storageLink());
    assert.equal(res.status, 200);
    assert.ok((await res.arrayBuffer()).byteLength > 0);
    assert.equal(storage.requests.length, 1);
    assert.equal(storage.requests[0]!.headers.authorization, undefined, 'the storage host got an Authorization header');
    assert.equal(cdf.requests.length, 0);
  });

  it('a download URL on the CDF origin carries the token (it is CDF)', async () => {
    const [link] = await client().downloadLinks([{ id: uploadedId(cdf) }]);
    cdf.clearRequests();
    const res = await client().fetchDownload(link!.downloadUrl);
    assert.equal(res.status, 200);
    assert.equal(cdf.requests[0]!.headers.authorization, 'Bearer');
  });

  it('the CDF server under another name (localhost for 127.0.0.1) is another origin: no token', async () => {
    const [link] = await client().downloadLinks([{ id: uploadedId(cdf) }]);
    cdf.clearRequests();
    const aliased = link!.downloadUrl.replace('127.0.0.1', 'localhost');
    // (Where localhost does not reach the emulator the fetch fails: then nothing was sent at all.)
    await client()
      .fetchDownload(aliased)
      .then((res) => res.arrayBuffer())
      .catch(() => undefined);
    for (const r of cdf.requests) assert.equal(r.headers.authorization, undefined, `${r.path} got the token`);
  });

  it('a URL with user info that names the CDF host but goes elsewhere gets no token', async () => {
    const tricky = `http://127.0.0.1:${new URL(cdf.baseUrl).port}@127.0.0.1:${elsewhere.port}/blob`;
    await client()
      .fetchDownload(tricky)
      .then((r) => r.arrayBuffer())
      .catch(() => undefined);
    for (const r of elsewhere.seen) assert.equal(r.headers.authorization, undefined);
    assert.equal(cdf.requests.length, 0);
  });

  it('CDF answering with a redirect to another host: not followed, the other host sees nothing', async () => {
    const redirecting = await startLocalServer(() => ({
      status: 307,
      headers: { location: `${elsewhere.origin}/steal` },
    }));
    try {
      await assert.rejects(
        client(redirecting.origin).getFile(1),
        (e: unknown) => e instanceof CdfApiError && /redirect/.test(e.message),
      );
      await assert.rejects(client(redirecting.origin).updateFilesOnce([{ id: 1, update: { source: { set: 'x' } } }]));
      const res = await client(redirecting.origin).fetchDownload(`${redirecting.origin}/files-content/download/x`);
      assert.ok(res.status === 307 || res.status === 0, `a redirect is handed back, not followed (${res.status})`);
      assert.equal(elsewhere.seen.length, 0, 'the token could have been carried to another host');
      assert.ok(
        redirecting.seen.length >= 3 &&
          redirecting.seen.every((r) => r.headers.authorization === `Bearer ${CDF_TOKEN}`),
      );
    } finally {
      await redirecting.close();
    }
  });

  it('a storage link that redirects back to the CDF host: followed, still without the token', async () => {
    const bouncing = await startLocalServer(() => ({
      status: 302,
      headers: { location: `${elsewhere.origin}/landing` },
    }));
    try {
      const c = client(elsewhere.origin);
      const res = await c.fetchDownload(`${bouncing.origin}/blob?sig=1`);
      await res.arrayBuffer();
      assert.equal(bouncing.seen[0]?.headers.authorization, undefined);
      assert.equal(elsewhere.seen.length, 1, 'the redirect was followed');
      assert.equal(elsewhere.seen[0]!.headers.authorization, undefined, 'the CDF host got its token from a redirect');
    } finally {
      await bouncing.close();
    }
  });
});
