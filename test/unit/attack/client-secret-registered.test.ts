/**
 * Attack (issue 10, "mask registered secrets of any length"): the client secret is a secret this
 * process handles, yet nothing registers it, so an opaque one (no secret-like shape) that an
 * identity provider or a proxy echoes into an error is shown to the person and logged as it is.
 */
import assert from 'node:assert/strict';
import { ClientCredentialsTokenProvider } from '../../../src/cdf/auth/client-credentials';
import { redactForUser } from '../../../src/cdf/logging';

describe('attack: the client secret is masked in what the person sees', () => {
  it('an error that quotes an opaque client secret is masked by redactForUser', async () => {
    const secret = 'Qx8Q~opaque.Value_42';
    const echoing: typeof fetch = () =>
      Promise.resolve(
        new Response(
          JSON.stringify({
            error: 'invalid_client',
            error_description: `AADSTS7000215: Invalid client secret provided (${secret}).`,
          }),
          { status: 401, headers: { 'content-type': 'application/json' } },
        ),
      );
    const provider = new ClientCredentialsTokenProvider({
      tokenUrl: 'https://login.example.com/tenant/oauth2/v2.0/token',
      clientId: 'client-1',
      clientSecret: secret,
      scopes: ['https://api.example.com/.default'],
      fetch: echoing,
    });
    const error = await provider.getToken().then(
      () => assert.fail('a token from an endpoint that refused'),
      (e: unknown) => e as Error,
    );
    const shown = redactForUser(error.message);
    assert.ok(!shown.includes(secret), `the client secret is shown: ${shown}`);
  });
});
