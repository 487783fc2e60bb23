// Attack (emulator throttling, src/emulator/http/admission.ts + exchange.ts): a request's throttle
// slot is given back on the response's 'close' event (Exchange.holdUntilClosed). The slot is taken
// only after the token is verified, which may take a while (an emulator started with `verifyToken`,
// as the OAuth tests do). A client that gives up during that wait closes its connection: 'close' has
// fired before the slot is taken, so that slot is never given back. With a concurrency budget of 1,
// one such abandoned request refuses the identity with 429 for ever.
// Expected: after the abandoned request, the next request of the identity is answered 200.
import assert from 'node:assert/strict';
import http from 'node:http';
import { client as fetchClient, useEmulator } from '../emulator/helpers';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('attack: a request abandoned while its token is verified leaks its throttle slot', () => {
  const ctx = useEmulator({
    files: 20,
    throttle: { concurrency: 1 },
    verifyToken: async (t) => {
      await sleep(150);
      return t === 'slow-identity';
    },
  });

  it('the identity is not refused 429 afterwards', async () => {
    const { apiBase } = ctx.emulator;
    const url = new URL(`${apiBase}/files/list`);
    const abandoned = http.request(url, {
      method: 'POST',
      headers: { authorization: 'Bearer slow-identity', 'content-type': 'application/json' },
    });
    abandoned.on('error', () => undefined);
    abandoned.end(JSON.stringify({ limit: 1 }));
    await sleep(40);
    abandoned.destroy(); // the client gives up while the token is still being verified
    await sleep(400);

    const next = await fetchClient(ctx.emulator, 'slow-identity').post('/files/list', { limit: 1 });
    assert.equal(next.status, 200, `after an abandoned request: ${next.status} ${JSON.stringify(next.body)}`);
  });
});
