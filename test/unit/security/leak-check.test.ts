/** The leak check must find what it looks for, or every security test passes vacuously. */
import assert from 'node:assert/strict';
import { assertNoSecrets } from './helpers/leak-check';
import { fakeJwt } from './helpers/jwt';

describe('security: the leak check itself', () => {
  const token = fakeJwt('check');
  it('finds a secret, a bearer value and an Authorization header with a value', () => {
    assert.throws(() => assertNoSecrets('t', `sent ${token} along`, [token]), /contains a secret/);
    assert.throws(() => assertNoSecrets('t', 'Authorization: Bearer abcdef123456', []), /Authorization value/);
    assert.throws(() => assertNoSecrets('t', '{"authorization":"opaque-value-123"}', []), /Authorization value/);
  });
  it('lets redacted values and the bare scheme through', () => {
    assertNoSecrets('t', 'Authorization: Bearer [REDACTED] {"authorization":"Bearer"} bearer token', [token]);
  });
});
