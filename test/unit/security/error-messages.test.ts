/**
 * A CDF (or a proxy in front of it) that quotes the request back in its error: the token must not
 * travel on in the error's message, which the editor shows to the person and writes to its log
 * (src/vscode/command-runner.ts logs `err.stack` to the output channel as it is).
 */
import assert from 'node:assert/strict';
import { StaticTokenProvider } from '../../../src/cdf/auth/static-token';
import { CdfClient } from '../helpers/cdf-client';
import { assertNoSecrets, captureAllLevels, errorText } from './helpers/leak-check';
import { fakeJwt } from './helpers/jwt';
import { startLocalServer, type LocalServer, type SeenRequest } from './helpers/local-server';

const TOKEN = fakeJwt('echo');
const OPAQUE = `opaque-${'x9'.repeat(20)}`;

describe('security: error answers that quote the token', () => {
  let server: LocalServer;
  let answer: (req: SeenRequest) => { status: number; body: string; headers?: Record<string, string> };
  before(async () => {
    server = await startLocalServer((req) => answer(req));
  });
  after(() => server.close());

  const run = async (token: string) => {
    const logger = captureAllLevels();
    const client = new CdfClient({
      baseUrl: server.origin,
      project: 'p',
      tokenProvider: new StaticTokenProvider(token),
      logger,
      retry: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 2 },
    });
    let text = '';
    try {
      await client.getFile(1);
      assert.fail('expected an error');
    } catch (error) {
      logger.error(error as Error);
      text = errorText(error);
    }
    const report = await client.updateFiles([{ id: 1, update: { source: { set: 'x' } } }]);
    return { logText: logger.lines.join('\n'), errorText: text, reportText: JSON.stringify(report) };
  };

  for (const [kind, token] of [
    ['JWT', TOKEN],
    ['opaque', OPAQUE],
  ] as const) {
    it(`an HTML error page echoing the header: no ${kind} token in the message or the log`, async () => {
      answer = (req) => ({
        status: 502,
        headers: { 'content-type': 'text/html' },
        body: `<html><pre>upstream failed; request headers: authorization=${req.headers.authorization}</pre></html>`,
      });
      const seen = await run(token);
      for (const [where, text] of Object.entries(seen)) assertNoSecrets(where, text, [token]);
    });

    it(`a JSON error whose message echoes the header: no ${kind} token in the message or the log`, async () => {
      answer = (req) => ({
        status: 401,
        body: JSON.stringify({ error: { code: 401, message: `Invalid token: ${req.headers.authorization}` } }),
      });
      const seen = await run(token);
      for (const [where, text] of Object.entries(seen)) assertNoSecrets(where, text, [token]);
    });
  }
});
