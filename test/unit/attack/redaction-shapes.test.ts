/**
 * Attack (issue 10, log redaction): secret shapes that still reach a log line or an error message.
 * Each case is a secret the issue names (Cookie / Set-Cookie, api-key / x-api-key, single-quoted and
 * escaped JSON, passwords in URLs, URL-encoded) in a form a real log or error text takes.
 */
import { strict as assert } from 'node:assert';
import { redactText, redactValue } from '../../../src/cdf/logging';

const S = 'SuperS3cretValue';

function assertMasked(text: string, secrets: string[] = [], secret = S): void {
  const out = redactText(text, secrets);
  assert.ok(
    !out.includes(secret),
    `leaked ${JSON.stringify(secret)}: ${JSON.stringify(text)} => ${JSON.stringify(out)}`,
  );
}

describe('attack: log redaction shapes', () => {
  describe('redactValue: secret-named keys', () => {
    // normalizeKey('X-Api-Key') is 'xapikey', which is not in SENSITIVE_KEYS (only 'apikey').
    for (const key of ['X-Api-Key', 'x-api-key', 'x_api_key', 'X_API_KEY']) {
      it(`masks the value of a "${key}" field (headers object)`, () => {
        const out = JSON.stringify(redactValue({ headers: { [key]: S } }));
        assert.ok(!out.includes(S), out);
      });
    }
  });

  describe('Cookie / Set-Cookie', () => {
    it('a cookie header whose value holds a quoted cookie', () => assertMasked(`Cookie: a=1; session="${S}"; b=2`));
    it('a cookie header whose value holds a single-quoted cookie', () => assertMasked(`Cookie: a=1; session='${S}'`));
    it('Set-Cookie as a JSON array of header values (a logged Headers object)', () =>
      assertMasked(JSON.stringify({ 'set-cookie': [`sid=${S}; Path=/; HttpOnly`] })));
    it('Set-Cookie as the second JSON array element', () =>
      assertMasked(JSON.stringify({ 'Set-Cookie': ['a=1', `sid=${S}`] })));
  });

  describe('api-key / x-api-key and other secret names as parameters', () => {
    for (const text of [
      `x_api_key=${S}`,
      `GET /x?secret=${S}`,
      `client-secret=${S}`,
      `refresh-token=${S}`,
      `passwd=${S}`,
    ])
      it(JSON.stringify(text), () => assertMasked(text));
  });

  describe('unquoted keys (YAML, JS object text, env dumps)', () => {
    for (const text of [`password: "${S}"`, `client_secret: ${S}`, `token: ${S}`])
      it(JSON.stringify(text), () => assertMasked(text));
  });

  describe('escaped JSON', () => {
    it('JSON in JSON in JSON (a log of a log of a log)', () =>
      assertMasked(JSON.stringify(JSON.stringify(JSON.stringify({ access_token: S })))));
    it('escaped JSON whose secret itself holds an escaped quote', () =>
      assertMasked(JSON.stringify(JSON.stringify({ access_token: `ab"${S}` }))));
    it('a key spelled with a \\u escape', () => assertMasked(`{"access\\u005ftoken":"${S}"}`));
  });

  describe('passwords in URLs', () => {
    it('a password that holds an @', () => assertMasked(`https://user:p@${S}@host/x`));
    it('a password that holds a /', () => assertMasked(`https://user:ab/${S}@host/x`));
  });

  describe('URL-encoded', () => {
    it('a percent-encoded JSON body', () => assertMasked(encodeURIComponent(JSON.stringify({ access_token: S }))));
    it('a percent-encoded form parameter', () => assertMasked(`state=x&client_secret%3D${S}`));
  });

  describe('registered secrets in the forms they are sent in', () => {
    it('form-urlencoded by URLSearchParams (how a token request body is built)', () => {
      const secret = "ab'c!d(e)*f g";
      assertMasked(`body: ${new URLSearchParams({ x: secret }).toString()}`, [secret], 'c%21d%28e%29');
    });
    it('percent-encoded with lower-case hex', () => assertMasked('p=a%2fbcdef', ['a/bcdef'], 'a%2fbcdef'));
  });

  describe('tokens split across lines', () => {
    const jwt = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.c2lnbmF0dXJlc2lnbmF0dXJl';
    it('a JWT wrapped after 30 characters', () =>
      assertMasked(`${jwt.slice(0, 30)}\n${jwt.slice(30)}`, [], 'c2lnbmF0dXJlc2lnbmF0dXJl'));
  });
  describe('other recognisable shapes (not named in the issue)', () => {
    it('a PEM private key (a service-account JSON)', () =>
      assertMasked(
        JSON.stringify({ private_key: `-----BEGIN PRIVATE KEY-----\nMIIEv${S}\n-----END PRIVATE KEY-----\n` }),
      ));
    it('redactValue: a private_key field', () => {
      const out = JSON.stringify(redactValue({ private_key: S, privateKey: S }));
      assert.ok(!out.includes(S), out);
    });
    it('the signature of a pre-signed storage URL (Azure sig=, GCS X-Goog-Signature=, S3 X-Amz-Signature=)', () => {
      assertMasked(`https://acct.blob.core.windows.net/c/f?sv=2021&sig=${S}`);
      assertMasked(`https://storage.googleapis.com/b/o?X-Goog-Signature=${S}`);
      assertMasked(`https://b.s3.amazonaws.com/o?X-Amz-Signature=${S}`);
    });
  });
});
