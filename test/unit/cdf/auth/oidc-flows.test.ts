/**
 * The sign-in flows against a real OpenID provider on 127.0.0.1 (oidc-provider), and the emulator
 * accepting the JWTs it issues (checked against the provider's JWKS, as CDF does).
 */
import assert from 'node:assert/strict';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import { authCodePkceTokenProvider } from '../../../../src/cdf/auth/auth-code-pkce';
import { ClientCredentialsTokenProvider } from '../../../../src/cdf/auth/client-credentials';
import { deviceCodeTokenProvider, type DeviceCodePrompt } from '../../../../src/cdf/auth/device-code';
import { AuthError } from '../../../../src/cdf/auth/token-provider';
import type { RefreshTokenStore } from '../../../../src/cdf/auth/user-token-provider';
import { CdfClient } from '../../../../src/cdf/client/cdf-client';
import { connect } from '../../../../src/cdf/client/connection';
import { startEmulator, type RunningEmulator } from '../../../../src/emulator';
import { captureLogger } from '../client/helpers/log-capture';
import { HeadlessBrowser } from './helpers/headless-browser';
import {
  CC_CLIENT,
  DEVICE_CLIENT,
  PKCE_CLIENT,
  startIdentityProvider,
  type LocalIdentityProvider,
} from './helpers/local-identity-provider';

class MemoryStore implements RefreshTokenStore {
  value: string | undefined;
  saves = 0;
  load() {
    return Promise.resolve(this.value);
  }
  save(token: string | undefined) {
    this.value = token;
    this.saves++;
    return Promise.resolve();
  }
}

