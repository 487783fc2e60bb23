/**
 * Where a token may be sent at all: a CDF base URL (or an identity provider's URL, which receives
 * the client secret) must be https, or plain http on the loopback interface only. Every refusal
 * happens before any request, with a message that says what is allowed.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { ClientCredentialsTokenProvider } from '../../../src/cdf/auth/client-credentials';
import { StaticTokenProvider } from '../../../src/cdf/auth/static-token';
import { clusterBaseUrl, InvalidBaseUrlError, isLoopbackHost, validateBaseUrl } from '../../../src/cdf/client/base-url';
import { CdfClient } from '../../../src/cdf/client/cdf-client';
import { connectionBaseUrl } from '../../../src/cdf/client/connection';
import { runCount, seedFor } from '../reliability/helpers/runs';

const REFUSED = [
  'http://example.com',
  'HTTP://EXAMPLE.COM',
  'http://westeurope-1.cognitedata.com',
  'http://10.0.0.1:8080',
  'http://192.168.1.20',
  'http://0.0.0.0:4000',
  'http://127.0.0.2',
  'http://[::ffff:7f00:1]',
  'http://127.0.0.1.nip.io',
  'http://localhost.evil.com',
  'http://localhost./',
  'http://127.0.0.1@evil.com',
  'http://evil.com#@127.0.0.1',
  'https://user:password@westeurope-1.cognitedata.com',
  'https://westeurope-1.cognitedata.com?redirect=http://evil.com',
  'ws://127.0.0.1:4000',
  'ftp://127.0.0.1',
  'file:///etc/passwd',
  'javascript:alert(1)',
  'data:text/plain,hi',
  'westeurope-1.cognitedata.com',
  '',
];

const ACCEPTED = [
  'https://westeurope-1.cognitedata.com',
  'https://api.cognitedata.com/',
  'https://cdf.example.com/prefix',
  'http://127.0.0.1:4000',
  'http://localhost:1234',
  'http://LOCALHOST',
  'http://[::1]:8080',
];

describe('security: only https, or http on loopback, gets a token', () => {
  for (const url of REFUSED) {
    it(`refuses ${JSON.stringify(url)} before sending anything`, () => {
      assert.throws(() => validateBaseUrl(url), InvalidBaseUrlError);
      let sent = 0;
      assert.throws(
        () =>
          new CdfClient({
            baseUrl: url,
            project: 'p',
            tokenProvider: new StaticTokenProvider('secret-token-value'),
            fetch: () => {
              sent++;
              return Promise.reject(new Error('no request may be made'));
            },
          }),
        (e: unknown) =>
          e instanceof InvalidBaseUrlError && e.message.length > 20 && !e.message.includes('secret-token-value'),
      );
      assert.throws(() => connectionBaseUrl({ name: 'n', baseUrl: url || ' ', project: 'p', auth: { kind: 'token' } }));
      assert.equal(sent, 0);
    });
  }

  for (const url of ACCEPTED) it(`accepts ${url}`, () => void validateBaseUrl(url));

  it('random http URLs are accepted exactly when the host is loopback', () => {
    const host = fc.oneof(
      fc.domain(),
      fc.ipV4(),
      fc.constantFrom('127.0.0.1', 'localhost', '[::1]', '127.1', '0x7f.1', 'LocalHost'),
    );
    fc.assert(
      fc.property(host, fc.option(fc.integer({ min: 1, max: 65535 })), fc.webPath(), (h, port, path) => {
        const url = `http://${h}${port === null ? '' : `:${port}`}${path}`;
        let hostname: string;
        try {
          hostname = new URL(url).hostname;
        } catch {
          return;
        }
        const ok = (() => {
          try {
            validateBaseUrl(url);
            return true;
          } catch {
            return false;
          }
        })();
        assert.equal(ok, isLoopbackHost(hostname), `${url} (host ${hostname})`);
        if (ok) assert.ok(['127.0.0.1', 'localhost', '[::1]'].includes(hostname));
      }),
      { seed: seedFor(0x5ec_01), numRuns: runCount(300) },
    );
  });

  it('a cluster name cannot smuggle in another host', () => {
    for (const bad of [
      'evil.com/x',
      'a.b',
      'x@evil.com',
      '../',
      'westeurope-1.evil',
      'westeurope-1:80',
      'west europe',
      '-x',
      '',
    ])
      assert.throws(() => clusterBaseUrl(bad), InvalidBaseUrlError, bad);
    assert.equal(
      connectionBaseUrl({ name: 'n', cluster: 'WestEurope-1', project: 'p', auth: { kind: 'token' } }),
      'https://westeurope-1.cognitedata.com',
    );
  });

  it('an identity provider URL that would carry the client secret in clear text is refused', () => {
    for (const tokenUrl of ['http://login.example.com/oauth2/token', 'http://10.1.1.1/token'])
      assert.throws(
        () =>
          new ClientCredentialsTokenProvider({ tokenUrl, clientId: 'c', clientSecret: 's3cr3t-value', scopes: ['x'] }),
        InvalidBaseUrlError,
      );
    assert.throws(
      () =>
        new ClientCredentialsTokenProvider({
          issuer: 'http://login.example.com',
          clientId: 'c',
          clientSecret: 's',
          scopes: ['x'],
        }),
      InvalidBaseUrlError,
    );
  });
});

// Workspace settings cannot redirect a connection: that needs an extension host, see test/vscode/connections.test.ts.
