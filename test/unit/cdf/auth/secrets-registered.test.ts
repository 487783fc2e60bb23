/**
 * Every secret a sign-in handles is registered with the redactor the moment it is read or received,
 * so an identity provider, a proxy or a library that echoes one into an error or a log line never
 * shows it: stored secrets (a pasted token, a refresh token), device codes, PKCE code verifiers,
 * authorization codes, and the refresh, ID and access tokens a provider returns. Most of these are
 * opaque strings no pattern would recognise.
 */
import assert from 'node:assert/strict';
import { createTokenProvider } from '../../../../src/cdf/auth/auth-method';
import { authCodePkceTokenProvider } from '../../../../src/cdf/auth/auth-code-pkce';
import { deviceCodeTokenProvider } from '../../../../src/cdf/auth/device-code';
import type { RefreshTokenStore } from '../../../../src/cdf/auth/user-token-provider';
import { redactForUser } from '../../../../src/cdf/logging';
import { HeadlessBrowser } from './helpers/headless-browser';
import {
  DEVICE_CLIENT,
  PKCE_CLIENT,
  startIdentityProvider,
  type LocalIdentityProvider,
} from './helpers/local-identity-provider';

function assertMaskedForUser(what: string, secrets: readonly string[]): void {
  assert.ok(secrets.length > 0, `the test saw no ${what}`);
  for (const secret of secrets) {
    const shown = redactForUser(`invalid_grant: the value ${secret} was refused`);
    assert.ok(!shown.includes(secret), `${what} is shown: ${shown}`);
    assert.match(shown, /invalid_grant: the value .* was refused/);
  }
}

class MemoryStore implements RefreshTokenStore {
  constructor(public value: string | undefined) {}
  load() {
    return Promise.resolve(this.value);
  }
  save(token: string | undefined) {
    this.value = token;
    return Promise.resolve();
  }
}

describe('sign-in secrets are registered with the redactor', function () {
  this.timeout(20_000);
  let idp: LocalIdentityProvider;
  before(async () => {
    idp = await startIdentityProvider({ audience: 'http://127.0.0.1:9/cdf' });
  });
  after(() => idp.close());
  beforeEach(() => {
    idp.sentSecrets.length = 0;
    idp.issuedTokens.length = 0;
  });

  it('device code: the device code, the tokens received, and a refresh token read from the store', async () => {
    const browser = new HeadlessBrowser();
    // A refresh token kept from an earlier session (here one the provider no longer knows).
    const stored = 'stored-refresh-token-from-an-earlier-session';
    const provider = deviceCodeTokenProvider({
      issuer: idp.issuer,
      clientId: DEVICE_CLIENT,
      scopes: ['openid', idp.scope],
      refreshTokenStore: new MemoryStore(stored),
      onDeviceCode: (prompt) => void browser.open(prompt.verificationUriComplete ?? prompt.verificationUri),
    });
    await provider.getToken();
    assertMaskedForUser('the stored refresh token', [stored]);
    assertMaskedForUser('a device code or refresh token sent', idp.sentSecrets);
    assertMaskedForUser('a token received', idp.issuedTokens);
  });

  it('authorization code with PKCE: the code, the code verifier and the tokens received', async () => {
    const browser = new HeadlessBrowser();
    const provider = authCodePkceTokenProvider({
      issuer: idp.issuer,
      clientId: PKCE_CLIENT,
      scopes: ['openid', idp.scope],
      openBrowser: (url) => void browser.open(url),
    });
    await provider.getToken();
    assert.equal(idp.sentSecrets.length, 2, 'the code and the code verifier were sent');
    assertMaskedForUser('the code or the code verifier', idp.sentSecrets);
    assertMaskedForUser('a token received', idp.issuedTokens);
  });

  it('a pasted token, when it is read from secret storage', async () => {
    const pasted = 'pasted-opaque-token-7f3a';
    const provider = createTokenProvider({ kind: 'token' }, 'https://api.cognitedata.com', {
      readSecret: (name) => Promise.resolve(name === 'token' ? pasted : undefined),
      showDeviceCode: () => assert.fail('not used'),
      openBrowser: () => assert.fail('not used'),
    });
    assert.equal(await provider.getToken(), pasted);
    assertMaskedForUser('the pasted token', [pasted]);
  });
});
