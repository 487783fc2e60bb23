/**
 * Client credentials (a service principal) end to end: a local token endpoint issues JWTs for a
 * client id and secret; the client uses them against the emulator, refreshes after a 401, and fails
 * cleanly when the identity provider refuses. The secret goes to the token endpoint only; neither it
 * nor any token reaches a log, a message or a report; the token endpoint never sees a CDF token.
 */
import assert from 'node:assert/strict';
import { ClientCredentialsTokenProvider } from '../../../src/cdf/auth/client-credentials';
import { CdfClient } from '../helpers/cdf-client';
import { startEmulator, type RunningEmulator } from '../../../src/emulator';
import { fakeJwt } from './helpers/jwt';
import { assertNoSecrets, captureAllLevels, errorText } from './helpers/leak-check';
import { startLocalServer, type LocalServer } from './helpers/local-server';

const CLIENT_ID = 'cdf-files-reliability';
const SECRET = 'cc-Secret~8f1e0b7d-4a2c-49e6-9d3f-2b1c0e5a7f90';

describe('security: a client secret and the tokens it buys', function () {
  this.timeout(30_000);
  const issued: string[] = [];
  let refuse = false;
  let idp: LocalServer;
  let emu: RunningEmulator;
  /** CDF's check of a token; each test sets its own. */
  let verify: (token: string) => boolean = () => false;

  before(async () => {
    idp = await startLocalServer((req) => {
      const form = new URLSearchParams(req.body);
      if (refuse || form.get('client_secret') !== SECRET || form.get('client_id') !== CLIENT_ID)
        return {
          status: 401,
          body: JSON.stringify({ error: 'invalid_client', error_description: 'Invalid client secret provided.' }),
        };
      const token = fakeJwt(CLIENT_ID);
      issued.push(token);
      return { status: 200, body: JSON.stringify({ access_token: token, token_type: 'Bearer', expires_in: 3600 }) };
    });
    emu = await startEmulator({ files: 50, seed: 9, token: `unused-${Math.random()}`, verifyToken: (t) => verify(t) });
  });
  after(async () => {
    await emu.close();
    await idp.close();
  });

  const connect = () => {
    const logger = captureAllLevels();
    const tokenProvider = new ClientCredentialsTokenProvider({
      tokenUrl: `${idp.origin}/oauth2/token`,
      clientId: CLIENT_ID,
      clientSecret: () => Promise.resolve(SECRET),
      scopes: ['https://westeurope-1.cognitedata.com/.default'],
      logger,
    });
    const client = new CdfClient({
      baseUrl: emu.baseUrl,
      project: emu.project,
      tokenProvider,
      logger,
      retry: { maxAttempts: 3, baseDelayMs: 1 },
    });
    return { client, logger };
  };

  it('a run with a token revoked part-way: refreshed, and no secret or token anywhere but on the wire', async () => {
    const { client, logger } = connect();
    // Tokens work once issued; the first is revoked after a few requests.
    let uses = 0;
    verify = (t) => issued.includes(t) && !(t === issued[0] && ++uses > 3);
    const ids = [...emu.store.files.values()].map((r) => r.id);
    const report = await client.updateFiles(
      ids.map((id) => ({ id, update: { metadata: { add: { cc: 'yes' } } } })),
      { chunkSize: 5, concurrency: { initial: 1, max: 1 } },
    );
    assert.equal(report.applied.length, ids.length);
    assert.ok(issued.length >= 2, 'a fresh token after the 401');

    const everything = [logger.lines.join('\n'), JSON.stringify(report), JSON.stringify(emu.requests)].join('\n');
    assertNoSecrets('log, report and request log', everything, [SECRET, ...issued]);
    // The secret went to the token endpoint, in the body, and nowhere else; no CDF token went there.
    for (const r of idp.seen) {
      assert.equal(r.headers.authorization, undefined);
      assert.ok(!issued.some((t) => r.body.includes(t) || r.url.includes(t)));
      assert.ok(!r.url.includes(SECRET), 'the secret is not in the URL');
    }
    for (const r of emu.requests) assert.ok(!JSON.stringify(r).includes(SECRET));
  });

  it('the identity provider refuses: a clear error without the secret, nothing sent to CDF', async () => {
    refuse = true;
    try {
      const { client, logger } = connect();
      emu.clearRequests();
      let text = '';
      await client.getFile(1).catch((e: unknown) => {
        logger.error(e as Error);
        text = errorText(e);
      });
      assert.match(text, /invalid_client/);
      const report = await client.updateFiles([{ id: 1, update: { source: { set: 'x' } } }]);
      assert.equal(report.failed[0]?.failure.reason, 'other');
      assertNoSecrets(
        'the error, the log and the report',
        [text, logger.lines.join('\n'), JSON.stringify(report)].join('\n'),
        [SECRET],
      );
      assert.equal(emu.requests.length, 0, 'no request reached CDF without a token');
    } finally {
      refuse = false;
    }
  });
});
