/**
 * A data modeling concurrency slot is taken after the (maybe slow, async) token check. A client that
 * gives up during that check has closed its connection before the slot is taken: the slot must still
 * be given back (exchange.ts holdUntilClosed), or the project's write limit shrinks for good.
 */
import assert from 'node:assert/strict';
import http from 'node:http';
import { useEmulator } from './helpers';
import { dms, fileItem } from './dms-helpers';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('emulator: a request abandoned while its token is verified gives its slots back', () => {
  const ctx = useEmulator({
    files: 20,
    verifyToken: async (t) => {
      await sleep(100);
      return t === ctx.emulator.token || t === 'slow-identity';
    },
  });

  it('the data modeling write slot of an abandoned write is free again', async () => {
    ctx.emulator.store.modelLimits = { ...ctx.emulator.store.modelLimits, concurrentWriteLimit: 1 };
    const abandoned = http.request(new URL(`${ctx.emulator.apiBase}/models/instances`), {
      method: 'POST',
      // A token not yet seen: its check is not cached, it takes the whole wait.
      headers: { authorization: 'Bearer slow-identity', 'content-type': 'application/json' },
    });
    abandoned.on('error', () => undefined);
    abandoned.end(JSON.stringify({ items: [fileItem('plant_a_documents', 'abandoned', { name: 'a' })] }));
    await sleep(30);
    abandoned.destroy(); // gives up while the token is still being verified
    await sleep(250);

    for (const name of ['next', 'after'])
      assert.equal((await dms(ctx.emulator).upsert([fileItem('plant_a_documents', name, { name })])).status, 200);
  });
});
