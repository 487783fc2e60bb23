import assert from 'node:assert/strict';
import { CachingTokenProvider, type IssuedToken } from '../../../../src/cdf/auth/token-cache';

/** A fake identity provider with a hand-driven clock: every call issues the next token. */
function fakeIssuer(lifetimeMs: number | undefined, clock: { now: number }) {
  const state = { calls: 0, fail: false, release: undefined as (() => void) | undefined, gate: false };
  const fetchToken = async (): Promise<IssuedToken> => {
    state.calls++;
    const n = state.calls;
    if (state.gate) await new Promise<void>((r) => (state.release = r));
    if (state.fail) throw new Error('idp down');
    return { accessToken: `token-${n}`, expiresAt: lifetimeMs === undefined ? undefined : clock.now + lifetimeMs };
  };
  return { state, fetchToken };
}

describe('token cache (auth lock)', () => {
  it('reuses a token until the refresh margin, then refreshes', async () => {
    const clock = { now: 0 };
    const { state, fetchToken } = fakeIssuer(3600_000, clock);
    const cache = new CachingTokenProvider(fetchToken, { now: () => clock.now, refreshMarginMs: 300_000 });
    assert.equal(await cache.getToken(), 'token-1');
    clock.now = 3000_000;
    assert.equal(await cache.getToken(), 'token-1');
    assert.equal(state.calls, 1);
    // Inside the margin, the current token is still handed out while a refresh runs behind it.
    clock.now = 3400_000;
    assert.equal(await cache.getToken(), 'token-1');
    await new Promise((r) => setImmediate(r));
    assert.equal(state.calls, 2);
    assert.equal(await cache.getToken(), 'token-2');
  });

  it('waits for a refresh once the token is (nearly) expired', async () => {
    const clock = { now: 0 };
    const { state, fetchToken } = fakeIssuer(60_000, clock);
    const cache = new CachingTokenProvider(fetchToken, { now: () => clock.now });
    assert.equal(await cache.getToken(), 'token-1');
    clock.now = 59_990;
    assert.equal(await cache.getToken(), 'token-2');
    assert.equal(state.calls, 2);
  });

  it('shares one refresh among many concurrent callers', async () => {
    const clock = { now: 0 };
    const { state, fetchToken } = fakeIssuer(3600_000, clock);
    state.gate = true;
    const cache = new CachingTokenProvider(fetchToken, { now: () => clock.now });
    const waiting = Array.from({ length: 50 }, () => cache.getToken());
    await new Promise((r) => setImmediate(r));
    state.release?.();
    const tokens = await Promise.all(waiting);
    assert.equal(state.calls, 1);
    assert.ok(tokens.every((t) => t === 'token-1'));
  });

  it('invalidating a rejected token refreshes once, however many requests report it', async () => {
    const clock = { now: 0 };
    const { state, fetchToken } = fakeIssuer(3600_000, clock);
    const cache = new CachingTokenProvider(fetchToken, { now: () => clock.now });
    const t1 = await cache.getToken();
    for (let i = 0; i < 20; i++) cache.invalidate(t1);
    const after = await Promise.all(Array.from({ length: 20 }, () => cache.getToken()));
    for (let i = 0; i < 20; i++) cache.invalidate(t1); // late 401s for the old token
    assert.equal(await cache.getToken(), 'token-2');
    assert.ok(after.every((t) => t === 'token-2'));
    assert.equal(state.calls, 2);
  });

  it('invalidate() without a token drops whatever is cached', async () => {
    const clock = { now: 0 };
    const { fetchToken } = fakeIssuer(undefined, clock);
    const cache = new CachingTokenProvider(fetchToken, { now: () => clock.now });
    assert.equal(await cache.getToken(), 'token-1');
    cache.invalidate();
    assert.equal(await cache.getToken(), 'token-2');
  });

  it('a failed refresh is not cached: the next call tries again', async () => {
    const clock = { now: 0 };
    const { state, fetchToken } = fakeIssuer(3600_000, clock);
    state.fail = true;
    const cache = new CachingTokenProvider(fetchToken, { now: () => clock.now });
    await assert.rejects(cache.getToken(), /idp down/);
    state.fail = false;
    assert.equal(await cache.getToken(), 'token-2');
  });

  it('a caller who aborts stops waiting, without cancelling the shared refresh for the others', async () => {
    const clock = { now: 0 };
    const { state, fetchToken } = fakeIssuer(3600_000, clock);
    state.gate = true;
    const cache = new CachingTokenProvider(fetchToken, { now: () => clock.now });
    const impatient = new AbortController();
    const first = cache.getToken(impatient.signal);
    const second = cache.getToken();
    impatient.abort();
    await assert.rejects(first, { name: 'AbortError' });
    await new Promise((r) => setImmediate(r));
    state.release?.();
    assert.equal(await second, 'token-1');
    assert.equal(state.calls, 1);
  });
});
