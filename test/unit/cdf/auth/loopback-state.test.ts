/**
 * Any local process or web page can request the sign-in's loopback redirect URI. A callback that
 * does not carry the `state` of this sign-in is not the identity provider's answer: it is refused
 * (400) and ignored, whatever it says (`error=`, `error_description=`), and the real redirect still
 * completes the sign-in.
 */
import assert from 'node:assert/strict';
import { authCodePkceTokenProvider } from '../../../../src/cdf/auth/auth-code-pkce';
import { startLoopbackReceiver } from '../../../../src/cdf/auth/loopback-receiver';
import { HeadlessBrowser } from './helpers/headless-browser';
import { PKCE_CLIENT, startIdentityProvider, type LocalIdentityProvider } from './helpers/local-identity-provider';

const HOSTILE_QUERIES = [
  '?error=access_denied&error_description=Call%20+1-555-0100%20to%20unlock%20your%20account',
  '?error=access_denied&error_description=forged&state=not-the-state',
  '?code=forged-code&state=not-the-state',
  '?code=forged-code',
];

describe('sign-in loopback callback: state is checked first', function () {
  this.timeout(20_000);

  it('the receiver answers 400 to a callback with a missing or wrong state and waits for the right one', async () => {
    const receiver = await startLoopbackReceiver({
      state: 'the-real-state',
      timeoutMs: 10_000,
      signal: new AbortController().signal,
    });
    try {
      let delivered = 0;
      void receiver.callback.then(() => delivered++);
      for (const query of HOSTILE_QUERIES) {
        const res = await fetch(`${receiver.redirectUri}${query}`);
        assert.equal(res.status, 400, query);
        assert.doesNotMatch(await res.text(), /unlock|forged/, 'the hostile text is not echoed');
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
      assert.equal(delivered, 0, 'no hostile callback reached the sign-in');
      const answered = fetch(`${receiver.redirectUri}?code=real-code&state=the-real-state`);
      const callback = await receiver.callback;
      assert.equal(callback.url.searchParams.get('code'), 'real-code');
      callback.finish({ ok: true });
      assert.equal((await answered).status, 200);
    } finally {
      await receiver.close();
    }
  });

  describe('with a real identity provider', () => {
    let idp: LocalIdentityProvider;
    before(async () => {
      idp = await startIdentityProvider({ audience: 'http://127.0.0.1:9/cdf' });
    });
    after(() => idp.close());

    it('a local page that calls the redirect URI first neither aborts the sign-in nor puts its text in an error', async () => {
      const browser = new HeadlessBrowser();
      const hostile: number[] = [];
      let final: Promise<{ html: string }> | undefined;
      const provider = authCodePkceTokenProvider({
        issuer: idp.issuer,
        clientId: PKCE_CLIENT,
        scopes: [idp.scope],
        openBrowser: async (url) => {
          const redirectUri = new URL(url).searchParams.get('redirect_uri')!;
          for (const query of HOSTILE_QUERIES) hostile.push((await fetch(`${redirectUri}${query}`)).status);
          final = browser.open(url);
        },
      });
      const token = await provider.getToken();
      assert.match(token, /^eyJ/);
      assert.deepEqual(
        hostile,
        HOSTILE_QUERIES.map(() => 400),
      );
      assert.match((await final!).html, /signed in/i);
    });
  });
});
