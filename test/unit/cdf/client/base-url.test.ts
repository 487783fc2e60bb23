import assert from 'node:assert/strict';
import {
  clusterBaseUrl,
  clusterOrBaseUrl,
  defaultScopeFor,
  InvalidBaseUrlError,
  projectApiUrl,
  validateBaseUrl,
} from '../../../../src/cdf/client/base-url';

describe('validateBaseUrl', () => {
  it('accepts https and strips a trailing slash', () => {
    assert.equal(
      validateBaseUrl('https://westeurope-1.cognitedata.com/').href,
      'https://westeurope-1.cognitedata.com/',
    );
    assert.equal(validateBaseUrl(' https://example.com/prefix/ ').pathname, '/prefix');
  });

  it('accepts plain http only on loopback', () => {
    for (const ok of ['http://127.0.0.1:4000', 'http://localhost:1', 'http://[::1]:8080']) validateBaseUrl(ok);
    for (const bad of [
      'http://example.com',
      'http://10.0.0.1',
      'http://127.0.0.1.nip.io',
      'http://localhost.evil.com',
    ]) {
      assert.throws(
        () => validateBaseUrl(bad),
        (e: unknown) => e instanceof InvalidBaseUrlError && /https/.test(e.message),
        bad,
      );
    }
  });

  it('refuses other schemes, credentials, queries and junk with a clear message', () => {
    assert.throws(() => validateBaseUrl('ftp://example.com'), /must use https/);
    assert.throws(() => validateBaseUrl('https://user:pw@example.com'), /user name or password/);
    assert.throws(() => validateBaseUrl('https://example.com?x=1'), /query/);
    assert.throws(() => validateBaseUrl('westeurope-1'), /not a valid URL/);
  });

  it('builds the project URL and the default scope', () => {
    const base = validateBaseUrl('https://api.cognitedata.com');
    assert.equal(projectApiUrl(base, 'my project').href, 'https://api.cognitedata.com/api/v1/projects/my%20project');
    assert.equal(defaultScopeFor('https://api.cognitedata.com/'), 'https://api.cognitedata.com/.default');
    assert.equal(clusterBaseUrl('westeurope-1'), 'https://westeurope-1.cognitedata.com');
    assert.throws(() => clusterBaseUrl('evil.com/x'), InvalidBaseUrlError);
  });
});

// What a new user pastes into the connection wizard's "cluster or base URL" step.
describe('clusterOrBaseUrl', () => {
  it('takes a cluster or a base URL with the spaces a paste brings, trimmed', () => {
    assert.deepEqual(clusterOrBaseUrl(' westeurope-1 '), { cluster: 'westeurope-1' });
    assert.deepEqual(clusterOrBaseUrl(' https://westeurope-1.cognitedata.com/ '), {
      baseUrl: 'https://westeurope-1.cognitedata.com/',
    });
    assert.throws(() => clusterOrBaseUrl('  '), InvalidBaseUrlError);
    assert.throws(() => clusterOrBaseUrl('westeurope-1.cognitedata.com/x'), InvalidBaseUrlError);
  });

  it('refuses a project URL pasted whole, naming the base URL to use (the client adds /api/v1/projects/…)', () => {
    for (const pasted of [
      'https://westeurope-1.cognitedata.com/api/v1/projects/my-project',
      'https://westeurope-1.cognitedata.com/api/v1/',
      'https://westeurope-1.cognitedata.com/API/V1',
    ])
      assert.throws(() => clusterOrBaseUrl(pasted), /use "https:\/\/westeurope-1\.cognitedata\.com"/, pasted);
    assert.throws(
      () => validateBaseUrl('https://proxy.example.com/cdf/api/v1/projects/p'),
      /use "https:\/\/proxy\.example\.com\/cdf"/,
    );
    assert.equal(validateBaseUrl('https://proxy.example.com/api-v1/').pathname, '/api-v1');
  });
});
