// Finding 5 (new-user walk): connecting to a base URL nothing answers on spun for ~45 s (the client's
// patient retry policy on the first request), then said "POST /api/v1/projects/…/files/aggregate: no
// answer from CDF (fetch failed: …)". The probe gives up within seconds and says what to check.
import assert from 'node:assert/strict';
import net from 'node:net';
import { StaticTokenProvider } from '../../../src/cdf/auth/static-token';
import { ConnectFailedError, probeConnection } from '../../../src/app/connection-probe';
import { startEmulator } from '../../../src/emulator';

const closedPort = (): Promise<number> =>
  new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });

const rawWording = /\b(POST|GET) \/api\/v1\/|fetch failed|no answer from CDF/;

describe('connection probe: the first request of a connection', () => {
  it('gives up on a refused port within seconds, in a sentence naming the URL', async () => {
    const baseUrl = `http://127.0.0.1:${await closedPort()}`;
    const started = Date.now();
    const err = await probeConnection(
      { baseUrl, project: 'p', tokenProvider: new StaticTokenProvider('probe-test-token-0123456789') },
      { name: 'Broken', baseUrl, project: 'p' },
    ).then(
      () => assert.fail('connected to a closed port'),
      (e: unknown) => e,
    );
    assert.ok(Date.now() - started < 6000, `took ${Date.now() - started} ms`);
    assert.ok(err instanceof ConnectFailedError, String(err));
    assert.match(err.message, new RegExp(`^${baseUrl.replace(/\./g, '\\.')} refused the connection`));
    assert.doesNotMatch(err.message, rawWording);
  });

  it('names a host DNS does not know', async () => {
    const baseUrl = 'https://no-such-cluster.invalid';
    const err = await probeConnection(
      { baseUrl, project: 'p', tokenProvider: new StaticTokenProvider('probe-test-token-0123456789') },
      { name: 'Typo', baseUrl, project: 'p' },
    ).catch((e: unknown) => e);
    assert.ok(err instanceof ConnectFailedError, String(err));
    assert.match(err.message, /no-such-cluster\.invalid was not found \(DNS\)|could not be reached/);
    assert.doesNotMatch(err.message, rawWording);
  });

  it('says the credentials were refused, naming connection and project', async () => {
    const emu = await startEmulator({ files: 3, seed: 1 });
    try {
      const target = { name: 'Mine', baseUrl: emu.baseUrl, project: emu.project };
      const err = await probeConnection(
        {
          baseUrl: emu.baseUrl,
          project: emu.project,
          tokenProvider: new StaticTokenProvider('wrong-probe-token-0123456789'),
        },
        target,
      ).catch((e: unknown) => e);
      assert.ok(err instanceof ConnectFailedError, String(err));
      assert.match(err.message, /refused the credentials of "Mine" for project/);
      await probeConnection(
        { baseUrl: emu.baseUrl, project: emu.project, tokenProvider: new StaticTokenProvider(emu.token) },
        target,
      );
    } finally {
      await emu.close();
    }
  });

  it('a cancel is the abort itself, not a failure sentence', async () => {
    const baseUrl = `http://127.0.0.1:${await closedPort()}`;
    const err = await probeConnection(
      { baseUrl, project: 'p', tokenProvider: new StaticTokenProvider('probe-test-token-0123456789') },
      { name: 'Broken', baseUrl, project: 'p' },
      AbortSignal.abort(),
    ).catch((e: unknown) => e);
    assert.ok(err instanceof Error && err.name === 'AbortError', String(err));
  });
});
