/**
 * The demo's token ("demo") is no secret: masking it turned every "demo" in a message into
 * "[REDACTED]" (the demo project's name, in every error the demo showed). A public token is sent
 * but not masked; every other token still is.
 */
import assert from 'node:assert/strict';
import { demoTokenProvider, StaticTokenProvider } from '../../../../src/cdf/auth/static-token';
import { CdfClient } from '../../../../src/cdf/client';
import { redactForUser } from '../../../../src/cdf/logging';

const answering: typeof fetch = () =>
  Promise.resolve(new Response('{"items":[]}', { status: 200, headers: { 'content-type': 'application/json' } }));

async function listWith(provider: StaticTokenProvider): Promise<void> {
  const client = new CdfClient({
    baseUrl: 'http://127.0.0.1:1',
    project: 'p',
    tokenProvider: provider,
    fetch: answering,
  });
  await client.listFilesPage({ limit: 1 });
}

describe('a public token (the demo emulator’s) is not masked', () => {
  it('the demo token provider says its token is public', () => {
    assert.equal(demoTokenProvider().isPublic, true);
  });

  it('a public token stays readable in messages; a private one sent alike is masked', async () => {
    await listWith(new StaticTokenProvider('public-token-qz7', true));
    await listWith(new StaticTokenProvider('private-token-qz7'));
    assert.equal(redactForUser('project public-token-qz7 opened'), 'project public-token-qz7 opened');
    assert.ok(!redactForUser('got private-token-qz7 back').includes('private-token-qz7'));
  });
});