describe('sign-in flows against a local OpenID provider', function () {
  this.timeout(20_000);
  let idp: LocalIdentityProvider;
  let emu: RunningEmulator;
  let verified = 0;

  before(async () => {
    let verify: (token: string) => Promise<boolean> = () => Promise.resolve(false);
    emu = await startEmulator({ files: 30, token: 'not-used-here-0000', verifyToken: (t) => verify(t) });
    idp = await startIdentityProvider({ audience: emu.baseUrl });
    const jwks = createRemoteJWKSet(new URL(`${idp.issuer}/jwks`));
    verify = async (token) => {
      await jwtVerify(token, jwks, { issuer: idp.issuer, audience: emu.baseUrl });
      verified++;
      return true;
    };
  });
  after(async () => {
    await emu.close();
    await idp.close();
  });
  beforeEach(() => {
    idp.tokenRequests.length = 0;
  });

  const clientWith = (tokenProvider: ConstructorParameters<typeof CdfClient>[0]['tokenProvider']) =>
    new CdfClient({ baseUrl: emu.baseUrl, project: emu.project, tokenProvider });

  describe('client credentials', () => {
    it('gets a JWT by issuer discovery that the emulator accepts, and caches it', async () => {
      const provider = new ClientCredentialsTokenProvider({
        issuer: idp.issuer,
        clientId: CC_CLIENT.id,
        clientSecret: CC_CLIENT.secret,
        scopes: [idp.scope],
      });
      const before = verified;
      const page = await clientWith(provider).listFilesPage({ limit: 5 });
      assert.equal(page.items.length, 5);
      assert.ok(verified > before, 'the emulator verified the JWT against the provider’s keys');
      const tokens = await Promise.all(Array.from({ length: 20 }, () => provider.getToken()));
      assert.equal(new Set(tokens).size, 1);
      assert.deepEqual(idp.tokenRequests, ['client_credentials'], 'one token request for all of them');
    });

    it('works with a bare token URL and a secret read when first needed', async () => {
      let reads = 0;
      const provider = new ClientCredentialsTokenProvider({
        tokenUrl: `${idp.issuer}/token`,
        clientId: CC_CLIENT.id,
        clientSecret: () => {
          reads++;
          return Promise.resolve(CC_CLIENT.secret);
        },
        scopes: [idp.scope],
      });
      assert.equal(await clientWith(provider).aggregateFiles(undefined), 30);
      await provider.getToken();
      assert.equal(reads, 1);
    });

    it('refreshes before expiry, and after invalidate', async () => {
      let now = Date.now();
      const provider = new ClientCredentialsTokenProvider({
        issuer: idp.issuer,
        clientId: CC_CLIENT.id,
        clientSecret: CC_CLIENT.secret,
        scopes: [idp.scope],
        now: () => now,
      });
      const first = await provider.getToken();
      now += 3600_000 - 10_000; // ten seconds before the hour runs out
      const second = await provider.getToken();
      assert.notEqual(second, first);
      provider.invalidate(second);
      const third = await provider.getToken();
      assert.notEqual(third, second);
      assert.equal(idp.tokenRequests.length, 3);
    });

    it('says clearly when the secret is wrong, without repeating it', async () => {
      const provider = new ClientCredentialsTokenProvider({
        issuer: idp.issuer,
        clientId: CC_CLIENT.id,
        clientSecret: 'wrong-secret-value-123',
        scopes: [idp.scope],
      });
      await assert.rejects(provider.getToken(), (e: unknown) => {
        assert.ok(e instanceof AuthError);
        assert.match(e.message, /invalid_client/);
        assert.ok(!e.message.includes('wrong-secret-value-123'));
        return true;
      });
    });

    it('refuses an identity provider on plain http that is not loopback', () => {
      assert.throws(
        () =>
          new ClientCredentialsTokenProvider({
            tokenUrl: 'http://login.example.com/token',
            clientId: 'x',
            clientSecret: 'y',
            scopes: [],
          }),
        /must use https/,
      );
      assert.throws(
        () =>
          deviceCodeTokenProvider({
            issuer: 'http://idp.example.com',
            clientId: 'x',
            scopes: [],
            onDeviceCode: () => undefined,
          }),
        /must use https/,
      );
    });
  });

  describe('device code', () => {
    it('shows the code, lets the user approve it in a browser, and the token works at the emulator', async () => {
      const prompts: DeviceCodePrompt[] = [];
      const promptSignals: AbortSignal[] = [];
      const browser = new HeadlessBrowser();
      let approved: Promise<unknown> | undefined;
      const store = new MemoryStore();
      const provider = deviceCodeTokenProvider({
        issuer: idp.issuer,
        clientId: DEVICE_CLIENT,
        scopes: [idp.scope],
        refreshTokenStore: store,
        onDeviceCode: (prompt, signal) => {
          prompts.push(prompt);
          promptSignals.push(signal);
          approved = browser.open(prompt.verificationUriComplete ?? prompt.verificationUri);
        },
      });
      const files = await clientWith(provider).listFilesPage({ limit: 3 });
      assert.equal(files.items.length, 3);
      assert.equal(prompts.length, 1);
      assert.equal(promptSignals[0]?.aborted, true, 'the prompt is told to close once signed in');
      assert.match(prompts[0]!.userCode, /\w/);
      const page = (await approved) as { html: string };
      assert.match(page.html, /Sign-in Success/);
      assert.ok(store.value, 'the refresh token was kept');

      // A new session with the stored refresh token signs in without the user.
      const again = deviceCodeTokenProvider({
        issuer: idp.issuer,
        clientId: DEVICE_CLIENT,
        scopes: [idp.scope],
        refreshTokenStore: store,
        onDeviceCode: () => assert.fail('no prompt expected'),
      });
      assert.equal(await clientWith(again).aggregateFiles(undefined), 30);
      assert.deepEqual(
        idp.tokenRequests.filter((g) => g !== 'urn:ietf:params:oauth:grant-type:device_code'),
        ['refresh_token'],
      );
    });

    it('can be cancelled while waiting for the user', async () => {
      const provider = deviceCodeTokenProvider({
        issuer: idp.issuer,
        clientId: DEVICE_CLIENT,
        scopes: [idp.scope],
        onDeviceCode: () => void setTimeout(() => provider.cancelSignIn(), 100),
      });
      await assert.rejects(provider.getToken(), (e: unknown) => e instanceof AuthError && /cancelled/.test(e.message));
    });

    it('starts over with a new sign-in when the stored refresh token is rejected', async () => {
      const store = new MemoryStore();
      store.value = 'revoked-or-made-up-refresh-token';
      const browser = new HeadlessBrowser();
      let prompted = 0;
      const provider = deviceCodeTokenProvider({
        issuer: idp.issuer,
        clientId: DEVICE_CLIENT,
        scopes: [idp.scope],
        refreshTokenStore: store,
        onDeviceCode: (p) => {
          prompted++;
          void browser.open(p.verificationUriComplete!);
        },
      });
      await provider.getToken();
      assert.equal(prompted, 1);
      assert.notEqual(store.value, 'revoked-or-made-up-refresh-token');
    });
  });

  describe('authorization code with PKCE on a loopback redirect', () => {
    it('opens the browser, receives the redirect on 127.0.0.1, and the token works at the emulator', async () => {
      const browser = new HeadlessBrowser();
      let final: Promise<{ html: string; url: string }> | undefined;
      const opened: string[] = [];
      const provider = authCodePkceTokenProvider({
        issuer: idp.issuer,
        clientId: PKCE_CLIENT,
        scopes: [idp.scope],
        openBrowser: (url) => {
          opened.push(url);
          final = browser.open(url);
        },
      });
      const c = clientWith(provider);
      assert.equal((await c.listFilesPage({ limit: 2 })).items.length, 2);
      const url = new URL(opened[0]!);
      assert.equal(url.searchParams.get('code_challenge_method'), 'S256');
      assert.ok(url.searchParams.get('code_challenge'));
      assert.match(url.searchParams.get('redirect_uri')!, /^http:\/\/127\.0\.0\.1:\d+\/callback$/);
      const page = await final!;
      assert.match(page.url, /^http:\/\/127\.0\.0\.1:\d+\/callback\?/);
      assert.match(page.html, /signed in/i);
      assert.ok(idp.tokenRequests.includes('authorization_code'));
    });

    it('times out when the user never comes back, and closes its server', async () => {
      const provider = authCodePkceTokenProvider({
        issuer: idp.issuer,
        clientId: PKCE_CLIENT,
        scopes: [idp.scope],
        timeoutMs: 200,
        openBrowser: () => undefined,
      });
      await assert.rejects(provider.getToken(), /timed out/);
    });
  });

  it('a connection built from settings signs in with callbacks, and nothing secret reaches the log', async () => {
    const logger = captureLogger();
    const { client, tokenProvider } = connect(
      {
        name: 'Service principal',
        baseUrl: emu.baseUrl,
        project: emu.project,
        auth: { kind: 'clientCredentials', issuer: idp.issuer, clientId: CC_CLIENT.id, scopes: [idp.scope] },
      },
      {
        readSecret: (name) => Promise.resolve(name === 'clientSecret' ? CC_CLIENT.secret : undefined),
        showDeviceCode: () => assert.fail('not used'),
        openBrowser: () => assert.fail('not used'),
        logger,
      },
      { logger },
    );
    emu.setFaults({ seed: 4, routes: { '*': { errorRate: 0.3, errorStatus: 503 } } });
    try {
      const ids = [];
      for await (const p of client.listFiles({ limit: 10 })) ids.push(...p.items.map((f) => f.id));
      const report = await client.updateFiles(
        ids.map((id) => ({ id, update: { metadata: { add: { signedIn: 'yes' } } } })),
        {
          chunkSize: 5,
        },
      );
      assert.equal(report.applied.length, 30);
      tokenProvider.invalidate();
      await client.retrieveFiles([{ id: ids[0]! }]);
    } finally {
      emu.setFaults(undefined);
    }
    const text = logger.text();
    assert.ok(logger.lines.length > 10);
    const secrets = [CC_CLIENT.secret, ...idp.issuedTokens];
    assert.ok(idp.issuedTokens.length >= 2);
    for (const s of secrets) assert.ok(!text.includes(s), 'a token or the secret is in the log');
    assert.ok(!/authorization:|bearer\s+[a-z0-9]/i.test(text));
  });
});
